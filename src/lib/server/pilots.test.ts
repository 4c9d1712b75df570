import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { acceptState, createPilot, deletePilot, getPilot, pilotFormSchema, PilotError, setPilotStatus, updatePilot } from './pilots';
import { contentHash, findScan, loadScans } from './scans';
import { createTestDb } from './test-db';

const SCAN_ID = 'clientenparticipatie-werk-en-inkomen';
const validInput = {
	municipality: 'Zuidstad',
	roundLabel: 'Nulmeting',
	cbsCode: 'GM0363',
	councilType: 'clientenraad',
	scan: `${SCAN_ID}@1`,
	variant: 'full',
	mirror: true,
	roles: ['raad', 'gemeente'],
	minGroupSize: 5,
	opensOn: '2026-03-01',
	closesOn: '2026-03-31',
	benchmarkConsent: false
};
const form = (overrides: Record<string, unknown> = {}) => pilotFormSchema.parse({ ...validInput, ...overrides });

/** The messages of a rejected form, by field. */
function errors(overrides: Record<string, unknown>): Record<string, string[]> {
	const result = pilotFormSchema.safeParse({ ...validInput, ...overrides });
	expect(result.success, 'the form should be rejected').toBe(false);
	const byField: Record<string, string[]> = {};
	for (const issue of result.error!.issues) (byField[issue.path.join('.') || '(form)'] ??= []).push(issue.message);
	return byField;
}

describe('pilotFormSchema', () => {
	it('accepts a valid form and normalises it', () => {
		const parsed = pilotFormSchema.parse({
			...validInput,
			cbsCode: ' gm0363 ',
			minGroupSize: '4',
			opensOn: '',
			closesOn: ' ',
			municipality: '  Zuidstad '
		});
		expect(parsed).toMatchObject({ municipality: 'Zuidstad', cbsCode: 'GM0363', minGroupSize: 4, opensOn: null, closesOn: null });
		expect(pilotFormSchema.parse({ ...validInput, cbsCode: '' }).cbsCode).toBeNull();
	});

	it('keeps an optional contact for respondents, trimmed, and refuses a long one in Dutch', () => {
		expect(form({ contact: '  Anna de Vries, 06 12 34 56 78 ' }).contact).toBe('Anna de Vries, 06 12 34 56 78');
		expect(form({ contact: ' ' }).contact).toBeNull();
		expect(form({}).contact).toBeNull();
		expect(errors({ contact: 'x'.repeat(201) }).contact).toEqual(['Gebruik hoogstens 200 tekens.']);
	});

	it('rejects a minimum group size below 3, in Dutch', () => {
		for (const k of [2, 0, -5, '1'])
			expect(errors({ minGroupSize: k }).minGroupSize).toEqual([
				'De minimale groepsgrootte is 3 of meer, om antwoorden anoniem te houden.'
			]);
		expect(pilotFormSchema.parse({ ...validInput, minGroupSize: 3 }).minGroupSize).toBe(3);
		expect(errors({ minGroupSize: 'vijf' }).minGroupSize).toEqual(['Vul een getal in.']);
		expect(errors({ minGroupSize: 4.5 }).minGroupSize).toEqual(['Vul een heel getal in.']);
	});

	it('rejects a bad CBS code, in Dutch', () => {
		for (const code of ['GM363', '0363', 'XX0363', 'GM03631', 'GM 0363'])
			expect(errors({ cbsCode: code }).cbsCode, code).toEqual(['Een CBS-code is GM met vier cijfers, bijvoorbeeld GM0363.']);
	});

	it('rejects a closing day before the opening day, on the closing field; the same day is fine', () => {
		expect(errors({ opensOn: '2026-04-10', closesOn: '2026-04-09' })).toEqual({ closesOn: ['De einddatum ligt vóór de startdatum.'] });
		expect(pilotFormSchema.safeParse({ ...validInput, opensOn: '2026-04-10', closesOn: '2026-04-10' }).success).toBe(true);
		expect(pilotFormSchema.safeParse({ ...validInput, opensOn: '', closesOn: '2026-04-10' }).success).toBe(true);
	});

	it('rejects a day that is not a date', () => {
		expect(errors({ opensOn: '2026-02-30' }).opensOn?.[0]).toMatch(/^Vul een geldige datum in/);
		expect(errors({ closesOn: 'morgen' }).closesOn?.[0]).toMatch(/^Vul een geldige datum in/);
	});

	it('rejects fewer than two roles, in Dutch', () => {
		for (const roles of [['raad'], []])
			expect(errors({ roles }).roles).toEqual(['Kies minstens twee rollen, anders valt er niets te vergelijken.']);
	});

	it('gives Dutch messages for missing or wrong choices', () => {
		const byField = errors({ municipality: ' ', councilType: 'raad', variant: 'lang', scan: '' });
		expect(byField).toEqual({
			municipality: ['Vul de naam van de gemeente in (minstens 2 tekens).'],
			councilType: ['Kies wat voor raad het is.'],
			variant: ['Kies de volledige of de korte versie.'],
			scan: ['Kies een scan.']
		});
		// A field without a message of its own still gets zod's Dutch default.
		const { mirror, ...withoutMirror } = validInput;
		expect(mirror).toBe(true);
		const result = pilotFormSchema.safeParse(withoutMirror);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toMatch(/ongeldig|verwacht/i);
		expect(result.error?.issues[0].message).not.toMatch(/invalid|expected/i);
	});
});

