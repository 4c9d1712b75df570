// The request log must never hold a secret token from a URL, however the URL was typed.
import { describe, expect, it } from 'vitest';
import { hasSecretInUrl, redactPath } from './secret-paths';

const RESPONDENT = 'AbCdEfGhIjKlMnOpQrStUv';
const RESET = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4i3H2g1F0e9D';
const CODE = 'KX7PM2Q94HNB';

describe('redactPath', () => {
	it('hides a respondent token, also on deeper pages and data requests', () => {
		expect(redactPath(`/s/${RESPONDENT}`)).toBe('/s/…');
		expect(redactPath(`/s/${RESPONDENT}/2`)).toBe('/s/…/2');
		expect(redactPath(`/s/${RESPONDENT}/__data.json`)).toBe('/s/…/__data.json');
	});

	it('hides the code in the short link of a letter, however it is typed', () => {
		expect(redactPath(`/c/${CODE}`)).toBe('/c/…');
		expect(redactPath(`/C/kx7p-m2q9-4hnb`)).toBe('/c/…');
		expect(redactPath(`/%63/${CODE}`)).toBe('/c/…');
		expect(redactPath(`/c/${CODE}/x`)).toBe('/c/…/x');
		expect(hasSecretInUrl(`/C/${CODE}`)).toBe(true);
	});

	it('hides the code of a vote, however it is typed', () => {
		expect(redactPath('/stem/KX7P2M')).toBe('/stem/…');
		expect(redactPath('/Stem/kx7-p2m/__data.json')).toBe('/stem/…/__data.json');
		expect(hasSecretInUrl('/stem')).toBe(true);
		expect(hasSecretInUrl('/stemmen')).toBe(false);
	});

	it('hides a password reset token', () => {
		expect(redactPath(`/wachtwoord/${RESET}`)).toBe('/wachtwoord/…');
		expect(redactPath(`/wachtwoord/${RESET}/`)).toBe('/wachtwoord/…/');
		expect(redactPath(`/wachtwoord/${RESET}/__data.json`)).toBe('/wachtwoord/…/__data.json');
	});

	const odd = [
		`/S/${RESPONDENT}`,
		`/S/${RESPONDENT}/controle`,
		`/%73/${RESPONDENT}`,
		`/%2573/${RESPONDENT}`,
		`/s%2F${RESPONDENT}`,
		`//s/${RESPONDENT}`,
		`/s//${RESPONDENT}`,
		`/\\s\\${RESPONDENT}`,
		`/s/${encodeURIComponent(RESPONDENT)}`,
		`/s/${RESPONDENT}%0d%0ax`,
		`/s/x/${RESPONDENT}`.replace('/x/', '/%0a/'),
		`/WACHTWOORD/${RESET}`,
		`/Wachtwoord/${RESET}/__data.json`,
		`/wachtwoord%2f${RESET}`
	];
	it.each(odd)('keeps the token out of %s, whatever its case or encoding', (path) => {
		const logged = redactPath(path);
		expect(logged).not.toMatch(new RegExp(RESPONDENT.slice(4, 12), 'i'));
		expect(logged).not.toMatch(new RegExp(RESET.slice(4, 12), 'i'));
		expect(logged).toMatch(/^\/(s|wachtwoord)\/…/);
		expect(hasSecretInUrl(path)).toBe(true);
	});

	it('leaves other paths alone, including ones that only look alike', () => {
		for (const path of [
			'/',
			'/login',
			'/pilots/12/links',
			'/beheer/logboek',
			'/pilots/s/abc',
			'/over/wachtwoord/abc',
			'/skip',
			'/wachtwoorden',
			'/code',
			'/codes/abc'
		]) {
			expect(redactPath(path)).toBe(path);
			expect(hasSecretInUrl(path)).toBe(false);
		}
	});
});
