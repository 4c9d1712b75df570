import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { allQuestions, buildPages, type Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { importResponses, importTemplate, IMPORT_COLUMNS, MAX_IMPORT_FORMS, validateImport } from './csv-import';
import { inLocale } from './locale';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { loadAnswers } from './responses';
import { createTestDb, testPilotForm } from './test-db';

const pilotForm = testPilotForm;

let db: Db;
let cleanup: () => void;
let pilot: PilotWithScan;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilot = getPilot(db, createPilot(db, pilotForm(), null))!;
});
afterEach(() => cleanup());

const utf8 = (text: string) => new TextEncoder().encode(text);
const counts = () => ({
	responses: (db.$client.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n,
	answers: (db.$client.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n
});
/** The imported responses of the pilot as role → answers, in insertion order. */
function stored(pilotId = pilot.id): { role: string; source: string; status: string; answers: Map<string, Answer> }[] {
	const rows = db.$client.prepare('SELECT id, role, source, status FROM responses WHERE pilot_id = ? ORDER BY id').all(pilotId) as {
		id: number;
		role: string;
		source: string;
		status: string;
	}[];
	return rows.map((r) => ({ role: r.role, source: r.source, status: r.status, answers: loadAnswers(db, r.id) }));
}

/** One file's content as rows; the expected answers are derived from the same rows. */
const OPEN_TEXT = 'Meer overleg, en eerder.\nEn graag "op tijd" informatie; dank!';
const rows: [string, string, string, string][] = [
	['1', 'raad', 'doel-1', '4'],
	['1', 'raad', 'doel-1.spiegel', '2'],
	['1', 'raad', 'doel-2', 'weet_niet'],
	['1', 'raad', 'doel-3', ''],
	['1', 'raad', 'invloed-ladder.nu', '2'],
	['1', 'raad', 'invloed-ladder.gewenst', '4'],
	['1', 'raad', 'doel-open', OPEN_TEXT],
	['A-7', 'gemeente', 'doel-1', '5'],
	['A-7', 'gemeente', 'agenda-open', 'Armoede, schulden, en werk']
];
function expectedAnswers(): { role: string; answers: Map<string, Answer> }[] {
	const byId = new Map<string, { role: string; answers: Map<string, Answer> }>();
	for (const [id, role, key, value] of rows) {
		if (!byId.has(id)) byId.set(id, { role, answers: new Map() });
		if (value === '') continue;
		const answer: Answer =
			value === 'weet_niet'
				? { kind: 'dontKnow' }
				: /^[1-5]$/.test(value)
					? { kind: 'score', score: Number(value) as 1 }
					: { kind: 'text', text: value };
		byId.get(id)!.answers.set(key, answer);
	}
	return [...byId.values()];
}
/** Quotes every cell with a quote, a line break, a comma or a semicolon (like csv-stringify does). */
const quote = (cell: string) => (/["\n\r,;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
function csv(data: string[][], delimiter = ',', newline = '\n') {
	return data.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}
const header = [...IMPORT_COLUMNS];

describe('a valid file', () => {
	it('with commas imports every response with the right answers', async () => {
		const result = await importResponses(db, pilot, utf8(csv([header, ...rows])));
		const expected = expectedAnswers();
		expect(result).toEqual({ ok: true, responses: expected.length, answers: expected.reduce((n, r) => n + r.answers.size, 0) });
		const got = stored();
		expect(got.map((r) => r.role)).toEqual(expected.map((r) => r.role));
		got.forEach((r, i) => expect(r.answers).toEqual(expected[i].answers));
		expect(got.every((r) => r.source === 'import' && r.status === 'submitted')).toBe(true);
	});

	it('with semicolons, a BOM and CRLF line ends (as Dutch Excel saves it) imports the same', async () => {
		const text = '\uFEFF' + csv([header, ...rows], ';', '\r\n');
		const result = await importResponses(db, pilot, utf8(text));
		expect(result.ok).toBe(true);
		const got = stored();
		const expected = expectedAnswers();
		expect(got).toHaveLength(expected.length);
		got.forEach((r, i) => expect(r.answers).toEqual(expected[i].answers));
	});

	it('keeps a comma in an unquoted cell of a semicolon file (Excel does not quote it)', async () => {
		// Excel's "CSV (puntkomma's)" quotes only cells with a semicolon, a quote or a line break.
		const text = 'response;role;item;value\r\n1;raad;doel-open;Goed, maar te laat\r\n1;raad;doel-1;3\r\n';
		const result = await importResponses(db, pilot, utf8(text));
		expect(result).toEqual({ ok: true, responses: 1, answers: 2 });
		expect(stored()[0]?.answers.get('doel-open')).toEqual({ kind: 'text', text: 'Goed, maar te laat' });
	});

	it('keeps a semicolon in an unquoted cell of a comma file', async () => {
		const text = 'response,role,item,value\n1,raad,doel-open,Werk; inkomen\n';
		const result = await importResponses(db, pilot, utf8(text));
		expect(result).toEqual({ ok: true, responses: 1, answers: 1 });
		expect(stored()[0]?.answers.get('doel-open')).toEqual({ kind: 'text', text: 'Werk; inkomen' });
	});

	it('accepts the columns in any order, in any case, with an extra column', async () => {
		const text = csv([
			['Item', 'VALUE', 'opmerking', 'Role', 'Response'],
			['doel-1', '3', 'overgetypt van papier', 'gemeente', 'p1']
		]);
		expect(await importResponses(db, pilot, utf8(text))).toEqual({ ok: true, responses: 1, answers: 1 });
		expect(stored()[0]).toMatchObject({ role: 'gemeente', answers: new Map([['doel-1', { kind: 'score', score: 3 }]]) });
	});
});

describe('all or nothing', () => {
	it('a file whose last row is bad stores nothing, and the error names the row and the column', async () => {
		// Something already stored, so "nothing changed" is not trivially zero.
		expect((await importResponses(db, pilot, utf8(csv([header, ['x', 'raad', 'doel-1', '3']])))).ok).toBe(true);
		const before = counts();
		const data = [header, ...rows, ['9', 'gemeente', 'doel-2', '7']];
		const result = await importResponses(db, pilot, utf8(csv(data)));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		// Row numbers as a spreadsheet shows them: the header is row 1. The open answer spans two
		// text lines but is one row.
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toContain(`Rij ${data.length}, kolom "value"`);
		expect(result.errors[0]).toContain('"7"');
		expect(counts()).toEqual(before);
	});

	it('reports several bad rows at once, each with its own row number', async () => {
		const data = [header, ['1', 'raad', 'doel-1', '0'], ['1', 'raad', 'doel-2', '3'], ['1', 'raad', 'doel-3', 'ja']];
		const result = await validateImport(pilot, utf8(csv(data)));
		expect(result.errors.map((e) => e.slice(0, e.indexOf(','))).sort()).toEqual(['Rij 2', 'Rij 4']);
		expect(result.responses.size).toBe(0);
	});
});

describe('the error list', () => {
	const badRows = (n: number) => [header, ...Array.from({ length: n }, (_, i) => [`f${i}`, 'raad', 'doel-1', '9'])];
	const MORE = 'Er zijn mogelijk meer fouten; herstel deze eerst.';

	it('stops after 20 errors and says there are more', async () => {
		const { errors } = await validateImport(pilot, utf8(csv(badRows(25))));
		expect(errors).toHaveLength(21);
		expect(errors.at(-1)).toBe(MORE);
		expect(errors[19]).toContain('Rij 21,');
	});

	it('does not claim there are more errors when there are exactly 20', async () => {
		const { errors } = await validateImport(pilot, utf8(csv(badRows(20))));
		expect(errors.filter((e) => e.startsWith('Rij '))).toHaveLength(20);
		expect(errors).not.toContain(MORE);
	});
});

describe('Dutch errors for bad files', () => {
	const errorsOf = async (text: string | Uint8Array) => {
		const before = counts();
		const result = await importResponses(db, pilot, typeof text === 'string' ? utf8(text) : text);
		expect(result.ok).toBe(false);
		expect(counts()).toEqual(before);
		return result.ok ? [] : result.errors;
	};

	it('an unknown role', async () => {
		const [error] = await errorsOf(csv([header, ['1', 'wethouder', 'doel-1', '3']]));
		expect(error).toContain('Rij 2, kolom "role"');
		expect(error).toContain('"wethouder" is geen rol van deze pilot');
		expect(error).toContain('raad, gemeente');
	});

	it('a role of the scan that this pilot does not have', async () => {
		const [error] = await errorsOf(csv([header, ['1', 'bestuur', 'doel-1', '3']]));
		expect(error).toContain('"bestuur" is geen rol van deze pilot');
	});

	it('an unknown item', async () => {
		const [error] = await errorsOf(csv([header, ['1', 'raad', 'doel-99', '3']]));
		expect(error).toContain('Rij 2, kolom "item"');
		expect(error).toContain('"doel-99" is geen vraag van deze pilot');
	});

	it('an item the pilot does not ask (short variant, mirror off)', async () => {
		const short = getPilot(db, createPilot(db, pilotForm({ variant: 'short', mirror: false }), null))!;
		const questions = allQuestions(buildPages(short.scan, { variant: 'short', mirror: false, role: 'raad' })).map((q) => q.key);
		const fullOnly = short.scan.themes.flatMap((t) => t.items).find((i) => !i.short)!.id;
		expect(questions).not.toContain(fullOnly);
		for (const key of [fullOnly, 'doel-1.spiegel']) {
			const result = await importResponses(db, short, utf8(csv([header, ['1', 'raad', key, '3']])));
			expect(result.ok).toBe(false);
			expect(!result.ok && result.errors[0]).toContain(`"${key}" is geen vraag van deze pilot`);
		}
	});

	it.each(['6', '0', '3.5', 'ja'])('the value %j for a statement', async (value) => {
		const [error] = await errorsOf(csv([header, ['1', 'raad', 'doel-1', value]]));
		expect(error).toContain('Rij 2, kolom "value"');
		expect(error).toContain(`"${value}" is geen geldig antwoord op doel-1`);
		expect(error).toContain('Gebruik 1 tot en met 5');
	});

	it('an open answer that is too long', async () => {
		const max = pilot.scan.themes[0].items.find((i) => i.id === 'doel-open')!;
		expect(max.type).toBe('open');
		const limit = max.type === 'open' ? max.maxLength : 0;
		const [error] = await errorsOf(csv([header, ['1', 'raad', 'doel-open', 'x'.repeat(limit + 1)]]));
		expect(error).toContain('Rij 2, kolom "value"');
		expect(error).toContain(`tot ${limit} letters`);
	});

	it('a duplicate item for one response', async () => {
		const errors = await errorsOf(csv([header, ['1', 'raad', 'doel-1', '3'], ['2', 'raad', 'doel-1', '3'], ['1', 'raad', 'doel-1', '4']]));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('Rij 4, kolom "item"');
		expect(errors[0]).toContain('formulier "1" heeft al een antwoord op doel-1');
	});

	it('one response with two roles', async () => {
		const [error] = await errorsOf(csv([header, ['1', 'raad', 'doel-1', '3'], ['1', 'gemeente', 'doel-2', '3']]));
		expect(error).toContain('Rij 3, kolom "role"');
		expect(error).toContain('één formulier hoort bij één rol');
	});

	it('an empty response cell', async () => {
		const [error] = await errorsOf(csv([header, ['', 'raad', 'doel-1', '3']]));
		expect(error).toContain('Rij 2, kolom "response"');
	});

	it('a missing header column', async () => {
		const [error] = await errorsOf(
			csv([
				['response', 'role', 'item'],
				['1', 'raad', 'doel-1']
			])
		);
		expect(error).toContain('Rij 1');
		expect(error).toContain('de kolom "value" ontbreekt');
	});

	it('an empty file, and a file with only the header', async () => {
		expect(await errorsOf(new Uint8Array())).toEqual(['Het bestand is leeg.']);
		expect(await errorsOf('\n\n')).toEqual(['Het bestand is leeg.']);
		expect((await errorsOf(csv([header])))[0]).toContain('alleen kolomnamen');
	});

	it('non-UTF-8 bytes (Latin-1 ë)', async () => {
		const latin1 = Uint8Array.from([...utf8('response,role,item,value\n1,raad,doel-open,Re'), 0xeb, ...utf8('l\n')]);
		const [error] = await errorsOf(latin1);
		expect(error).toContain('geen UTF-8');
	});

	it('a broken quote', async () => {
		const [error] = await errorsOf('response,role,item,value\n1,raad,doel-open,"niet afgesloten\n');
		expect(error).toContain('geen geldige CSV');
	});
});

describe('English errors for bad files', () => {
	it("name the row and the column (by the file's own column names) in English", async () => {
		const result = await inLocale('en', () =>
			importResponses(db, pilot, utf8(csv([header, ['1', 'wethouder', 'doel-1', '3'], ['2', 'raad', 'doel-1', '9']])))
		);
		expect(result.ok).toBe(false);
		const errors = result.ok ? [] : result.errors;
		expect(errors[0]).toBe('Row 2, column "role": "wethouder" is not a role of this pilot. Choose from: raad, gemeente.');
		expect(errors[1]).toContain('Row 3, column "value": "9" is not a valid answer to doel-1. Use 1 to 5');
	});

	it('in the template, name the example forms in English', () => {
		const [first] = parse(
			inLocale('en', () => importTemplate(pilot)),
			{ from_line: 2, to_line: 2 }
		) as string[][];
		expect(first[0]).toBe('example-1');
	});
});

describe('large files', () => {
	const forms = (n: number, keys = ['doel-1', 'doel-2', 'doel-3']) => [
		header,
		...Array.from({ length: n }, (_, i) => keys.map((k) => [`f${i}`, 'raad', k, String((i % 5) + 1)])).flat()
	];

	it(`takes up to ${MAX_IMPORT_FORMS} forms in one file and refuses more, storing nothing`, async () => {
		const tooMany = await importResponses(db, pilot, utf8(csv(forms(MAX_IMPORT_FORMS + 1))));
		expect(tooMany).toEqual({ ok: false, errors: [expect.stringContaining(`meer dan ${MAX_IMPORT_FORMS} formulieren`)] });
		expect(counts().responses).toBe(0);
		// More form codes than one SQL statement may hold values for would fail without chunking.
		expect(await importResponses(db, pilot, utf8(csv(forms(MAX_IMPORT_FORMS))))).toEqual({
			ok: true,
			responses: MAX_IMPORT_FORMS,
			answers: 3 * MAX_IMPORT_FORMS
		});
		const again = await importResponses(db, pilot, utf8(csv(forms(MAX_IMPORT_FORMS, ['doel-4']))));
		expect(again.ok).toBe(false);
	});

	it('lets the server do other work while a large file is checked', async () => {
		let otherWork = false;
		setImmediate(() => (otherWork = true));
		const result = await validateImport(pilot, utf8(csv(forms(1000))));
		expect(result.errors).toEqual([]);
		// Had the check run in one go, the callback queued before it could not have run yet.
		expect(otherWork).toBe(true);
	});
});

describe('importTemplate', () => {
	it('lists every question of every role of the pilot', () => {
		const template = parse(importTemplate(pilot)) as string[][];
		expect(template[0]).toEqual([...IMPORT_COLUMNS]);
		for (const role of pilot.roles) {
			const keys = allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role })).map((q) => q.key);
			expect(template.filter((r) => r[1] === role).map((r) => r[2])).toEqual(keys);
		}
		expect(template.slice(1).every((r) => r[3] === '')).toBe(true);
	});

	it('filled in, imports cleanly (round trip)', async () => {
		const template = parse(importTemplate(pilot)) as string[][];
		const kinds = new Map(
			pilot.roles.flatMap((role) =>
				allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role })).map((q) => [q.key, q.kind])
			)
		);
		const filled = template.map((r, i) =>
			i === 0 ? r : [r[0], r[1], r[2], kinds.get(r[2]) === 'open' ? `Antwoord, regel ${i}` : String((i % 5) + 1)]
		);
		const result = await importResponses(db, pilot, utf8(csv(filled)));
		expect(result).toEqual({ ok: true, responses: pilot.roles.length, answers: filled.length - 1 });
		const got = stored();
		expect(got.map((r) => r.role)).toEqual(pilot.roles);
		for (const [i, r] of filled.entries()) {
			if (i === 0) continue;
			const answer = got[pilot.roles.indexOf(r[1])].answers.get(r[2]);
			expect(answer).toEqual(kinds.get(r[2]) === 'open' ? { kind: 'text', text: r[3] } : { kind: 'score', score: Number(r[3]) });
		}
	});
});

