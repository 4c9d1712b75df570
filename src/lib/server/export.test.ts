import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { PilotResults } from '$lib/analysis/aggregate';
import { SUPPRESSED } from '$lib/charts/format';
import { allQuestions, buildPages, type Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { importResponses, restoreNeutralisedCell } from './csv-import';
import { seededRandom } from './demo';
import {
	ALL_RESULT_COLUMNS,
	buildExport,
	combinedResultRows,
	EXPORT_KINDS,
	exportNeedsManage,
	isExportKind,
	loadRawResponses,
	neutraliseText,
	RAW_COLUMNS,
	rawAnswerRows,
	resultViews,
	toCsv,
	toXlsx,
	type View
} from './export';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { pilotResults } from './results';
import { insertCompletedResponse, loadAnswers } from './responses';
import { createTestDb, testPilotForm } from './test-db';

const ROLES = ['raad', 'ondersteuner', 'gemeente', 'bestuur'];
/** raad and gemeente reach k = 5; ondersteuner (3) and bestuur (1) do not. */
const SIZES: Record<string, number> = { raad: 7, ondersteuner: 3, gemeente: 5, bestuur: 1 };
const SUPPRESSED_ROLES = ['ondersteuner', 'bestuur'];
/** Open answers that a spreadsheet would run as a formula, and texts that look like our quoting. */
const INJECTIONS = ['=1+1', '+cmd', '-2', '@SUM(A1)', "'=al met een quote", "''-twee quotes", "'t is goed zo"];
/** Only the suppressed roles ever write this, so it must never appear in an export. */
const SECRET = 'GEHEIM-kleine-groep';

let db: Db;
let cleanup: () => void;
let pilot: PilotWithScan;

function seed(target: PilotWithScan) {
	const random = seededRandom(42);
	let injection = 0;
	for (const role of ROLES) {
		const questions = allQuestions(buildPages(target.scan, { variant: target.variant, mirror: target.mirror, role }));
		for (let n = 0; n < SIZES[role]; n++) {
			const answers: [string, Answer][] = [];
			for (const q of questions) {
				const r = random();
				if (r < 0.05) continue; // not answered
				if (q.kind === 'open') {
					if (SUPPRESSED_ROLES.includes(role)) answers.push([q.key, { kind: 'text', text: `${SECRET} ${n}` }]);
					else if (r < 0.6) answers.push([q.key, { kind: 'text', text: INJECTIONS[injection++ % INJECTIONS.length] }]);
					else answers.push([q.key, { kind: 'text', text: 'Meer overleg, en "eerder".\nDank!' }]);
				} else if (r < 0.12) answers.push([q.key, { kind: 'dontKnow' }]);
				else answers.push([q.key, { kind: 'score', score: (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5 }]);
			}
			insertCompletedResponse(db, { pilotId: target.id, role, source: n % 3 === 2 ? 'paper' : 'online', answers });
		}
	}
	confirmTyped(target.id);
	// A respondent still busy: never exported.
	db.$client
		.prepare(
			"INSERT INTO responses (public_id, pilot_id, role, source, status, started_on) VALUES ('bezig-nog', ?, 'raad', 'online', 'in_progress', '2026-01-01')"
		)
		.run(target.id);
}

/** Paper and imported forms count once a second account confirmed them (four eyes). */
function confirmTyped(pilotId: number) {
	db.$client.prepare("UPDATE responses SET confirmed_on = '2026-01-02' WHERE pilot_id = ? AND source != 'online'").run(pilotId);
}

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilot = getPilot(db, createPilot(db, testPilotForm({ roles: ROLES }), null))!;
	seed(pilot);
});
afterEach(() => cleanup());

const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const parseCsv = (body: string): string[][] => parse(body, { bom: true });

/** The CSV rows of all views as objects keyed by column name. */
function combinedCsv(results: PilotResults): Record<string, string>[] {
	const { columns, rows } = combinedResultRows(resultViews(results, pilot));
	const [header, ...records] = parseCsv(toCsv(columns, rows));
	expect(header).toEqual(ALL_RESULT_COLUMNS);
	return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function csvOf(views: View[]): string {
	const { columns, rows } = combinedResultRows(views);
	return toCsv(columns, rows);
}

/** A number as the CSV writes it, or empty for null; the comparison is exact (no rounding). */
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook;
}

/** Every cell of every sheet: [sheet, row, column, cell]. */
function allCells(workbook: ExcelJS.Workbook): [string, number, number, ExcelJS.Cell][] {
	const cells: [string, number, number, ExcelJS.Cell][] = [];
	workbook.eachSheet((sheet) => sheet.eachRow((row, r) => row.eachCell((cell, c) => cells.push([sheet.name, r, c, cell]))));
	return cells;
}

