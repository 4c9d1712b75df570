// The request log must never hold a secret token from a URL, and gathering info lines must keep
// every line, in order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from './log';
import { redactPath } from './secret-paths';

const RESET = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4i3H2g1F0e9D';
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** The JSON lines in what was written to a stream. */
const lines = (calls: unknown[][]) =>
	calls
		.map((c) => String(c[0]))
		.join('')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));

afterEach(() => vi.restoreAllMocks());

describe('log', () => {
	it('keeps the token out of a logged request line', async () => {
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		log.info('request', { method: 'GET', path: redactPath(`/wachtwoord/${RESET}`), status: 200 });
		await nextTurn();
		const text = spy.mock.calls.map((c) => String(c[0])).join('');
		expect(text.endsWith('\n')).toBe(true);
		expect(lines(spy.mock.calls)).toMatchObject([{ event: 'request', path: '/wachtwoord/…' }]);
		expect(text).not.toContain(RESET);
	});

	it('writes the info lines of one turn together, every line once, in order', async () => {
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		for (let n = 0; n < 5; n++) log.info('request', { n });
		expect(spy).not.toHaveBeenCalled();
		await nextTurn();
		expect(spy).toHaveBeenCalledTimes(1);
		expect(lines(spy.mock.calls).map((l) => l.n)).toEqual([0, 1, 2, 3, 4]);
	});

	it('writes warnings and errors at once, after the info lines gathered before them', () => {
		const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		log.info('request', { n: 1 });
		log.warn('let op', { n: 2 });
		log.error('mis', { id: 'abc' });
		expect(lines(out.mock.calls)).toMatchObject([
			{ level: 'info', n: 1 },
			{ level: 'warn', event: 'let op', n: 2 }
		]);
		expect(lines(err.mock.calls)).toMatchObject([{ level: 'error', event: 'mis', id: 'abc' }]);
	});
});
