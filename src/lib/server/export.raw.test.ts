// The raw answers export (long import format, roles at or above k only, no dates, no open
// answers) and the export kinds with who may download them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importResponses, restoreNeutralisedCell } from './csv-import';
import type { Db } from './db';
import {
	buildExport,
	EXPORT_KINDS,
	exportNeedsManage,
	isExportKind,
	loadRawResponses,
	neutraliseText,
	RAW_COLUMNS,
	rawAnswerRows
} from './export';
import { confirmTyped, parseCsv, readXlsx, ROLES, SECRET, seededPilot, sheetRecords, SIZES, text } from './export-fixture';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { pilotResults } from './results';
import { loadAnswers } from './responses';
import { testPilotForm } from './test-db';

let db: Db;
let pilot: PilotWithScan;
let cleanup: () => void;
beforeEach(() => ({ db, pilot, cleanup } = seededPilot()));
afterEach(() => cleanup());

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
		expect(file.fileName).toBe('quickscan-zuidstad-nulmeting-antwoorden.csv');
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
		confirmTyped(db, fresh.id);
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
			expect(file.fileName).toBe(`quickscan-zuidstad-nulmeting-${kind}`);
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
