// The bytes of an export: CSV (with a BOM and Windows line ends, so Excel reads it) and XLSX (one
// sheet per view), with every text cell a spreadsheet could run as a formula neutralised.
// Numbers are written as numbers and never prefixed.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;
/** `name` is the view's code (the "view" column of the one-file CSV), `title` its sheet's name in the request's language. */
export type View = { name: string; title: string; columns: string[]; rows: Cell[][] };

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab, CR) as a formula. Such a text gets one
 * leading single quote, and so does a text that already starts with quotes before one of those
 * characters: the import (restoreNeutralisedCell in csv-import.ts) strips exactly one quote from
 * both, so every text comes back exactly as it was.
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
	return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

const BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csvCell(value: Cell): string {
	if (value === null) return '';
	// A number is written as JavaScript writes it: unrounded, with a decimal dot. It is never a
	// formula, so it is not prefixed (a quote would turn -0.5 into text).
	if (typeof value === 'number') return String(value);
	return neutraliseText(value);
}

/** A CSV document with a BOM (Excel then reads UTF-8) and Windows line ends, like safeCsv. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return BOM + stringify([columns.map(csvCell), ...rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows' });
}

/** Column formats in the workbook; the stored values stay unrounded. */
const NUMBER_FORMATS: Record<string, string> = {
	score: '0.00',
	gemiddelde: '0.00',
	mediaan: '0.0',
	sd: '0.00',
	eens: '0%',
	oneens: '0%',
	verschil: '0.00',
	cliffs_delta: '0.00',
	verwacht: '0.00',
	werkelijk: '0.00',
	nu_mediaan: '0.0',
	gewenst_mediaan: '0.0'
};

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * A workbook with one sheet per view: a bold, frozen header row with a filter, sensible column
 * widths, numbers as number cells and every text as a plain string value (exceljs makes a formula
 * only of an explicit { formula } object), neutralised like the CSV for programs that convert it.
 */
export async function toXlsx(views: readonly View[]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Quickscan';
	for (const view of views) {
		const sheet = workbook.addWorksheet(view.title, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow(view.columns);
		for (const row of view.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseText(cell) : cell)));
		const header = sheet.getRow(1);
		header.font = { bold: true };
		view.columns.forEach((name, i) => {
			const column = sheet.getColumn(i + 1);
			let width = name.length;
			for (const row of view.rows) {
				const cell = row[i];
				width = Math.max(width, typeof cell === 'number' ? 8 : cell === null ? 0 : cell.length + 1);
				if (width >= MAX_WIDTH) break;
			}
			column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
			if (width >= MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
			const format = NUMBER_FORMATS[name];
			if (format) column.numFmt = format;
		});
		// The column style also reached the header; the header keeps its own look.
		header.eachCell((cell) => {
			cell.numFmt = 'General';
			cell.alignment = { vertical: 'top' };
		});
		if (view.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } };
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
