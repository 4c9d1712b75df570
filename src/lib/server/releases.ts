// Releases: the frozen figures that every results page, chart, export and the API show. Live
// figures would let anyone who saves a page before and after one more answer subtract the two
// and read that person's answers. So figures change only by a release, and a later release is
// made only when every role it changes has at least k new responses since the one before: the
// difference between any two releases then covers at least k people of a role, or none.
import { largeEnough, stillNeeded } from '$lib/analysis/group-size';
import { and, desc, eq } from 'drizzle-orm';
import type { PilotResults } from '$lib/analysis/aggregate';
import type { Db } from './db';
import { releaseResponses, releases } from './db/schema';
import type { PilotWithScan } from './pilots';
import { analyseResponses, countable, countingResponses, loadStored } from './results';

/** Per role: the responses a release holds, and how many of them were typed in (paper, import). */
export type ReleaseCounts = Record<string, { responses: number; typedIn: number }>;
export type ReleaseSummary = { id: number; number: number; reason: 'close' | 'explicit'; createdAt: string; counts: ReleaseCounts };
export type Release = ReleaseSummary & { results: PilotResults };

/** What a new release would change, and whether the k rule allows it. */
export type ReleaseCheck = {
	/** No release yet: the first one may always be made (small roles are suppressed within it). */
	first: boolean;
	/** Per role: responses that count now and are not in the last release. */
	added: Record<string, number>;
	/** Per role that changed by fewer than k: how many more responses it needs. */
	missing: Record<string, number>;
	/** Nothing would change: no role has anything new. */
	nothingNew: boolean;
	allowed: boolean;
};

export type ReleaseOutcome = { ok: true; release: Release } | { ok: false; check: ReleaseCheck };

function summaryOf(row: { id: number; number: number; reason: 'close' | 'explicit'; createdAt: string; counts: unknown }): ReleaseSummary {
	return { id: row.id, number: row.number, reason: row.reason, createdAt: row.createdAt, counts: row.counts as ReleaseCounts };
}

function lastReleaseId(db: Db, pilotId: number): number | null {
	return (
		db.select({ id: releases.id }).from(releases).where(eq(releases.pilotId, pilotId)).orderBy(desc(releases.number)).limit(1).get()?.id ??
		null
	);
}

/** The ids of the responses a release holds. */
export function releasedResponseIds(db: Db, releaseId: number): Set<number> {
	const rows = db.select({ id: releaseResponses.responseId }).from(releaseResponses).where(eq(releaseResponses.releaseId, releaseId)).all();
	return new Set(rows.map((r) => r.id));
}

// The pilot page asks this on every view, so it reads ids and roles, never the answers.
function check(db: Db, pilot: PilotWithScan): ReleaseCheck {
	const previous = lastReleaseId(db, pilot.id);
	const held = previous === null ? new Set<number>() : releasedResponseIds(db, previous);
	const added: Record<string, number> = Object.fromEntries(pilot.roles.map((role) => [role, 0]));
	for (const r of countingResponses(db, pilot.id)) if (!held.has(r.id)) added[r.role] = (added[r.role] ?? 0) + 1;
	const missing: Record<string, number> = {};
	if (previous !== null)
		for (const [role, n] of Object.entries(added))
			if (n > 0 && !largeEnough(n, pilot.minGroupSize)) missing[role] = stillNeeded(n, pilot.minGroupSize);
	const nothingNew = previous !== null && Object.values(added).every((n) => n === 0);
	return { first: previous === null, added, missing, nothingNew, allowed: !nothingNew && Object.keys(missing).length === 0 };
}

/** Whether a release could be made now, and if not, what it waits for. */
export function checkRelease(db: Db, pilot: PilotWithScan): ReleaseCheck {
	return check(db, pilot);
}

/**
 * Makes a release of everything that counts now, if the k rule allows it. Checked and stored in
 * one synchronous transaction, so nothing can be submitted in between.
 */
export function makeRelease(db: Db, pilot: PilotWithScan, reason: ReleaseSummary['reason'], userId: number | null): ReleaseOutcome {
	return db.transaction((tx): ReleaseOutcome => {
		// Reads go through `db`'s prepared statements: the same connection, inside this transaction.
		const result = check(db, pilot);
		if (!result.allowed) return { ok: false, check: result };
		const counting = loadStored(db, pilot.id).filter(countable);
		const results = analyseResponses(pilot, counting);
		const counts: ReleaseCounts = Object.fromEntries(pilot.roles.map((role) => [role, { responses: 0, typedIn: 0 }]));
		for (const r of counting) {
			counts[r.role] ??= { responses: 0, typedIn: 0 };
			counts[r.role].responses++;
			if (r.typedIn) counts[r.role].typedIn++;
		}
		const number =
			(tx
				.select({ number: releases.number })
				.from(releases)
				.where(eq(releases.pilotId, pilot.id))
				.orderBy(desc(releases.number))
				.limit(1)
				.get()?.number ?? 0) + 1;
		const row = tx.insert(releases).values({ pilotId: pilot.id, number, reason, createdBy: userId, counts, results }).returning().get();
		for (const r of counting) tx.insert(releaseResponses).values({ releaseId: row.id, responseId: r.id }).run();
		return { ok: true, release: { ...summaryOf(row), results } };
	});
}

// Releases never change, so a parsed one can be kept; a few dozen cover every pilot in use. Kept
// per database, since ids are only unique within one.
const caches = new WeakMap<Db, Map<number, Release>>();
const CACHE_SIZE = 50;

/** The newest release of a pilot, or null before the first. */
export function latestRelease(db: Db, pilotId: number): Release | null {
	const id = lastReleaseId(db, pilotId);
	if (id === null) return null;
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const cached = cache.get(id);
	if (cached) return cached;
	const row = db
		.select()
		.from(releases)
		.where(and(eq(releases.id, id), eq(releases.pilotId, pilotId)))
		.get();
	if (!row) return null;
	const release: Release = { ...summaryOf(row), results: row.results as PilotResults };
	cache.set(id, release);
	for (const key of cache.keys()) if (cache.size > CACHE_SIZE) cache.delete(key);
	return release;
}

/** Every release of a pilot, newest first, without their figures. */
export function listReleases(db: Db, pilotId: number): ReleaseSummary[] {
	return db
		.select({ id: releases.id, number: releases.number, reason: releases.reason, createdAt: releases.createdAt, counts: releases.counts })
		.from(releases)
		.where(eq(releases.pilotId, pilotId))
		.orderBy(desc(releases.number))
		.all()
		.map(summaryOf);
}
