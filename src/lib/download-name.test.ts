import { describe, expect, it } from 'vitest';
import { downloadName, downloadNameOf } from './download-name';

const pilot = { municipality: "'s-Hertogenbosch", roundLabel: 'Vervolgmeting 2027' };

describe('downloadName', () => {
	it('names every file of a pilot quickscan-<municipality>-<round>-<what>, in ASCII', () => {
		expect(downloadName(pilot, 'links', 'csv')).toBe('quickscan-s-hertogenbosch-vervolgmeting-2027-links.csv');
		expect(downloadName({ municipality: 'Súdwest-Fryslân', roundLabel: 'Nulmeting' }, 'themas')).toBe(
			'quickscan-sudwest-fryslan-nulmeting-themas'
		);
		expect(downloadNameOf(pilot, 'uitkomsten.xlsx')).toBe('quickscan-s-hertogenbosch-vervolgmeting-2027-uitkomsten.xlsx');
	});

	it('keeps nothing a header could choke on, and stays short', () => {
		const name = downloadName({ municipality: 'A"b\r\nc;d' + 'x'.repeat(200), roundLabel: '' }, 'links', 'csv');
		expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
		expect(name.length).toBeLessThanOrEqual(124);
	});
});
