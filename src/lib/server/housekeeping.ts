// Work the server does on a schedule while it runs: expired sessions are removed at start-up and
// every hour, so the sessions table holds only sessions that can still be used.
import { deleteExpiredSessions, type SessionLimits } from './auth';
import type { Db } from './db';
import { log } from './log';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** Sweeps now and then every `intervalMs`; returns a function that stops it. */
export function startHousekeeping(db: Db, limits: SessionLimits, intervalMs = HOUSEKEEPING_INTERVAL_MS): () => void {
	const sweep = () => {
		try {
			deleteExpiredSessions(db, limits);
		} catch (e) {
			// A locked or closed database must not take the server down; the next sweep tries again.
			log.warn('housekeeping failed', { error: e instanceof Error ? e.message : String(e) });
		}
	};
	sweep();
	const timer = setInterval(sweep, intervalMs);
	// The schedule alone never keeps the process alive (a stopped server stops, a script ends).
	timer.unref();
	return () => clearInterval(timer);
}