/** A sheet as objects keyed by its header row, with the raw cell values. */
function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, ExcelJS.CellValue>[] {
	const sheet = workbook.getWorksheet(name)!;
	const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
	const records: Record<string, ExcelJS.CellValue>[] = [];
	sheet.eachRow((row, r) => {
		if (r === 1) return;
		records.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
	});
	return records;
}

describe('aggregated results', () => {
	it('hold exactly the numbers of PilotResults, unrounded, with a decimal dot in the CSV', () => {
		const results = pilotResults(db, pilot);
		const rows = combinedCsv(results);
		const find = (view: string, match: Record<string, string>) => {
			const found = rows.filter((r) => r.view === view && Object.entries(match).every(([k, v]) => r[k] === v));
			expect(found, `${view} ${JSON.stringify(match)}`).toHaveLength(1);
			return found[0];
		};
		let checked = 0;
		for (const r of results.roles)
			expect(find('Deelname', { rol: r.role })).toMatchObject({
				groep: r.label,
				ingeleverd: r.suppressed ? SUPPRESSED : String(r.respondents)
			});
		for (const theme of results.themes) {
			for (const role of ['raad', 'gemeente']) {
				expect(find('Themas', { thema: theme.title, rol: role }).score).toBe(num(theme.scores[role]));
				for (const item of theme.items) {
					const s = item.byRole[role]!;
					const row = find('Stellingen', { item: item.id, rol: role });
					expect(row).toMatchObject({ thema: theme.title, nummer: String(item.number), tekst: item.text });
					expect([row.n, row.weet_niet, row.ontbrekend, row['1'], row['2'], row['3'], row['4'], row['5']]).toEqual(
						[s.n, s.dontKnow, s.missing, ...s.counts].map(num)
					);
					expect([row.gemiddelde, row.mediaan, row.eens, row.oneens, row.sd]).toEqual(
						[s.mean, s.median, s.agree, s.disagree, s.sd].map(num)
					);
					expect(row.onenigheid).toBe(item.disagreement[role] === null ? '' : item.disagreement[role] ? 'ja' : 'nee');
					checked++;
				}
				for (const l of theme.ladders) {
					const x = l.byRole[role]!;
					const row = find('Ladder', { item: l.id, rol: role });
					expect([1, 2, 3, 4, 5].map((v) => row[`nu_${v}`])).toEqual(x.now.counts.map(num));
					expect([1, 2, 3, 4, 5].map((v) => row[`gewenst_${v}`])).toEqual(x.desired.counts.map(num));
					expect([row.nu_weet_niet, row.nu_mediaan, row.gewenst_weet_niet, row.gewenst_mediaan]).toEqual(
						[x.now.dontKnow, x.now.median, x.desired.dontKnow, x.desired.median].map(num)
					);
				}
				for (const q of theme.open) {
					const texts = rows
						.filter((r) => r.view === 'Open antwoorden' && r.item === q.id && r.rol === role)
						.map((r) => restoreNeutralisedCell(r.antwoord));
					expect(texts).toEqual(q.byRole[role]);
				}
			}
			for (const item of theme.items) {
				for (const c of item.comparisons) {
					const row = find('Verschillen', { item: item.id, rol_a: c.a, rol_b: c.b });
					expect([row.verschil, row.cliffs_delta]).toEqual([num(c.gap), num(c.delta)]);
					expect(row.label).toMatch(/^(heel klein|klein|middelgroot|groot)$/);
					checked++;
				}
				for (const m of item.mirrors) {
					const row = find('Spiegel', { item: item.id, rol: m.role, doelgroep: m.target });
					expect([row.verwacht, row.werkelijk, row.verschil]).toEqual([num(m.predicted), num(m.actual), num(m.difference)]);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
		// The unrounded means really have more decimals than the results page shows.
		expect(rows.some((r) => r.view === 'Stellingen' && /\.\d{3,}/.test(r.gemiddelde))).toBe(true);
		expect(rows.some((r) => r.view === 'Verschillen' && r.verschil.startsWith('-'))).toBe(true);
	});

	it('in the workbook are number cells with the same unrounded values, one sheet per view', async () => {
		const results = pilotResults(db, pilot);
		const views = resultViews(results, pilot);
		const workbook = await readXlsx(await toXlsx(views));
		expect(workbook.worksheets.map((s) => s.name)).toEqual([
			'Deelname',
			'Themas',
			'Stellingen',
			'Verschillen',
			'Spiegel',
			'Ladder',
			'Open antwoorden'
		]);
		for (const view of views) {
			const sheet = workbook.getWorksheet(view.name)!;
			expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
			expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);
			const records = sheetRecords(workbook, view.name);
			expect(records).toHaveLength(view.rows.length);
			view.rows.forEach((row, r) =>
				row.forEach((cell, c) => {
					const got = records[r][view.columns[c]];
					if (typeof cell === 'number') expect(got).toBe(cell);
					else expect(got).toBe(cell === null ? null : neutraliseText(cell));
				})
			);
		}
		const stelling = sheetRecords(workbook, 'Stellingen').find((r) => r.rol === 'raad')!;
		const item = results.themes[0].items[0];
		expect(stelling.gemiddelde).toBe(item.byRole.raad!.mean);
		expect(typeof stelling.gemiddelde).toBe('number');
	});

	it('show a role below k only as "te weinig antwoorden": no number, no text of theirs', async () => {
		const results = pilotResults(db, pilot);
		expect(results.roles.filter((r) => r.suppressed).map((r) => r.role)).toEqual(SUPPRESSED_ROLES);
		const views = resultViews(results, pilot);
		const roleColumns = ['rol', 'rol_a', 'rol_b', 'doelgroep'];
		const identifying = ['thema', 'item', 'nummer', 'tekst', 'groep', ...roleColumns];
		let suppressedRows = 0;
		for (const view of views) {
			for (const row of view.rows) {
				const involves = view.columns.some((c, i) => roleColumns.includes(c) && SUPPRESSED_ROLES.includes(row[i] as string));
				if (!involves) continue;
				suppressedRows++;
				const figures = row.filter((_, i) => !identifying.includes(view.columns[i]));
				expect(
					figures.filter((f) => f !== null),
					`${view.name}: ${JSON.stringify(row)}`
				).toEqual([SUPPRESSED]);
			}
		}
		expect(suppressedRows).toBeGreaterThan(100);

		const csv = csvOf(views);
		const xlsx = allCells(await readXlsx(await toXlsx(views))).map(([, , , c]) => String(c.value));
		expect(csv).not.toContain(SECRET);
		expect(xlsx.join('\n')).not.toContain(SECRET);

		// The strongest form: the files are the same as when the small groups had never answered.
		const before = csvOf(views);
		db.$client.prepare(`DELETE FROM responses WHERE pilot_id = ? AND role IN ('ondersteuner', 'bestuur')`).run(pilot.id);
		const without = resultViews(pilotResults(db, pilot), pilot);
		expect(csvOf(without)).toBe(before);
		const xlsxWithout = allCells(await readXlsx(await toXlsx(without))).map(([, , , c]) => String(c.value));
		expect(xlsxWithout).toEqual(xlsx);
	});

	it('name every view column in the one-file CSV', () => {
		for (const view of resultViews(pilotResults(db, pilot), pilot)) for (const c of view.columns) expect(ALL_RESULT_COLUMNS).toContain(c);
	});
});

describe('formula injection', () => {
	const risky = /^[=+\-@\t\r]/;

	it('is neutralised in the CSV: only numbers start with a minus, open answers get a quote', async () => {
		for (const kind of ['uitkomsten.csv', 'antwoorden.csv'] as const) {
			const file = await buildExport(kind, pilot, pilotResults(db, pilot), loadRawResponses(db, pilot.id));
			const cells = parseCsv(text(file.body)).flat();
			for (const cell of cells) if (risky.test(cell)) expect(cell, kind).toMatch(/^-\d+(\.\d+)?(e-\d+)?$/);
			// Open answers are only in the results export (the raw answers leave them out).
			if (kind === 'antwoorden.csv') continue;
			for (const injection of ['=1+1', '+cmd', '-2', '@SUM(A1)']) expect(cells, kind).toContain(`'${injection}`);
			expect(cells).toContain("''=al met een quote");
			expect(cells).toContain("'''-twee quotes");
			expect(cells).toContain("'t is goed zo");
		}
	});

	it('is neutralised in the workbook: text cells are plain strings with a quote, no cell is a formula', async () => {
		for (const kind of ['uitkomsten.xlsx', 'antwoorden.xlsx'] as const) {
			const file = await buildExport(kind, pilot, pilotResults(db, pilot), loadRawResponses(db, pilot.id));
			const cells = allCells(await readXlsx(file.body as Uint8Array));
			expect(cells.length).toBeGreaterThan(100);
			for (const [sheet, r, c, cell] of cells) {
				const where = `${kind} ${sheet}!R${r}C${c}`;
				expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
				expect(cell.formula, where).toBeUndefined();
				expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number], where).toContain(cell.type);
				if (cell.type === ExcelJS.ValueType.String) expect(cell.value as string, where).not.toMatch(risky);
			}
			const strings = cells.filter(([, , , c]) => c.type === ExcelJS.ValueType.String).map(([, , , c]) => c.value);
			if (kind === 'antwoorden.xlsx') continue;
			for (const injection of ['=1+1', '+cmd', '-2', '@SUM(A1)']) expect(strings, kind).toContain(`'${injection}`);
		}
	});

	it('a plain string "=…" is never turned into a formula by exceljs', async () => {
		const view: View = { name: 'x', columns: ['a'], rows: [['=HYPERLINK("http://example.org","klik")']] };
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('raw').addRow(['=1+1']); // even without our quote
		const back = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(back.getWorksheet('raw')!.getCell('A1').type).toBe(ExcelJS.ValueType.String);
		expect(back.getWorksheet('raw')!.getCell('A1').value).toBe('=1+1');
		const ours = await readXlsx(await toXlsx([view]));
		expect(ours.getWorksheet('x')!.getCell('A2').value).toBe(`'=HYPERLINK("http://example.org","klik")`);
	});

	it('quoting and the import’s unquoting are exact inverses, for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', '1') }), (s) => {
				expect(restoreNeutralisedCell(neutraliseText(s))).toBe(s);
				expect(neutraliseText(s)).not.toMatch(/^[=+\-@\t\r]/);
			})
		);
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(restoreNeutralisedCell(neutraliseText(s))).toBe(s);
			})
		);
		// A quote that is not ours stays: "'t" is Dutch for "het".
		expect(restoreNeutralisedCell("'t is goed")).toBe("'t is goed");
		expect(restoreNeutralisedCell("'-2")).toBe('-2');
	});

	it('the import takes a quoted open answer back without the quote', async () => {
		const fresh = getPilot(db, createPilot(db, testPilotForm(), null))!;
		const csv =
			"response,role,item,value\n1,raad,doel-open,'-2 keer per jaar\n1,raad,agenda-open,'=1+1\n1,raad,invloed-open,'t Is goed\n1,raad,doel-1,'3\n";
		const result = await importResponses(db, fresh, new TextEncoder().encode(csv));
		// "'3" is not ours (a number is never quoted) and no valid score: the file is refused.
		expect(result.ok).toBe(false);
		const ok = await importResponses(db, fresh, new TextEncoder().encode(csv.replace("doel-1,'3", 'doel-1,3')));
		expect(ok).toEqual({ ok: true, responses: 1, answers: 4 });
		const id = (db.$client.prepare('SELECT id FROM responses WHERE pilot_id = ?').get(fresh.id) as { id: number }).id;
		const answers = loadAnswers(db, id);
		expect(answers.get('doel-open')).toEqual({ kind: 'text', text: '-2 keer per jaar' });
		expect(answers.get('agenda-open')).toEqual({ kind: 'text', text: '=1+1' });
		expect(answers.get('invloed-open')).toEqual({ kind: 'text', text: "'t Is goed" });
	});
});

