// Managing accounts (admins only): create, deactivate and reactivate, and one-time links to set a
// new password, shown to the admin (no e-mail server is needed).
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { z } from '$lib/validation';
import { createUser, generatePassword, hashPassword, type SessionUser } from './auth';
import type { Db } from './db';
import { passwordResets, sessions, users, type User } from './db/schema';
import { hashToken, randomToken } from './tokens';

export const MIN_PASSWORD_LENGTH = 12;
export const RESET_LINK_HOURS = 24;

export const passwordSchema = z
	.string()
	.min(MIN_PASSWORD_LENGTH, { error: () => m.fac_account_password_min({ min: MIN_PASSWORD_LENGTH }) })
	.max(200, { error: () => m.fac_account_password_max({ max: 200 }) });

export const accountFormSchema = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(200, { error: () => m.fac_max_chars({ max: 200 }) })
		.pipe(z.email({ error: () => m.fac_email_invalid() })),
	name: z
		.string()
		.trim()
		.max(100, { error: () => m.fac_max_chars({ max: 100 }) }),
	role: z.enum(['admin', 'facilitator', 'viewer'], { error: () => m.fac_account_role_required() })
});

/** Why an account change was refused; its message is in the request's language. */
export class AccountError extends Error {}

export type AccountRow = Pick<User, 'id' | 'email' | 'name' | 'role' | 'active' | 'createdAt'>;

export function listAccounts(db: Db): AccountRow[] {
	return db
		.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt })
		.from(users)
		.orderBy(asc(users.email))
		.all();
}

/** Creates an account with a generated password, returned once so the admin can pass it on. */
export async function createAccount(db: Db, input: z.infer<typeof accountFormSchema>): Promise<{ user: SessionUser; password: string }> {
	const exists = db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
	if (exists) throw new AccountError(m.fac_account_exists());
	const password = generatePassword();
	const user = await createUser(db, { ...input, password });
	return { user, password };
}

/** Deactivating ends the account's sessions at once; the last active admin cannot be deactivated. */
export function setAccountActive(db: Db, actor: SessionUser, userId: number, active: boolean): User {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) throw new AccountError(m.fac_account_not_found());
	if (!active && user.id === actor.id) throw new AccountError(m.fac_account_not_self());
	if (!active && user.role === 'admin') {
		const otherAdmins = db
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, user.id)))
			.all();
		if (otherAdmins.length === 0) throw new AccountError(m.fac_account_last_admin());
	}
	db.transaction((tx) => {
		tx.update(users).set({ active }).where(eq(users.id, userId)).run();
		if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
	});
	return { ...user, active };
}

/** A one-time link token to set a new password; only its hash is stored. Older links stop working. */
export function createResetToken(db: Db, userId: number, now = new Date()): string {
	const user = db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
	if (!user) throw new AccountError(m.fac_account_not_found());
	const token = randomToken(32);
	db.transaction((tx) => {
		tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
		tx.insert(passwordResets)
			.values({ tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000) })
			.run();
	});
	return token;
}

/** The account a reset token belongs to, if the token is valid now. */
export function findResetAccount(db: Db, token: string, now = new Date()): Pick<User, 'id' | 'email'> | undefined {
	return db
		.select({ id: users.id, email: users.email })
		.from(passwordResets)
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.where(and(eq(passwordResets.tokenHash, hashToken(token)), gt(passwordResets.expiresAt, now), eq(users.active, true)))
		.get();
}

/** Sets the new password, uses up the token and ends every session of that account. */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<Pick<User, 'id' | 'email'>> {
	const account = findResetAccount(db, token, now);
	if (!account) throw new AccountError(m.fac_account_link_gone());
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, account.id)).run();
		tx.delete(passwordResets).where(eq(passwordResets.userId, account.id)).run();
		tx.delete(sessions).where(eq(sessions.userId, account.id)).run();
	});
	return account;
}
