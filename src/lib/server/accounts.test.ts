// Accounts managed by an admin: creating, switching off and on, and one-time reset links.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	AccountError,
	accountFormSchema,
	createAccount,
	createResetToken,
	findResetAccount,
	listAccounts,
	RESET_LINK_HOURS,
	resetPassword,
	setAccountActive
} from './accounts';
import { createSession, validateSession, verifyLogin, type SessionUser } from './auth';
import type { Db } from './db';
import { inLocale } from './locale';
import { createTestDb } from './test-db';
import { hashToken } from './tokens';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T08:00:00Z');
const LIMITS = { idleMinutes: 60 * 24 * 30, maxHours: 24 * 30 };

/** A user row without argon2 (slow on purpose): these tests need no password that works. */
function insertUser(email: string, role: SessionUser['role'] = 'facilitator', active = true): SessionUser {
	const row = db.$client
		.prepare("INSERT INTO users (email, name, password_hash, role, active) VALUES (?, '', 'geen-hash', ?, ?) RETURNING id")
		.get(email, role, active ? 1 : 0) as { id: number };
	return { id: row.id, email, name: '', role };
}
const sessionCount = (userId: number) =>
	(db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;
const isActive = (userId: number) => listAccounts(db).find((a) => a.id === userId)?.active;

describe('createAccount', () => {
	it('creates an account with a generated password that works for logging in', async () => {
		const input = accountFormSchema.parse({ email: 'Piet@Example.NL', name: 'Piet', role: 'facilitator' });
		const { user, password } = await createAccount(db, input);
		expect(user).toMatchObject({ email: 'piet@example.nl', name: 'Piet', role: 'facilitator' });
		expect(password.length).toBeGreaterThanOrEqual(20);
		expect(await verifyLogin(db, 'piet@example.nl', password)).toMatchObject({ id: user.id });
		expect(listAccounts(db).map((a) => a.email)).toEqual(['piet@example.nl']);
	});

	it('refuses a second account with the same e-mail address, whatever its case', async () => {
		insertUser('piet@example.nl');
		const input = accountFormSchema.parse({ email: 'PIET@example.nl', name: '', role: 'viewer' });
		await expect(createAccount(db, input)).rejects.toThrow(AccountError);
		await expect(createAccount(db, input)).rejects.toThrow('Er is al een account met dit e-mailadres.');
		expect(listAccounts(db)).toHaveLength(1);
	});

	it('accepts only the known roles and a valid e-mail address', () => {
		expect(accountFormSchema.safeParse({ email: 'a@example.nl', name: '', role: 'superuser' }).success).toBe(false);
		expect(accountFormSchema.safeParse({ email: 'geen-adres', name: '', role: 'viewer' }).success).toBe(false);
	});
});

describe('messages in the language of the request', () => {
	it('give refusals and form checks in English when the request is in English', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		expect(() => inLocale('en', () => setAccountActive(db, admin, admin.id, false))).toThrow('You cannot switch off your own account.');
		// zod words its issues when they are first read, so they are read inside the request too.
		const messages = inLocale('en', () =>
			accountFormSchema.safeParse({ email: 'geen-adres', name: '', role: 'superuser' }).error?.issues.map((i) => i.message)
		);
		expect(messages).toEqual(['Enter a valid email address.', 'Choose a role.']);
	});
});

