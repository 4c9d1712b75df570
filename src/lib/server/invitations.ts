// Respondent links: personal links per role, group links that hand out personal ones, revoking,
// finding the pilot and response behind a token, and the link behind a letter code.
import { and, asc, count, eq, getTableColumns, getTableName, isNull, max, type Table } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from './db';
import { invitations, pilots, responses, type Invitation, type Pilot, type ResponseRow } from './db/schema';
import { prepared } from './db/prepared';
import { withScan, type PilotWithScan } from './pilots';
import { deriveLetterCode, letterCodeHash, normaliseLetterCode } from './letter-codes';
import { deriveLinkToken, hashToken, newLinkToken, type LinkSecret } from './tokens';

export const MAX_LINKS_PER_BATCH = 500;

/**
 * How many people one group link lets in: enough for a council and its staff, not enough to stuff
 * the results or push a role over the minimum group size unnoticed. The facilitator sets it per link.
 */
export const GROUP_LINK_DEFAULT_USES = 50;
export const GROUP_LINK_MAX_USES = 500;

/**
 * A link as the facilitator sees it. `token` is null when the link may not or cannot be shown
 * again: once its respondent has started (whoever holds the link can read the answers so far),
 * or when the server's key changed since it was made (a re-derived link would not work).
 */
export type IssuedLink = {
	id: number;
	number: number;
	role: string | null;
	kind: Invitation['kind'];
	token: string | null;
	/** The letter code (12 characters, no hyphens); null whenever token is, and for links made by a group link. */
	code: string | null;
	revoked: boolean;
};

/** The cap of a group link; links made before caps existed get the default. */
export const maxUsesOf = (link: Pick<Invitation, 'maxUses'>) => link.maxUses ?? GROUP_LINK_DEFAULT_USES;

/** How many personal links each group link of a pilot has handed out. */
function usesByGroup(db: Db, pilotId: number): Map<number, number> {
	const rows = db
		.select({ parentId: invitations.parentId, n: count() })
		.from(invitations)
		.where(eq(invitations.pilotId, pilotId))
		.groupBy(invitations.parentId)
		.all();
	return new Map(rows.filter((r) => r.parentId !== null).map((r) => [r.parentId!, r.n]));
}

function nextNumber(db: Db, pilotId: number): number {
	const row = db
		.select({ n: max(invitations.number) })
		.from(invitations)
		.where(eq(invitations.pilotId, pilotId))
		.get();
	return (row?.n ?? 0) + 1;
}

/**
 * A new link that a letter or list may show: its token and its letter code. A code is 60 bits, so
 * two could meet (about once in 10^8 servers of 100 000 codes): then a fresh salt is drawn.
 */
function newLetterLink(db: Db, secret: LinkSecret) {
	for (;;) {
		const link = newLinkToken(secret);
		const code = deriveLetterCode(secret, link.salt);
		const codeHash = letterCodeHash(secret, code);
		const taken = db.select({ id: invitations.id }).from(invitations).where(eq(invitations.codeHash, codeHash)).get();
		if (!taken) return { ...link, code, codeHash };
	}
}

export function createPersonalLinks(
	db: Db,
	secret: LinkSecret,
	pilotId: number,
	role: string,
	count: number
): (IssuedLink & { token: string })[] {
	if (!Number.isInteger(count) || count < 1 || count > MAX_LINKS_PER_BATCH) throw new RangeError('count out of range');
	return db.transaction((tx) => {
		let number = nextNumber(tx as unknown as Db, pilotId);
		const issued: (IssuedLink & { token: string })[] = [];
		for (let i = 0; i < count; i++) {
			const { token, salt, tokenHash, code, codeHash } = newLetterLink(tx as unknown as Db, secret);
			const row = tx
				.insert(invitations)
				.values({ pilotId, kind: 'personal', role, number: number++, tokenHash, salt, codeHash })
				.returning()
				.get();
			issued.push({ id: row.id, number: row.number, role, kind: 'personal', token, code, revoked: false });
		}
		return issued;
	});
}

/**
 * One group link per role (or one for all roles when role is null), letting in at most `maxUses`
 * people; asking again returns the same link with the new cap.
 */
