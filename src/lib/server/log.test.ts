// The request log must never hold a secret token from a URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redactPath } from './log';

const RESPONDENT = 'AbCdEfGhIjKlMnOpQrStUv';
const RESET = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4i3H2g1F0e9D';

describe('redactPath', () => {
	it('hides a respondent token, also on deeper pages and data requests', () => {
		expect(redactPath(`/s/${RESPONDENT}`)).toBe('/s/…');
		expect(redactPath(`/s/${RESPONDENT}/2`)).toBe('/s/…/2');
		expect(redactPath(`/s/${RESPONDENT}/__data.json`)).toBe('/s/…/__data.json');
	});

	it('hides a password reset token', () => {
		expect(redactPath(`/wachtwoord/${RESET}`)).toBe('/wachtwoord/…');
		expect(redactPath(`/wachtwoord/${RESET}/`)).toBe('/wachtwoord/…/');
		expect(redactPath(`/wachtwoord/${RESET}/__data.json`)).toBe('/wachtwoord/…/__data.json');
		expect(redactPath(`/Wachtwoord/${RESET}`)).not.toContain(RESET);
	});

	it('leaves other paths alone, including ones that only look alike', () => {
		for (const path of ['/', '/login', '/pilots/12/links', '/beheer/logboek', '/pilots/s/abc', '/over/wachtwoord/abc']) {
			expect(redactPath(path)).toBe(path);
		}
	});

	it('keeps the token out of a logged request line', () => {
		const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
		log.info('request', { method: 'GET', path: redactPath(`/wachtwoord/${RESET}`), status: 200 });
		const line = String(spy.mock.calls[0][0]);
		expect(JSON.parse(line)).toMatchObject({ event: 'request', path: '/wachtwoord/…' });
		expect(line).not.toContain(RESET);
	});
});

afterEach(() => vi.restoreAllMocks());
