import { describe, expect, it } from 'vitest';
import { GrowingDelay, loginKey, RateLimiter, waitInWords } from './rate-limit';

describe('RateLimiter', () => {
	it('allows up to the limit within a window, then refuses with the seconds left', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t0 = 1_000_000;
		expect([1, 2, 3].map(() => limiter.hit('a', t0).allowed)).toEqual([true, true, true]);
		expect(limiter.hit('a', t0 + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
		// Another key has its own budget.
		expect(limiter.hit('b', t0 + 15_000).allowed).toBe(true);
	});

	it('starts a new window after the old one ends', () => {
		const limiter = new RateLimiter(1, 1_000);
		expect(limiter.hit('a', 0).allowed).toBe(true);
		expect(limiter.hit('a', 500).allowed).toBe(false);
		expect(limiter.hit('a', 1_000).allowed).toBe(true);
		expect(limiter.hit('a', 1_001).allowed).toBe(false);
	});

	it('tells whether a key is over its limit without counting', () => {
		const limiter = new RateLimiter(2, 60_000);
		for (let i = 0; i < 5; i++) expect(limiter.refuses('a', 0).allowed).toBe(true);
		limiter.hit('a', 0);
		expect(limiter.refuses('a', 0).allowed).toBe(true);
		limiter.hit('a', 0);
		expect(limiter.refuses('a', 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
		expect(limiter.refuses('a', 60_000).allowed).toBe(true);
	});
});

describe('GrowingDelay', () => {
	it('gives free attempts, then waits that double after each attempt, up to the maximum', () => {
		const throttle = new GrowingDelay(3, 8_000, 60 * 60_000);
		const at = (ms: number) => throttle.attempt('k', ms).allowed;
		expect([at(0), at(1), at(2)]).toEqual([true, true, true]);
		// Then 1 s after the last attempt, 2 s, 4 s, and never more than 8 s.
		expect(throttle.attempt('k', 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		expect([at(1_001), at(1_002)]).toEqual([false, true]);
		expect([at(3_001), at(3_002)]).toEqual([false, true]);
		expect([at(7_001), at(7_002)]).toEqual([false, true]);
		expect([at(15_001), at(15_002)]).toEqual([false, true]);
		expect([at(23_001), at(23_002)]).toEqual([false, true]);
	});

	it('counts a burst of attempts at the same moment, so only the free ones get through', () => {
		const throttle = new GrowingDelay(5, 15 * 60_000, 60 * 60_000);
		const results = Array.from({ length: 200 }, () => throttle.attempt('beheer@x.nl', 42).allowed);
		expect(results.filter(Boolean)).toHaveLength(5);
	});

	it('forgets a key after a success, or after resting long enough', () => {
		const throttle = new GrowingDelay(1, 60_000, 10_000);
		expect(throttle.attempt('k', 0).allowed).toBe(true);
		expect(throttle.attempt('k', 1).allowed).toBe(false);
		throttle.succeeded('k');
		expect(throttle.attempt('k', 2).allowed).toBe(true);
		expect(throttle.attempt('k', 3).allowed).toBe(false);
		expect(throttle.attempt('k', 10_003).allowed).toBe(true);
	});

	it('keeps accounts and clients apart: failures of one pair never slow another', () => {
		const throttle = new GrowingDelay(2, 15 * 60_000, 60 * 60_000);
		for (let i = 0; i < 50; i++) throttle.attempt(loginKey('Beheer@X.nl ', '10.0.0.1'), i);
		expect(throttle.attempt(loginKey('beheer@x.nl', '10.0.0.1'), 60).allowed).toBe(false);
		// The same account from another client, and another account from the same client.
		expect(throttle.attempt(loginKey('beheer@x.nl', '10.0.0.2'), 60).allowed).toBe(true);
		expect(throttle.attempt(loginKey('anna@x.nl', '10.0.0.1'), 60).allowed).toBe(true);
	});
});

describe('waitInWords', () => {
	it('says seconds under a minute and whole minutes above', () => {
		expect(waitInWords(1)).toBe('over 1 seconde');
		expect(waitInWords(45)).toBe('over 45 seconden');
		expect(waitInWords(60)).toBe('over 1 minuut');
		expect(waitInWords(61)).toBe('over 2 minuten');
	});
});
