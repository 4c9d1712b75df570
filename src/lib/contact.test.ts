import { describe, expect, it } from 'vitest';
import { contactParts } from './contact';

describe('contactParts', () => {
	it('links a phone number and an e-mail address, and keeps the rest as it was typed', () => {
		const text = 'Petra de Vries, 06-12345678 of raad@zuidstad.nl (ma-do)';
		const parts = contactParts(text);
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.filter((p) => p.href)).toEqual([
			{ text: '06-12345678', href: 'tel:0612345678' },
			{ text: 'raad@zuidstad.nl', href: 'mailto:raad@zuidstad.nl' }
		]);
	});

	it('reads the ways people write Dutch numbers', () => {
		const href = (text: string) => contactParts(text).find((p) => p.href)?.href;
		expect(href('bel 010 123 45 67')).toBe('tel:0101234567');
		expect(href('bel +31 (0)6 1234 5678')).toBe('tel:+31612345678');
		expect(href('bel 14 020')).toBe('tel:14020');
		expect(href('020-1234567 (werkdagen)')).toBe('tel:0201234567');
	});

	it('leaves short numbers, years and postcodes alone', () => {
		for (const text of ['Kamer 12, Stadhuis', 'Sinds 2026', 'Markt 1, 1234 AB Zuidstad', 'Jan']) {
			expect(contactParts(text)).toEqual([{ text }]);
		}
	});
});
