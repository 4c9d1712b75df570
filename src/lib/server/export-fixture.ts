// The pilot that the export tests share: four roles of which two are below k, open answers that a
// spreadsheet would run as formulas, a secret only the small groups write, typed-in forms that
// are confirmed and one respondent still busy. Plus readers for the files. Test code only.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { allQuestions, buildPages, questionnaireOptions, type Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { seededRandom } from './demo';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { insertCompletedResponse } from './responses';
import { createTestDb, testPilotForm } from './test-db';

export const ROLES = ['raad', 'ondersteuner', 'gemeente', 'bestuur'];
/** raad and gemeente reach k = 5; ondersteuner (3) and bestuur (1) do not. */
export const SIZES: Record<string, number> = { raad: 7, ondersteuner: 3, gemeente: 5, bestuur: 1 };
export const SUPPRESSED_ROLES = ['ondersteuner', 'bestuur'];
/** Open answers that a spreadsheet would run as a formula, and texts that look like our quoting. */
export const INJECTIONS = ['=1+1', '+cmd', '-2', '@SUM(A1)', "'=al met een quote", "''-twee quotes", "'t is goed zo"];
/** Only the suppressed roles ever write this, so it must never appear in an export. */
export const SECRET = 'GEHEIM-kleine-groep';

function seed(db: Db, target: PilotWithScan) {
	const random = seededRandom(42);
	let injection = 0;
	for (const role of ROLES) {
		const questions = allQuestions(buildPages(target.scan, questionnaireOptions(target, role)));
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
	confirmTyped(db, target.id);
	// A respondent still busy: never exported.
	db.$client
		.prepare(
			"INSERT INTO responses (public_id, pilot_id, role, source, status, started_on) VALUES ('bezig-nog', ?, 'raad', 'online', 'in_progress', '2026-01-01')"
		)
		.run(target.id);
}

/** Paper and imported forms count once a second account confirmed them (four eyes). */
export function confirmTyped(db: Db, pilotId: number) {
	db.$client.prepare("UPDATE responses SET confirmed_on = '2026-01-02' WHERE pilot_id = ? AND source != 'online'").run(pilotId);
}

/** A fresh database with the seeded pilot; call `cleanup` afterwards. */
export function seededPilot(): { db: Db; pilot: PilotWithScan; cleanup: () => void } {
	const { db, cleanup } = createTestDb();
	const pilot = getPilot(db, createPilot(db, testPilotForm({ roles: ROLES }), null))!;
	seed(db, pilot);
	return { db, pilot, cleanup };
}

export const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
export const parseCsv = (body: string): string[][] => parse(body, { bom: true });

/** A number as the CSV writes it, or empty for null; the comparison is exact (no rounding). */
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook;
}

/** Every cell of every sheet: [sheet, row, column, cell]. */
export function allCells(workbook: ExcelJS.Workbook): [string, number, number, ExcelJS.Cell][] {
	const cells: [string, number, number, ExcelJS.Cell][] = [];
	workbook.eachSheet((sheet) => sheet.eachRow((row, r) => row.eachCell((cell, c) => cells.push([sheet.name, r, c, cell]))));
	return cells;
}

/** A sheet as objects keyed by its header row, with the raw cell values. */
export function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, ExcelJS.CellValue>[] {
	const sheet = workbook.getWorksheet(name)!;
	const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
	const records: Record<string, ExcelJS.CellValue>[] = [];
	sheet.eachRow((row, r) => {
		if (r === 1) return;
		records.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
	});
	return records;
}