describe('setAccountActive', () => {
	it('does not switch off the last active admin', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		const other = insertUser('tweede@example.nl', 'admin', false);
		// The other admin is switched off, so it does not count; the actor is someone else in theory.
		const actor = { ...other, id: other.id };
		expect(() => setAccountActive(db, actor, admin.id, false)).toThrow('Er moet minstens één actieve beheerder blijven.');
		expect(isActive(admin.id)).toBe(true);
		setAccountActive(db, admin, other.id, true);
		expect(setAccountActive(db, other, admin.id, false).active).toBe(false);
		expect(isActive(admin.id)).toBe(false);
	});

	it('does not let anyone switch off their own account', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		insertUser('tweede@example.nl', 'admin');
		expect(() => setAccountActive(db, admin, admin.id, false)).toThrow('U kunt uw eigen account niet uitzetten.');
		expect(isActive(admin.id)).toBe(true);
	});

	it('ends every session of an account that is switched off, and switching on again works', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		const piet = insertUser('piet@example.nl');
		const token = createSession(db, piet.id, T0);
		createSession(db, piet.id, T0);
		const own = createSession(db, admin.id, T0);
		setAccountActive(db, admin, piet.id, false);
		expect(sessionCount(piet.id)).toBe(0);
		expect(validateSession(db, token, LIMITS, T0)).toBeNull();
		expect(validateSession(db, own, LIMITS, T0)).toMatchObject({ id: admin.id });
		setAccountActive(db, admin, piet.id, true);
		expect(isActive(piet.id)).toBe(true);
	});

	it('refuses an account that does not exist', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		expect(() => setAccountActive(db, admin, 999, false)).toThrow(AccountError);
	});
});

describe('password reset links', () => {
	const newPassword = 'een nieuw lang wachtwoord';

	it('works once: sets the password, ends the sessions, and is then used up', async () => {
		const piet = insertUser('piet@example.nl');
		const session = createSession(db, piet.id);
		const token = createResetToken(db, piet.id);
		expect(findResetAccount(db, token)).toEqual({ id: piet.id, email: 'piet@example.nl' });
		expect(await resetPassword(db, token, newPassword)).toEqual({ id: piet.id, email: 'piet@example.nl' });
		expect(await verifyLogin(db, 'piet@example.nl', newPassword)).toMatchObject({ id: piet.id });
		expect(sessionCount(piet.id)).toBe(0);
		expect(validateSession(db, session, LIMITS)).toBeNull();
		expect(findResetAccount(db, token)).toBeUndefined();
		await expect(resetPassword(db, token, 'nog een ander wachtwoord')).rejects.toThrow(AccountError);
		expect(await verifyLogin(db, 'piet@example.nl', 'nog een ander wachtwoord')).toBeNull();
	});

	it(`expires after ${RESET_LINK_HOURS} hours`, async () => {
		const piet = insertUser('piet@example.nl');
		const token = createResetToken(db, piet.id, T0);
		const justBefore = new Date(T0.getTime() + RESET_LINK_HOURS * HOUR - 1000);
		const after = new Date(T0.getTime() + RESET_LINK_HOURS * HOUR + 1000);
		expect(findResetAccount(db, token, justBefore)).toMatchObject({ id: piet.id });
		expect(findResetAccount(db, token, after)).toBeUndefined();
		await expect(resetPassword(db, token, newPassword, after)).rejects.toThrow('Deze link werkt niet (meer).');
	});

	it('a new link makes the older one stop working', () => {
		const piet = insertUser('piet@example.nl');
		const first = createResetToken(db, piet.id);
		const second = createResetToken(db, piet.id);
		expect(second).not.toBe(first);
		expect(findResetAccount(db, first)).toBeUndefined();
		expect(findResetAccount(db, second)).toMatchObject({ id: piet.id });
	});

	it("does not work for someone else's account, an unknown token, or an account that is off", () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		const piet = insertUser('piet@example.nl');
		const anna = insertUser('anna@example.nl');
		const token = createResetToken(db, piet.id);
		createResetToken(db, anna.id);
		expect(findResetAccount(db, token)?.id).toBe(piet.id);
		expect(findResetAccount(db, 'geen-echte-token')).toBeUndefined();
		setAccountActive(db, admin, piet.id, false);
		expect(findResetAccount(db, token)).toBeUndefined();
		expect(() => createResetToken(db, 999)).toThrow(AccountError);
	});

	it('stores only a hash of the token, never the token itself', () => {
		const piet = insertUser('piet@example.nl');
		const token = createResetToken(db, piet.id);
		const rows = db.$client.prepare('SELECT * FROM password_resets').all() as Record<string, unknown>[];
		expect(rows).toHaveLength(1);
		expect(rows[0].token_hash).toBe(hashToken(token));
		for (const value of Object.values(rows[0])) expect(String(value)).not.toContain(token);
	});
});