describe('raw answers', () => {
	/** Each response's scored answers (open answers are not exported raw) as a canonical string, sorted, per role. */
	function contents(pilotId: number): Record<string, string[]> {
		const rows = db.$client.prepare("SELECT id, role FROM responses WHERE pilot_id = ? AND status = 'submitted'").all(pilotId) as {
			id: number;
			role: string;
		}[];
		const out: Record<string, string[]> = {};
		for (const r of rows)
			(out[r.role] ??= []).push(
				JSON.stringify([...loadAnswers(db, r.id)].filter(([, a]) => a.kind !== 'text').sort(([a], [b]) => (a < b ? -1 : 1)))
			);
		for (const list of Object.values(out)) list.sort();
		return out;
	}

	it('are in the long import format, submitted only, roles at or above k only, without dates', async () => {
		const file = await buildExport('antwoorden.csv', pilot, pilotResults(db, pilot), loadRawResponses(db, pilot.id));
		expect(file.fileName).toBe(`quickscan-${pilot.id}-antwoorden.csv`);
		const [header, ...rows] = parseCsv(text(file.body));
		expect(header).toEqual([...RAW_COLUMNS]);
		expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['raad', 'gemeente']));
		expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['online', 'paper']));
		const ids = new Set(rows.map((r) => r[0]));
		expect(ids.size).toBe(SIZES.raad + SIZES.gemeente);
		expect(ids.has('bezig-nog')).toBe(false);
		const publicIds = db.$client.prepare('SELECT public_id FROM responses').pluck().all() as string[];
		for (const id of ids) expect(publicIds).toContain(restoreNeutralisedCell(id));
		expect(text(file.body)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		expect(text(file.body)).not.toContain(SECRET);
		// Every value is 1–5 or weet_niet: open answers are not next to a person's scores.
		const open = new Set(pilot.scan.themes.flatMap((t) => t.items.filter((i) => i.type === 'open').map((i) => i.id)));
		for (const [, , , item, value] of rows) {
			expect(open.has(item), item).toBe(false);
			expect(value).toMatch(/^([1-5]|weet_niet)$/);
		}
		expect(text(file.body)).not.toContain('Meer overleg');
	});

	it('round-trip: importing the file into an empty pilot of the same scan gives the same scored answers', async () => {
		const file = await buildExport('antwoorden.csv', pilot, pilotResults(db, pilot), loadRawResponses(db, pilot.id));
		const fresh = getPilot(db, createPilot(db, testPilotForm({ roles: ROLES }), null))!;
		const result = await importResponses(db, fresh, new TextEncoder().encode(text(file.body)));
		expect(result).toMatchObject({ ok: true, responses: SIZES.raad + SIZES.gemeente });
		confirmTyped(fresh.id);
		const original = contents(pilot.id);
		const imported = contents(fresh.id);
		expect(Object.keys(imported).sort()).toEqual(['gemeente', 'raad']);
		expect(imported.raad).toEqual(original.raad);
		expect(imported.gemeente).toEqual(original.gemeente);
		expect(imported.raad.join('\n')).not.toContain('"kind":"text"');
		// And so the analysis of the shown roles is the same.
		const a = pilotResults(db, pilot);
		const b = pilotResults(db, fresh);
		for (const [i, theme] of a.themes.entries())
			for (const role of ['raad', 'gemeente']) expect(b.themes[i].scores[role]).toBe(theme.scores[role]);
	});

	it('the workbook holds the same rows, with scores as numbers', async () => {
		const results = pilotResults(db, pilot);
		const rows = rawAnswerRows(results, pilot, loadRawResponses(db, pilot.id));
		const file = await buildExport('antwoorden.xlsx', pilot, results, loadRawResponses(db, pilot.id));
		const records = sheetRecords(await readXlsx(file.body as Uint8Array), 'Antwoorden');
		expect(records.map((r) => RAW_COLUMNS.map((c) => r[c]))).toEqual(
			rows.map((row) => row.map((c) => (typeof c === 'string' ? neutraliseText(c) : c)))
		);
		expect(records.some((r) => typeof r.value === 'number')).toBe(true);
	});

	it('are left out entirely for a pilot whose roles are all below k', async () => {
		db.$client.prepare(`DELETE FROM responses WHERE pilot_id = ? AND role = 'gemeente'`).run(pilot.id);
		db.$client
			.prepare(`DELETE FROM responses WHERE id IN (SELECT id FROM responses WHERE pilot_id = ? AND role = 'raad' LIMIT 3)`)
			.run(pilot.id);
		const file = await buildExport('antwoorden.csv', pilot, pilotResults(db, pilot), loadRawResponses(db, pilot.id));
		expect(parseCsv(text(file.body))).toEqual([[...RAW_COLUMNS]]);
	});
});

describe('export kinds', () => {
	it('knows four kinds; the raw answers need the right to manage', () => {
		expect(EXPORT_KINDS.filter(isExportKind)).toHaveLength(4);
		expect(['uitkomsten.pdf', 'antwoorden', '../x.csv', ''].some(isExportKind)).toBe(false);
		expect(EXPORT_KINDS.filter(exportNeedsManage)).toEqual(['antwoorden.csv', 'antwoorden.xlsx']);
	});

	it('gives each kind its content type and file name', async () => {
		const results = pilotResults(db, pilot);
		const raw = loadRawResponses(db, pilot.id);
		for (const kind of EXPORT_KINDS) {
			const file = await buildExport(kind, pilot, results, raw);
			expect(file.fileName).toBe(`quickscan-${pilot.id}-${kind}`);
			expect(file.contentType).toBe(
				kind.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			);
			if (kind.endsWith('.csv')) expect(text(file.body).startsWith('\uFEFF')).toBe(true);
			else
				expect(
					Buffer.from(file.body as Uint8Array)
						.subarray(0, 2)
						.toString()
				).toBe('PK');
		}
	});
});
