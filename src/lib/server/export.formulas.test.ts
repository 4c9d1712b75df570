// Formula injection: no text cell of an export can run in a spreadsheet, and the import takes
// every neutralised text back exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { importResponses, restoreNeutralisedCell } from './csv-import';
import type { Db } from './db';
import { buildExport, loadRawResponses, neutraliseText, toXlsx, type View } from './export';
import { allCells, parseCsv, readXlsx, seededPilot, text } from './export-fixture';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { pilotResults } from './results';
import { loadAnswers } from './responses';
import { testPilotForm } from './test-db';

let db: Db;
let pilot: PilotWithScan;
let cleanup: () => void;
beforeEach(() => ({ db, pilot, cleanup } = seededPilot()));
afterEach(() => cleanup());

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
		const view: View = { name: 'x', title: 'x', columns: ['a'], rows: [['=HYPERLINK("http://example.org","klik")']] };
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