describe('createPilot', () => {
	let db: Db;
	let dir: string;
	let cleanup: () => void;
	beforeEach(() => ({ db, dir, cleanup } = createTestDb()));
	afterEach(() => cleanup());
	const snapshots = () =>
		db.$client.prepare('SELECT id, scan_id, version, content_hash FROM scan_snapshots').all() as { id: number; content_hash: string }[];

	it('stores the pilot with a snapshot of the exact scan definition', () => {
		const id = createPilot(db, form(), null);
		const pilot = getPilot(db, id)!;
		const scan = findScan(SCAN_ID, 1)!;
		expect(pilot).toMatchObject({
			municipality: 'Zuidstad',
			status: 'draft',
			variant: 'full',
			mirror: true,
			minGroupSize: 5,
			opensOn: '2026-03-01',
			ownerId: null
		});
		expect(pilot.scan).toEqual(scan.definition);
		expect(pilot.scanHash).toBe(contentHash(scan.definition));
		expect(snapshots()).toEqual([{ id: pilot.snapshotId, scan_id: SCAN_ID, version: 1, content_hash: scan.contentHash }]);
	});

	it('two pilots of the same scan share one snapshot', () => {
		const a = getPilot(db, createPilot(db, form(), null))!;
		const b = getPilot(db, createPilot(db, form({ municipality: 'Noorddorp', variant: 'short' }), null))!;
		expect(b.id).not.toBe(a.id);
		expect(b.snapshotId).toBe(a.snapshotId);
		expect(snapshots()).toHaveLength(1);
	});

	it('a later edit of the scan file gets a new snapshot and leaves existing pilots as they were', () => {
		const before = getPilot(db, createPilot(db, form(), null))!;
		const scansDir = path.join(dir, 'scans');
		fs.mkdirSync(scansDir);
		const source = fs.readFileSync(path.resolve('scans', `${SCAN_ID}.yaml`), 'utf8');
		const edited = source.replace('text: Iedereen weet wat de taak van de raad is.', 'text: Iedereen kent de taak van de raad.');
		expect(edited).not.toBe(source);
		fs.writeFileSync(path.join(scansDir, 'scan.yaml'), edited);
		loadScans(scansDir);
		const after = getPilot(db, createPilot(db, form(), null))!;
		expect(after.snapshotId).not.toBe(before.snapshotId);
		const textOf = (p: typeof before) => p.scan.themes[0].items.find((i) => i.id === 'doel-4')!.text;
		expect(textOf(after)).toBe('Iedereen kent de taak van de raad.');
		expect(textOf(getPilot(db, before.id)!)).toBe('Iedereen weet wat de taak van de raad is.');
		expect(snapshots()).toHaveLength(2);
	});

	it("keeps the scan's role order, whatever order the form sent", () => {
		const pilot = getPilot(db, createPilot(db, form({ roles: ['bestuur', 'gemeente', 'raad'] }), null))!;
		expect(pilot.roles).toEqual(['raad', 'gemeente', 'bestuur']);
	});

	it('refuses an unknown scan, an unknown role, and a pilot without raad or gemeente', () => {
		expect(() => createPilot(db, form({ scan: `${SCAN_ID}@99` }), null)).toThrow(PilotError);
		expect(() => createPilot(db, form({ roles: ['raad', 'gemeente', 'wethouder'] }), null)).toThrow(/Onbekende rol: wethouder/);
		expect(() => createPilot(db, form({ roles: ['raad', 'bestuur'] }), null)).toThrow(PilotError);
		expect(db.$client.prepare('SELECT count(*) AS n FROM pilots').get()).toEqual({ n: 0 });
	});

	it('updatePilot changes a draft', () => {
		const id = createPilot(db, form(), null);
		updatePilot(db, id, form({ municipality: 'Oostwold', variant: 'short', mirror: false, minGroupSize: 7 }));
		expect(getPilot(db, id)).toMatchObject({ municipality: 'Oostwold', variant: 'short', mirror: false, minGroupSize: 7 });
	});

	it('updatePilot refuses a pilot that is open or closed, and changes nothing', () => {
		const id = createPilot(db, form(), null);
		setPilotStatus(db, id, 'open');
		expect(() => updatePilot(db, id, form({ municipality: 'Oostwold' }))).toThrow(PilotError);
		setPilotStatus(db, id, 'closed');
		expect(() => updatePilot(db, id, form({ municipality: 'Oostwold' }))).toThrow(PilotError);
		expect(getPilot(db, id)?.municipality).toBe('Zuidstad');
		expect(() => updatePilot(db, id + 100, form())).toThrow(PilotError);
	});

	it('setPilotStatus allows draft → open → closed → open, and nothing else', () => {
		const id = createPilot(db, form(), null);
		const status = () => getPilot(db, id)!.status;
		const refuse = (to: 'draft' | 'open' | 'closed') => {
			const from = status();
			expect(() => setPilotStatus(db, id, to), `${from} → ${to}`).toThrow(PilotError);
			expect(status()).toBe(from);
		};
		refuse('closed');
		refuse('draft');
		setPilotStatus(db, id, 'open');
		expect(status()).toBe('open');
		refuse('draft');
		refuse('open');
		setPilotStatus(db, id, 'closed');
		expect(status()).toBe('closed');
		refuse('draft');
		refuse('closed');
		setPilotStatus(db, id, 'open');
		expect(status()).toBe('open');
		expect(() => setPilotStatus(db, id + 100, 'open')).toThrow(PilotError);
	});
});