export function ensureGroupLink(
	db: Db,
	secret: LinkSecret,
	pilotId: number,
	role: string | null,
	maxUses = GROUP_LINK_DEFAULT_USES
): IssuedLink & { token: string } {
	if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > GROUP_LINK_MAX_USES) throw new RangeError('maxUses out of range');
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
	// A group link made under an older key cannot be shown again: revoke it and make a new one.
	if (existing) {
		const link = toLink(secret, existing);
		if (link.token) {
			db.update(invitations).set({ maxUses }).where(eq(invitations.id, existing.id)).run();
			return { ...link, token: link.token };
		}
		db.update(invitations).set({ revoked: true }).where(eq(invitations.id, existing.id)).run();
	}
	const { salt, tokenHash, codeHash } = newLetterLink(db, secret);
	const row = db
		.insert(invitations)
		.values({ pilotId, kind: 'group', role, number: nextNumber(db, pilotId), tokenHash, salt, codeHash, maxUses })
		.returning()
		.get();
	return { ...toLink(secret, row), token: deriveLinkToken(secret, row.salt) };
}

function toLink(secret: LinkSecret, row: Invitation): IssuedLink {
	const token = deriveLinkToken(secret, row.salt);
	const valid = hashToken(token) === row.tokenHash;
	const code = valid && row.codeHash ? deriveLetterCode(secret, row.salt) : null;
	return {
		id: row.id,
		number: row.number,
		role: row.role,
		kind: row.kind,
		token: valid ? token : null,
		// Only a code that finds its link again is shown (not one from an older key).
		code: code && letterCodeHash(secret, code) === row.codeHash ? code : null,
		revoked: row.revoked
	};
}

export type ListedLink = IssuedLink & {
	status: 'new' | 'in_progress' | 'submitted';
	/** Group links: how many personal links it handed out, and how many it may. */
	uses: number | null;
	maxUses: number | null;
};

/** The links a facilitator handed out (not the ones a group link created for its respondents). */
export function listLinks(db: Db, secret: LinkSecret, pilotId: number): ListedLink[] {
	const rows = db
		.select({ invitation: invitations, status: responses.status })
		.from(invitations)
		.leftJoin(responses, eq(responses.invitationId, invitations.id))
		.where(and(eq(invitations.pilotId, pilotId), isNull(invitations.parentId)))
		.orderBy(asc(invitations.number))
		.all();
	const uses = usesByGroup(db, pilotId);
	return rows.map((r) => {
		const link = toLink(secret, r.invitation);
		const group = r.invitation.kind === 'group';
		const started = !group && r.status !== null;
		return {
			...link,
			token: started ? null : link.token,
			code: started ? null : link.code,
			status: r.status ?? 'new',
			uses: group ? (uses.get(r.invitation.id) ?? 0) : null,
			maxUses: group ? maxUsesOf(r.invitation) : null
		};
	});
}

export function revokeLink(db: Db, pilotId: number, invitationId: number): boolean {
	const result = db
		.update(invitations)
		.set({ revoked: true })
		.where(and(eq(invitations.id, invitationId), eq(invitations.pilotId, pilotId)))
		.run();
	return result.changes > 0;
}

export type ResolvedLink = { invitation: Invitation; pilot: PilotWithScan; response: ResponseRow | undefined };

/** One table's columns as [property, SQL name, decode]; decode only where the driver's value is not the property's. */
function columnsOf(table: Table) {
	return Object.entries(getTableColumns(table)).map(([key, column]) => {
		// Plain text and integer columns hold what SQLite gives; booleans and JSON are decoded.
		const plain = column.columnType === 'SQLiteText' || column.columnType === 'SQLiteInteger';
		return {
			key,
			sql: `"${getTableName(table)}"."${column.name}"`,
			decode: plain ? undefined : (v: unknown) => column.mapFromDriverValue(v)
		};
	});
}

type Columns = ReturnType<typeof columnsOf>;

/** Reads `columns` from a raw row starting at `at` into an object (null stays null, as drizzle does). */
function rowOf<T>(raw: unknown[], at: number, columns: Columns): T {
	const row: Record<string, unknown> = {};
	for (let i = 0; i < columns.length; i++) {
		const { key, decode } = columns[i];
		const value = raw[at + i];
		row[key] = value === null || !decode ? value : decode(value);
	}
	return row as T;
}

/**
 * The statement behind resolveToken: every autosave starts with it, so it is prepared once and
 * returns a plain row (no query builder, no per-column mapping objects per request). The columns
 * come from the schema, so a new column is read too; the rows equal drizzle's (invitations.test.ts).
 */
