// Facilitator accounts and sessions: argon2id password hashes, session cookies whose value is
// never stored (only its SHA-256), idle and absolute expiry.
import { hash, verify } from '@node-rs/argon2';
import { count, eq, lt, or } from 'drizzle-orm';
import type { Db } from './db';
import { sessions, users, type User } from './db/schema';
import { hashToken, randomToken } from './tokens';

export const SESSION_COOKIE = 'qs_sessie';

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role'>;
export type SessionLimits = { idleMinutes: number; maxHours: number };

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); well under 100 ms here.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

// A real hash to compare against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

export async function verifyLogin(db: Db, email: string, password: string): Promise<SessionUser | null> {
	const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
	if (!user || !user.active) {
		dummyHash ??= hashPassword(randomToken());
		await verify(await dummyHash, password).catch(() => false);
		return null;
	}
	const ok = await verify(user.passwordHash, password).catch(() => false);
	return ok ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

export async function createUser(
	db: Db,
	input: { email: string; password: string; role: User['role']; name?: string }
): Promise<SessionUser> {
	const row = db
		.insert(users)
		.values({
			email: input.email.trim().toLowerCase(),
			name: input.name ?? '',
			role: input.role,
			passwordHash: await hashPassword(input.password)
		})
		.returning()
		.get();
	return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export function countUsers(db: Db): number {
	return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function generatePassword(): string {
	// 15 random bytes → 20 characters; readable enough to type once from the console.
	return randomToken(15);
}

/** Starts a session and returns the cookie value; only its hash is stored. */
export function createSession(db: Db, userId: number, now = new Date()): string {
	const token = randomToken(32);
	db.insert(sessions)
		.values({ idHash: hashToken(token), userId, createdAt: now, lastSeenAt: now })
		.run();
	return token;
}

export function validateSession(db: Db, token: string, limits: SessionLimits, now = new Date()): SessionUser | null {
	const idHash = hashToken(token);
	const row = db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.idHash, idHash))
		.get();
	if (!row) return null;
	const idleExpired = now.getTime() - row.session.lastSeenAt.getTime() > limits.idleMinutes * 60_000;
	const maxExpired = now.getTime() - row.session.createdAt.getTime() > limits.maxHours * 3_600_000;
	if (idleExpired || maxExpired || !row.user.active) {
		db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
		return null;
	}
	// Touch at most once a minute: no write on every request.
	if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
		db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run();
	}
	const { id, email, name, role } = row.user;
	return { id, email, name, role };
}

export function deleteSession(db: Db, token: string): void {
	db.delete(sessions)
		.where(eq(sessions.idHash, hashToken(token)))
		.run();
}

export function deleteExpiredSessions(db: Db, limits: SessionLimits, now = new Date()): void {
	const idleBefore = new Date(now.getTime() - limits.idleMinutes * 60_000);
	const createdBefore = new Date(now.getTime() - limits.maxHours * 3_600_000);
	db.delete(sessions)
		.where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)))
		.run();
}
