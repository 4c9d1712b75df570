import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { createSession, createUser, deleteExpiredSessions, deleteSession, validateSession, verifyLogin, type SessionLimits } from './auth';
import { createTestDb } from './test-db';
import { hashToken } from './tokens';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const LIMITS: SessionLimits = { idleMinutes: 120, maxHours: 12 };
const MINUTE = 60_000;
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

/** A user row without hashing a password, for the session tests (argon2 is slow on purpose). */
function insertUser(email = 'sessie@example.nl', active = true): number {
	const row = db.$client
		.prepare(
			"INSERT INTO users (email, name, password_hash, role, active) VALUES (?, 'Sessie', 'geen-hash', 'facilitator', ?) RETURNING id"
		)
		.get(email, active ? 1 : 0) as { id: number };
	return row.id;
}
const sessionRows = () => db.$client.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
const setActive = (id: number, active: boolean) => db.$client.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);

describe('accounts and login', () => {
	const password = 'correct horse battery staple';

	it('stores an argon2id hash, never the password, and a lower-case e-mail', async () => {
		const user = await createUser(db, { email: '  Anna.de.Vries@Example.NL ', password, role: 'facilitator', name: 'Anna' });
		expect(user).toMatchObject({ email: 'anna.de.vries@example.nl', name: 'Anna', role: 'facilitator' });
		const row = db.$client.prepare('SELECT * FROM users WHERE id = ?').get(user.id) as Record<string, unknown>;
		expect(row.email).toBe('anna.de.vries@example.nl');
		expect(String(row.password_hash)).toMatch(/^\$argon2id\$/);
		for (const value of Object.values(row)) expect(String(value)).not.toContain(password);
	});

	it('verifyLogin: right password, wrong password, unknown e-mail, any case of the e-mail', async () => {
		const user = await createUser(db, { email: 'anna@example.nl', password, role: 'admin' });
		const [right, wrong, unknown, upper] = await Promise.all([
			verifyLogin(db, 'anna@example.nl', password),
			verifyLogin(db, 'anna@example.nl', password + '!'),
			verifyLogin(db, 'niemand@example.nl', password),
			verifyLogin(db, ' ANNA@Example.nl ', password)
		]);
		expect(right).toEqual({ id: user.id, email: 'anna@example.nl', name: '', role: 'admin' });
		expect(wrong).toBeNull();
		expect(unknown).toBeNull();
		expect(upper?.id).toBe(user.id);
	});

	it('the same e-mail in another case is the same account', async () => {
		await createUser(db, { email: 'piet@example.nl', password, role: 'viewer' });
		await expect(createUser(db, { email: 'PIET@example.nl', password, role: 'viewer' })).rejects.toThrow(/UNIQUE/);
	});

	it('an inactive user cannot log in, even with the right password', async () => {
		const user = await createUser(db, { email: 'oud@example.nl', password, role: 'facilitator' });
		setActive(user.id, false);
		expect(await verifyLogin(db, 'oud@example.nl', password)).toBeNull();
		setActive(user.id, true);
		expect((await verifyLogin(db, 'oud@example.nl', password))?.id).toBe(user.id);
	});
});

describe('sessions', () => {
	it('createSession returns a cookie value that validates; only its hash is stored', () => {
		const userId = insertUser();
		const token = createSession(db, userId, T0);
		expect(token.length).toBeGreaterThanOrEqual(43);
		const rows = sessionRows();
		expect(rows).toHaveLength(1);
		expect(rows[0].id_hash).toBe(hashToken(token));
		for (const value of Object.values(rows[0])) expect(String(value)).not.toContain(token);
		expect(validateSession(db, token, LIMITS, at(1))).toEqual({
			id: userId,
			email: 'sessie@example.nl',
			name: 'Sessie',
			role: 'facilitator'
		});
	});

	it('an unknown or altered cookie value finds no session', () => {
		const token = createSession(db, insertUser(), T0);
		expect(validateSession(db, token.slice(0, -1), LIMITS, at(1))).toBeNull();
		expect(validateSession(db, hashToken(token), LIMITS, at(1))).toBeNull();
		expect(sessionRows()).toHaveLength(1);
	});

	it('expires after the idle time and is deleted', () => {
		const token = createSession(db, insertUser(), T0);
		expect(validateSession(db, token, LIMITS, at(LIMITS.idleMinutes - 1))).not.toBeNull();
		const other = createSession(db, insertUser('ander@example.nl'), T0);
		expect(validateSession(db, other, LIMITS, at(LIMITS.idleMinutes + 1))).toBeNull();
		expect(sessionRows().map((r) => r.id_hash)).toEqual([hashToken(token)]);
		// Gone for good: even an earlier clock does not bring it back.
		expect(validateSession(db, other, LIMITS, at(1))).toBeNull();
	});

	it('use keeps a session alive past the idle time', () => {
		const token = createSession(db, insertUser(), T0);
		const step = LIMITS.idleMinutes - 10;
		expect(validateSession(db, token, LIMITS, at(step))).not.toBeNull();
		expect(validateSession(db, token, LIMITS, at(2 * step))).not.toBeNull();
		expect(2 * step).toBeGreaterThan(LIMITS.idleMinutes);
	});

	it('expires at the absolute limit even when used all the time, and is deleted', () => {
		const token = createSession(db, insertUser(), T0);
		const maxMinutes = LIMITS.maxHours * 60;
		for (let m = 30; m <= maxMinutes; m += 30) expect(validateSession(db, token, LIMITS, at(m)), `after ${m} min`).not.toBeNull();
		expect(validateSession(db, token, LIMITS, at(maxMinutes + 1))).toBeNull();
		expect(sessionRows()).toHaveLength(0);
	});

	it('a session of a user who was made inactive is refused and deleted', () => {
		const userId = insertUser();
		const token = createSession(db, userId, T0);
		setActive(userId, false);
		expect(validateSession(db, token, LIMITS, at(1))).toBeNull();
		expect(sessionRows()).toHaveLength(0);
	});

	it('deleteSession logs out one session only', () => {
		const userId = insertUser();
		const a = createSession(db, userId, T0);
		const b = createSession(db, userId, T0);
		deleteSession(db, a);
		expect(validateSession(db, a, LIMITS, at(1))).toBeNull();
		expect(validateSession(db, b, LIMITS, at(1))).not.toBeNull();
	});

	it('deleteExpiredSessions removes idle and too old sessions, and keeps live ones', () => {
		const userId = insertUser();
		const now = LIMITS.idleMinutes + 10;
		const idle = createSession(db, userId, T0);
		// "old" is used every 100 minutes, so only its age (not idleness) can expire it.
		const oldStart = now - LIMITS.maxHours * 60 - 10;
		const old = createSession(db, userId, at(oldStart));
		for (let m = oldStart + 100; m < now; m += 100) expect(validateSession(db, old, LIMITS, at(m))).not.toBeNull();
		const live = createSession(db, userId, at(LIMITS.idleMinutes));
		expect(sessionRows()).toHaveLength(3);
		deleteExpiredSessions(db, LIMITS, at(now));
		expect(sessionRows().map((r) => r.id_hash)).toEqual([hashToken(live)]);
		expect(validateSession(db, idle, LIMITS, at(now))).toBeNull();
		expect(validateSession(db, old, LIMITS, at(now))).toBeNull();
	});
});