describe('responses without any answer', () => {
	it('refuses a form whose rows are all empty, and stores nothing of the file', async () => {
		const file = ['response,role,item,value', 'a,raad,doel-1,4', 'b,gemeente,doel-1,', 'b,gemeente,doel-2,'].join('\n');
		const before = counts();
		const result = await importResponses(db, pilot, utf8(file));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toEqual(['Formulier "b" heeft geen enkel antwoord. Vul antwoorden in of haal de rijen weg.']);
		expect(counts()).toEqual(before);
	});
});

describe('the same file twice', () => {
	it('is refused the second time, naming the day of the first import', async () => {
		const file = utf8(['response,role,item,value', 'a,raad,doel-1,4'].join('\n'));
		expect(await importResponses(db, pilot, file, '2026-11-20')).toEqual({ ok: true, responses: 1, answers: 1 });
		const before = counts();
		const again = await importResponses(db, pilot, file, '2026-11-21');
		expect(again.ok).toBe(false);
		if (!again.ok) expect(again.errors[0]).toContain('20 november 2026 al geïmporteerd');
		expect(counts()).toEqual(before);
		// Another pilot may import the same file.
		const other = getPilot(db, createPilot(db, pilotForm({ municipality: 'Noordstad' }), null))!;
		expect((await importResponses(db, other, file)).ok).toBe(true);
	});
});

describe('forms imported before', () => {
	it('refuses a changed file that repeats a form code, and accepts role and item in any case', async () => {
		expect((await importResponses(db, pilot, utf8('response,role,item,value\nf1,Raad,Doel-1,4\n'))).ok).toBe(true);
		const before = counts();
		const again = await importResponses(db, pilot, utf8('response,role,item,value\n\nf2,raad,doel-1,3\nf1,raad,doel-2,2\n'));
		expect(again).toEqual({
			ok: false,
			errors: ['Deze formulieren zijn al eerder geïmporteerd: f1. Haal ze uit het bestand, anders tellen ze dubbel.']
		});
		expect(counts()).toEqual(before);
		expect((await importResponses(db, pilot, utf8('response,role,item,value\nf2,raad,doel-1,3\n'))).ok).toBe(true);
		// The codes are not stored as typed: a facilitator may have used names.
		const stored = db.$client.prepare('SELECT code_hash FROM imported_forms').all() as { code_hash: string }[];
		expect(stored).toHaveLength(2);
		expect(stored.some((r) => r.code_hash.includes('f1'))).toBe(false);
	});
});