function resolveStatement(db: Db) {
	return prepared(db, 'resolveToken', () => {
		const parts = { invitation: columnsOf(invitations), pilot: columnsOf(pilots), response: columnsOf(responses) };
		const select = [...parts.invitation, ...parts.pilot, ...parts.response].map((c) => c.sql);
		const statement = db.$client
			.prepare(
				`select ${select.join(', ')}, "scan_snapshots"."content_hash" from "invitations"
				inner join "pilots" on "pilots"."id" = "invitations"."pilot_id"
				inner join "scan_snapshots" on "scan_snapshots"."id" = "pilots"."snapshot_id"
				left join "responses" on "responses"."invitation_id" = "invitations"."id"
				where "invitations"."token_hash" = ?`
			)
			.raw();
		return { statement, ...parts };
	});
}

/**
 * The link behind a token with its pilot (and scan snapshot) and, for a personal link, its response:
 * one prepared query, as every autosave starts with it.
 */
export function resolveToken(db: Db, token: string): ResolvedLink | undefined {
	const { statement, invitation, pilot, response } = resolveStatement(db);
	const raw = statement.get(hashToken(token)) as unknown[] | undefined;
	if (!raw) return undefined;
	const atPilot = invitation.length;
	const atResponse = atPilot + pilot.length;
	return {
		invitation: rowOf<Invitation>(raw, 0, invitation),
		pilot: withScan(db, rowOf<Pilot>(raw, atPilot, pilot), raw[raw.length - 1] as string),
		// The left join found no response when its id (never null in a stored row) is null.
		response: raw[atResponse] === null ? undefined : rowOf<ResponseRow>(raw, atResponse, response)
	};
}

/** A group link that has handed out as many personal links as it may. */
export class GroupLinkFullError extends Error {}

/**
 * A respondent starts from a group link: they get a personal link of their own to resume with.
 * Counted and inserted in one transaction, so parallel starts cannot pass the cap together.
 */
export function spawnFromGroup(db: Db, secret: LinkSecret, group: Invitation, role: string): IssuedLink & { token: string } {
	if (group.kind !== 'group') throw new Error('not a group link');
	return db.transaction((tx) => {
		const made = tx.select({ n: count() }).from(invitations).where(eq(invitations.parentId, group.id)).get()?.n ?? 0;
		const current = tx.select({ maxUses: invitations.maxUses }).from(invitations).where(eq(invitations.id, group.id)).get();
		if (made >= maxUsesOf(current ?? group)) throw new GroupLinkFullError(m.fac_group_link_full());
		const { token, salt, tokenHash } = newLinkToken(secret);
		const row = tx
			.insert(invitations)
			.values({
				pilotId: group.pilotId,
				kind: 'personal',
				role,
				number: nextNumber(tx as unknown as Db, group.pilotId),
				tokenHash,
				salt,
				parentId: group.id
			})
			.returning()
			.get();
		return { id: row.id, number: row.number, role, kind: 'personal', token, code: null, revoked: false };
	});
}

/**
 * The token of the link that a typed letter code opens, or undefined for a code that is not one
 * (mistyped, or made under another key). Whether the link may still be used is the link's own page
 * to say, as for a link typed in full.
 */
export function tokenForLetterCode(db: Db, secret: LinkSecret, typed: string): string | undefined {
	const code = normaliseLetterCode(typed);
	if (!code) return undefined;
	const row = db
		.select({ salt: invitations.salt, tokenHash: invitations.tokenHash })
		.from(invitations)
		.where(eq(invitations.codeHash, letterCodeHash(secret, code)))
		.get();
	if (!row) return undefined;
	const token = deriveLinkToken(secret, row.salt);
	return hashToken(token) === row.tokenHash ? token : undefined;
}

/**
 * Links made before letter codes existed get theirs (at start-up): the code is derived from the
 * salt, so letters printed again show it. Links a group link made need none; links made under an
 * older key get none, as they cannot be shown again anyway.
 */
export function addMissingLetterCodes(db: Db, secret: LinkSecret): number {
	const rows = db
		.select({ id: invitations.id, salt: invitations.salt, tokenHash: invitations.tokenHash })
		.from(invitations)
		.where(and(isNull(invitations.codeHash), isNull(invitations.parentId)))
		.all();
	let added = 0;
	db.transaction((tx) => {
		for (const row of rows) {
			if (hashToken(deriveLinkToken(secret, row.salt)) !== row.tokenHash) continue;
			const codeHash = letterCodeHash(secret, deriveLetterCode(secret, row.salt));
			const taken = tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.codeHash, codeHash)).get();
			if (taken) continue;
			tx.update(invitations).set({ codeHash }).where(eq(invitations.id, row.id)).run();
			added++;
		}
	});
	return added;
}
