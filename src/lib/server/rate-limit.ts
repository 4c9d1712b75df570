// In-memory limits on guessing. Keys may contain a client address: they live only in this
// process's memory, are never stored or logged, and are forgotten after a while.
import { m } from '$lib/paraglide/messages';
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Most keys any limiter keeps; past it the oldest are dropped, so memory stays bounded. */
const MAX_KEYS = 50_000;

function keepBounded<V>(map: Map<string, V>) {
	// A Map iterates in insertion order: the first keys are the oldest.
	for (const key of map.keys()) {
		if (map.size <= MAX_KEYS) break;
		map.delete(key);
	}
}

/** A fixed window per key: at most `limit` hits per `windowMs`. */
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
			keepBounded(this.hits);
			return { allowed: true };
		}
		entry.count++;
		if (entry.count > this.limit) return { allowed: false, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
		return { allowed: true };
	}

	/**
	 * Whether the key is over its limit, without counting: for checks that count only failures
	 * (letter codes). The check, the look-up and the count must then run without an await between.
	 */
	refuses(key: string, now = Date.now()): RateLimitResult {
		const entry = this.hits.get(key);
		if (entry && entry.resetAt > now && entry.count >= this.limit)
			return { allowed: false, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
		return { allowed: true };
	}

	private sweep(now: number) {
		if (now - this.lastSweep < this.windowMs) return;
		this.lastSweep = now;
		for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
	}
}

/**
 * Growing delays: each key has `free` attempts, then must wait 1 s, 2 s, 4 s … (at most
 * `maxDelayMs`) after its last attempt before the next one. An attempt is counted when it starts,
 * before the slow check behind it, so a burst of concurrent attempts cannot slip past the count;
 * a success forgets the key. Nobody is ever locked out for good, and a key that rests for
 * `forgetMs` starts afresh.
 */
export class GrowingDelay {
	private attempts = new Map<string, { failures: number; last: number }>();
	private lastSweep = 0;

	constructor(
		readonly free: number,
		readonly maxDelayMs: number,
		readonly forgetMs: number
	) {}

	/** Counts an attempt, or refuses it while the key must still wait. */
	attempt(key: string, now = Date.now()): RateLimitResult {
		this.sweep(now);
		const entry = this.attempts.get(key);
		const failures = entry && now - entry.last < this.forgetMs ? entry.failures : 0;
		const wait = failures < this.free ? 0 : Math.min(this.maxDelayMs, 1000 * 2 ** (failures - this.free));
		if (entry && failures > 0 && now < entry.last + wait)
			return { allowed: false, retryAfterSeconds: Math.ceil((entry.last + wait - now) / 1000) };
		this.attempts.delete(key);
		this.attempts.set(key, { failures: failures + 1, last: now });
		keepBounded(this.attempts);
		return { allowed: true };
	}

	/** The attempt succeeded: the key starts afresh. */
	succeeded(key: string): void {
		this.attempts.delete(key);
	}

	private sweep(now: number) {
		if (now - this.lastSweep < this.forgetMs) return;
		this.lastSweep = now;
		for (const [key, entry] of this.attempts) if (now - entry.last >= this.forgetMs) this.attempts.delete(key);
	}
}

// Unknown respondent links: a client that asks for 30 in 15 minutes gets 429 instead of 404 for
// further unknown ones. Valid links and autosaves are never refused by it (hooks.server.ts).
export const unknownLinkLimiter = new RateLimiter(30, 15 * 60_000);

// Wrong letter codes from all clients together (letter-codes.ts has the sums): even from very many
// addresses, guessing a code stays hopeless. Refused code look-ups leave the QR code and the long
// link on the letter working.
export const codeFailureLimiter = new RateLimiter(10_000, 60 * 60_000);
/** The one key of codeFailureLimiter: it counts for the whole server. */
export const ALL_CLIENTS = 'all';

// New responses through one group link from one client: a room full of people on one Wi-Fi can
// start together, a script cannot stuff the results (each link also has its own cap).
export const groupStartLimiter = new RateLimiter(20, 60_000);

// Vote codes (vote.ts has the sums): wrong codes per client, and from all clients together. Apart
// from the letter-code limits, so a flood of guesses at one kind of code never stops the other.
// A room on one Wi-Fi shares an address: typing slips that cannot be a code are not counted.
export const voteCodeLimiter = new RateLimiter(50, 15 * 60_000);
export const voteCodeFailureLimiter = new RateLimiter(5_000, 60 * 60_000);
// New ballots from one client: a full room on one Wi-Fi votes within a minute, a script that
// throws its cookie away after each ballot does not fill the tally (a vote also has a cap).
export const ballotStartLimiter = new RateLimiter(60, 60_000);
// ... and in all, per vote: more than a large room on one address, far less than the vote's cap, so
// one address with a script cannot fill a vote and shut the room out.
export const ballotTotalLimiter = new RateLimiter(100, 24 * 60 * 60_000);

// Logins: per account *and* client, so a stranger elsewhere cannot slow down a known account.
// Five free tries, then growing waits up to 15 minutes; forgotten after a day without attempts.
export const loginThrottle = new GrowingDelay(5, 15 * 60_000, 24 * 60 * 60_000);

/** The key of the login throttle: the account as typed (lower case) and the client. */
export const loginKey = (email: string, client: string) => `${email.trim().toLowerCase()}\n${client}`;

/** The client address, used only as an in-memory rate-limit key; never stored or logged. */
export function safeClientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** "over 20 seconden" / "over 3 minuten": how long to wait, in words. */
export function waitInWords(seconds: number): string {
	if (seconds < 60) return m.wait_seconds({ count: seconds });
	return m.wait_minutes({ count: Math.ceil(seconds / 60) });
}
