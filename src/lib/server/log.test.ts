// The request log must never hold a secret token from a URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from './log';
import { redactPath } from './secret-paths';

const RESET = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4i3H2g1F0e9D';

describe('log', () => {
	it('keeps the token out of a logged request line', () => {
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		log.info('request', { method: 'GET', path: redactPath(`/wachtwoord/${RESET}`), status: 200 });
		const line = String(spy.mock.calls[0][0]);
		expect(line.endsWith('\n')).toBe(true);
		expect(JSON.parse(line)).toMatchObject({ event: 'request', path: '/wachtwoord/…' });
		expect(line).not.toContain(RESET);
	});
});

afterEach(() => vi.restoreAllMocks());

describe('log levels', () => {
	it('writes errors to stderr and the rest to stdout, one JSON line each', () => {
		const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		log.warn('let op', { n: 1 });
		log.error('mis', { id: 'abc' });
		expect(out.mock.calls.map((c) => JSON.parse(String(c[0])))).toMatchObject([{ level: 'warn', event: 'let op', n: 1 }]);
		expect(err.mock.calls.map((c) => JSON.parse(String(c[0])))).toMatchObject([{ level: 'error', event: 'mis', id: 'abc' }]);
	});
});
