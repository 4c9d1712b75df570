import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows up to the limit within a window, then refuses with the seconds left', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t0 = 1_000_000;
		expect([1, 2, 3].map(() => limiter.hit('a', t0).allowed)).toEqual([true, true, true]);
		expect(limiter.hit('a', t0 + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
		// Another key has its own budget.
		expect(limiter.hit('b', t0 + 15_000).allowed).toBe(true);
	});

	it('starts a new window after the old one ends, and reset forgets a key', () => {
		const limiter = new RateLimiter(1, 1_000);
		expect(limiter.hit('a', 0).allowed).toBe(true);
		expect(limiter.hit('a', 500).allowed).toBe(false);
		expect(limiter.hit('a', 1_000).allowed).toBe(true);
		expect(limiter.hit('a', 1_001).allowed).toBe(false);
		expect(limiter.blocked('a', 1_001).allowed).toBe(false);
		expect(limiter.blocked('b', 1_001).allowed).toBe(true);
		limiter.reset('a');
		expect(limiter.hit('a', 1_002).allowed).toBe(true);
	});
});
