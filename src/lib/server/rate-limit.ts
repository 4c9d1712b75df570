// In-memory rate limits (fixed windows per key). Keys may contain a client address: they live
// only in this process's memory, are never stored or logged, and are forgotten when the window ends.
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
	private hits = new Map<string, { count: number; resetAt: number }>();
	private lastSweep = 0;

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	hit(key: string, now = Date.now()): RateLimitResult {
		this.sweep(now);
		const entry = this.hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
			return { allowed: true };
		}
		entry.count++;
		if (entry.count > this.limit) return { allowed: false, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
		return { allowed: true };
	}

	/** Whether the key is over its limit now, without counting a hit. */
	blocked(key: string, now = Date.now()): RateLimitResult {
		const entry = this.hits.get(key);
		if (entry && entry.resetAt > now && entry.count >= this.limit)
			return { allowed: false, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
		return { allowed: true };
	}

	/** Forget a key, e.g. after a successful login. */
	reset(key: string): void {
		this.hits.delete(key);
	}

	private sweep(now: number) {
		if (now - this.lastSweep < this.windowMs) return;
		this.lastSweep = now;
		for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
	}
}

// Guessing respondent links: a client that asks for 30 unknown links in 15 minutes waits.
export const unknownLinkLimiter = new RateLimiter(30, 15 * 60_000);
// Logins: per client address and per e-mail address (failed attempts only for the latter).
export const loginClientLimiter = new RateLimiter(20, 15 * 60_000);
export const loginAccountLimiter = new RateLimiter(10, 15 * 60_000);

/** The client address, used only as an in-memory rate-limit key; never stored or logged. */
export function safeClientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