describe('acceptState', () => {
	const pilot = (status: 'draft' | 'open' | 'closed', opensOn: string | null = null, closesOn: string | null = null) => ({
		status,
		opensOn,
		closesOn
	});

	it('the status decides first', () => {
		expect(acceptState(pilot('draft'), '2026-03-15')).toBe('not-yet-open');
		expect(acceptState(pilot('draft', '2026-03-01', '2026-03-31'), '2026-03-15')).toBe('not-yet-open');
		expect(acceptState(pilot('closed', '2026-03-01', '2026-03-31'), '2026-03-15')).toBe('closed');
		expect(acceptState(pilot('open'), '2026-03-15')).toBe('open');
	});

	it('an open pilot accepts answers from the opening day through the closing day', () => {
		const p = pilot('open', '2026-03-01', '2026-03-31');
		expect(acceptState(p, '2026-02-28')).toBe('not-yet-open');
		expect(acceptState(p, '2026-03-01')).toBe('open');
		expect(acceptState(p, '2026-03-31')).toBe('open');
		expect(acceptState(p, '2026-04-01')).toBe('closed');
		// Across a year boundary, compared as days, not as text of another format.
		expect(acceptState(pilot('open', '2025-12-20', '2026-01-10'), '2026-01-05')).toBe('open');
	});

	it('only one of the dates set', () => {
		expect(acceptState(pilot('open', '2026-03-10', null), '2026-12-31')).toBe('open');
		expect(acceptState(pilot('open', '2026-03-10', null), '2026-03-09')).toBe('not-yet-open');
		expect(acceptState(pilot('open', null, '2026-03-10'), '2020-01-01')).toBe('open');
		expect(acceptState(pilot('open', null, '2026-03-10'), '2026-03-11')).toBe('closed');
	});
});

describe('deletePilot', () => {
	let db: Db;
	let cleanup: () => void;
	beforeEach(() => ({ db, cleanup } = createTestDb()));
	afterEach(() => cleanup());

	it('removes the pilot with its links, responses, answers, imports and shares, and nothing of other pilots', async () => {
		const { createPersonalLinks, resolveToken } = await import('./invitations');
		const { getOrStartResponse, saveAnswers } = await import('./responses');
		const { importResponses } = await import('./csv-import');
		const secret = Buffer.alloc(32, 7);
		const make = async (name: string) => {
			const id = createPilot(db, pilotFormSchema.parse({ ...validInput, municipality: name }), null);
			const [link] = createPersonalLinks(db, secret, id, 'raad', 2);
			const response = getOrStartResponse(db, resolveToken(db, link.token)!.invitation);
			saveAnswers(db, response.id, [['doel-1', { kind: 'score', score: 4 }]]);
			await importResponses(db, getPilot(db, id)!, new TextEncoder().encode('response,role,item,value\na,gemeente,doel-1,2'));
			const user = db.$client
				.prepare("INSERT INTO users (email, password_hash, role) VALUES (?, 'x', 'viewer') RETURNING id")
				.get(`${name}@example.nl`) as { id: number };
			db.$client.prepare("INSERT INTO pilot_shares (pilot_id, user_id, access) VALUES (?, ?, 'viewer')").run(id, user.id);
			return id;
		};
		const gone = await make('Weg');
		const kept = await make('Blijft');
		const count = (table: string, pilotColumn = 'pilot_id') =>
			(db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${pilotColumn} = ?`).get(gone) as { n: number }).n;
		expect(count('responses')).toBe(2);
		expect(count('pilot_shares')).toBe(1);
		expect(deletePilot(db, gone)).toBe(true);
		for (const table of ['invitations', 'responses', 'imports', 'pilot_shares']) expect(count(table)).toBe(0);
		expect(
			(
				db.$client
					.prepare('SELECT count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.pilot_id = ?')
					.get(kept) as { n: number }
			).n
		).toBe(2);
		expect((db.$client.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n).toBe(2);
		expect(getPilot(db, kept)).toBeDefined();
		expect(deletePilot(db, gone)).toBe(false);
	});
});
