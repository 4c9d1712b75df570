import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return';

describe('safeReturnPath', () => {
	it('keeps a path on this site, with its query', () => {
		expect(safeReturnPath('/pilots/3/uitkomsten?volgorde=verschil')).toBe('/pilots/3/uitkomsten?volgorde=verschil');
		expect(safeReturnPath('/beheer')).toBe('/beheer');
		expect(safeReturnPath('/pilots/%2F%2Fevil.example')).toBe('/pilots/%2F%2Fevil.example');
	});

	// Each of these, put in a Location header, takes some browser to another site (or is not a path).
	const tricks = [
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/ /evil.example'.replace(' ', '\u0000'),
		'/\u007f/evil.example',
		'https://evil.example',
		'http:/evil.example',
		'javascript:alert(1)',
		'evil.example',
		'@evil.example',
		'//user:pass@evil.example',
		' /pilots',
		''
	];
	it.each(tricks)('refuses %j', (value) => {
		expect(safeReturnPath(value)).toBe('/pilots');
	});

	it('never returns anything that resolves to another origin, whatever the input', () => {
		for (const value of [...tricks, '/%5Cevil.example', '/%09/evil.example', '/./evil', '/..//evil.example', '/%2e%2e//evil.example']) {
			const path = safeReturnPath(value);
			expect(new URL(path, 'https://quickscan.example.nl').origin).toBe('https://quickscan.example.nl');
			expect(path).toMatch(/^\/(?![/\\])/);
		}
	});
});
