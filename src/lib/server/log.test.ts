// The request log must never hold a secret token from a URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from './log';
import { redactPath } from './secret-paths';

const RESET = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4i3H2g1F0e9D';

describe('log', () => {
	it('keeps the token out of a logged request line', () => {
		const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
		log.info('request', { method: 'GET', path: redactPath(`/wachtwoord/${RESET}`), status: 200 });
		const line = String(spy.mock.calls[0][0]);
		expect(JSON.parse(line)).toMatchObject({ event: 'request', path: '/wachtwoord/…' });
		expect(line).not.toContain(RESET);
	});
});

afterEach(() => vi.restoreAllMocks());
