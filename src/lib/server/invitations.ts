// Respondent links: personal links per role, group links that hand out personal ones, revoking,
// and finding the pilot and response behind a token.
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from './db';
import { invitations, pilots, responses, type Invitation, type Pilot } from './db/schema';
import { deriveLinkToken, hashToken, newLinkToken, type LinkSecret } from './tokens';

export const MAX_LINKS_PER_BATCH = 500;

export type IssuedLink = { id: number; number: number; role: string | null; kind: Invitation['kind']; token: string; revoked: boolean };

function nextNumber(db: Db, pilotId: number): number {
	const row = db.select({ n: max(invitations.number) }).from(invitations).where(eq(invitations.pilotId, pilotId)).get();
	return (row?.n ?? 0) + 1;
}

export function createPersonalLinks(db: Db, secret: LinkSecret, pilotId: number, role: string, count: number): IssuedLink[] {
	if (!Number.isInteger(count) || count < 1 || count > MAX_LINKS_PER_BATCH) throw new RangeError('count out of range');
	return db.transaction((tx) => {
		let number = nextNumber(tx as unknown as Db, pilotId);
		const issued: IssuedLink[] = [];
		for (let i = 0; i < count; i++) {
			const { token, salt, tokenHash } = newLinkToken(secret);
			const row = tx
				.insert(invitations)
				.values({ pilotId, kind: 'personal', role, number: number++, tokenHash, salt })
				.returning()
				.get();
			issued.push({ id: row.id, number: row.number, role, kind: 'personal', token, revoked: false });
		}
		return issued;
	});
}

/** One group link per role (or one for all roles when role is null); asking again returns it. */
export function ensureGroupLink(db: Db, secret: LinkSecret, pilotId: number, role: string | null): IssuedLink {
	const existing = db
		.select()
		.from(invitations)
		.where(
			and(
				eq(invitations.pilotId, pilotId),
				eq(invitations.kind, 'group'),
				eq(invitations.revoked, false),
				role === null ? isNull(invitations.role) : eq(invitations.role, role)
			)
		)
		.get();
	if (existing) return toLink(secret, existing);
	const { salt, tokenHash } = newLinkToken(secret);
	const row = db
		.insert(invitations)
		.values({ pilotId, kind: 'group', role, number: nextNumber(db, pilotId), tokenHash, salt })
		.returning()
		.get();
	return toLink(secret, row);
}

function toLink(secret: LinkSecret, row: Invitation): IssuedLink {
	return { id: row.id, number: row.number, role: row.role, kind: row.kind, token: deriveLinkToken(secret, row.salt), revoked: row.revoked };
}

/** The links a facilitator handed out (not the ones a group link created for its respondents). */
export function listLinks(db: Db, secret: LinkSecret, pilotId: number): (IssuedLink & { status: 'new' | 'in_progress' | 'submitted' })[] {
	const rows = db
		.select({ invitation: invitations, status: responses.status })
		.from(invitations)
		.leftJoin(responses, eq(responses.invitationId, invitations.id))
		.where(and(eq(invitations.pilotId, pilotId), isNull(invitations.parentId)))
		.orderBy(asc(invitations.number))
		.all();
	return rows.map((r) => ({ ...toLink(secret, r.invitation), status: r.status ?? 'new' }));
}

export function revokeLink(db: Db, pilotId: number, invitationId: number): boolean {
	const result = db
		.update(invitations)
		.set({ revoked: true })
		.where(and(eq(invitations.id, invitationId), eq(invitations.pilotId, pilotId)))
		.run();
	return result.changes > 0;
}

export type ResolvedLink = { invitation: Invitation; pilot: Pilot };

export function resolveToken(db: Db, token: string): ResolvedLink | undefined {
	const row = db
		.select({ invitation: invitations, pilot: pilots })
		.from(invitations)
		.innerJoin(pilots, eq(pilots.id, invitations.pilotId))
		.where(eq(invitations.tokenHash, hashToken(token)))
		.get();
	return row;
}

/** A respondent starts from a group link: they get a personal link of their own to resume with. */
export function spawnFromGroup(db: Db, secret: LinkSecret, group: Invitation, role: string): IssuedLink {
	if (group.kind !== 'group') throw new Error('not a group link');
	return db.transaction((tx) => {
		const { token, salt, tokenHash } = newLinkToken(secret);
		const row = tx
			.insert(invitations)
			.values({ pilotId: group.pilotId, kind: 'personal', role, number: nextNumber(tx as unknown as Db, group.pilotId), tokenHash, salt, parentId: group.id })
			.returning()
			.get();
		return { id: row.id, number: row.number, role, kind: 'personal', token, revoked: false };
	});
}
