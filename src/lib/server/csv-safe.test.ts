// Spreadsheet safety of the CSV downloads: formula cells made inert, BOM and line ends for Excel.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDownloadHeaders, neutraliseCell, safeCsv } from './csv-safe';

describe('neutraliseCell', () => {
	it.each(['=SUM(A1:A2)', '+31 6 1234', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x")'])('quotes %j', (cell) => {
		expect(neutraliseCell(cell)).toBe(`'${cell}`);
	});

	it.each(['https://example.org/s/abc', 'Lid van de raad', '12', 'a=b', ' =spatie', "'al gequote", ''])('leaves %j alone', (cell) => {
		expect(neutraliseCell(cell)).toBe(cell);
	});

	it('turns numbers and empty values into text', () => {
		expect(neutraliseCell(7)).toBe('7');
		expect(neutraliseCell(-7)).toBe("'-7");
		expect(neutraliseCell(null)).toBe('');
		expect(neutraliseCell(undefined)).toBe('');
	});
});

describe('safeCsv', () => {
	it('starts with a BOM, uses CRLF and neutralises every cell', () => {
		const csv = safeCsv([
			['nummer', 'rol'],
			[1, '=1+1'],
			[2, 'Wethouder, gemeente']
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		const rows = parse(csv, { bom: true });
		expect(rows).toEqual([
			['nummer', 'rol'],
			['1', "'=1+1"],
			['2', 'Wethouder, gemeente']
		]);
	});

	it('keeps ë readable after a round trip', () => {
		const rows = parse(safeCsv([['Cliëntenraad']]), { bom: true });
		expect(rows[0][0]).toBe('Cliëntenraad');
	});
});

describe('csvDownloadHeaders', () => {
	it('asks the browser to download under the given name', () => {
		const h = csvDownloadHeaders('quickscan-3-links.csv');
		expect(h['Content-Disposition']).toBe('attachment; filename="quickscan-3-links.csv"');
		expect(h['Content-Type']).toMatch(/^text\/csv; charset=utf-8$/);
	});
});
