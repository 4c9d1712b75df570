import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, type SessionLimits } from './auth';
import type { Db } from './db';
import { startHousekeeping } from './housekeeping';
import { createTestDb } from './test-db';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
	({ db, cleanup } = createTestDb());
	vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
	vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
});
afterEach(() => {
	vi.useRealTimers();
	cleanup();
});

const LIMITS: SessionLimits = { idleMinutes: 120, maxHours: 12 };
const HOUR = 3_600_000;
const sessions = () => (db.$client.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;

describe('housekeeping', () => {
	it('removes expired sessions at once and then every interval, until stopped', () => {
		const userId = (
			db.$client
				.prepare(
					"INSERT INTO users (email, name, password_hash, role) VALUES ('h@example.nl', 'H', 'geen-hash', 'facilitator') RETURNING id"
				)
				.get() as { id: number }
		).id;
		createSession(db, userId, new Date(Date.now() - 3 * HOUR)); // idle for 3 hours: expired
		createSession(db, userId); // fresh
		const stop = startHousekeeping(db, LIMITS, HOUR);
		expect(sessions()).toBe(1);

		// Unused for more than two hours: the next sweep takes it away.
		vi.advanceTimersByTime(3 * HOUR);
		expect(sessions()).toBe(0);

		createSession(db, userId, new Date(Date.now() - 3 * HOUR));
		stop();
		vi.advanceTimersByTime(3 * HOUR);
		expect(sessions()).toBe(1);
	});
});
