// CSV files that facilitators open in Excel or LibreOffice: cells that would run as a formula are
// made inert (CSV injection), and a UTF-8 byte order mark makes Excel show ë and é correctly.
import { stringify } from 'csv-stringify/sync';

/** A spreadsheet treats a cell starting with one of these as a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

const BOM = '\uFEFF';

/** Prefixes a risky cell with a single quote, which spreadsheets show as plain text. */
export function neutraliseCell(value: string | number | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A whole CSV document, every cell neutralised, with BOM and Windows line ends for Excel. */
export function safeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return (
		BOM +
		stringify(
			rows.map((row) => row.map(neutraliseCell)),
			{ record_delimiter: 'windows' }
		)
	);
}

/** Headers for a CSV download; the file name is built by us, never from user text. */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
	return {
		'Content-Type': 'text/csv; charset=utf-8',
		'Content-Disposition': `attachment; filename="${fileName}"`
	};
}
