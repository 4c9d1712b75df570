// The benchmark across pilots: reads released figures only (each pilot's latest release), publishes
// them as one snapshot per scan version that every pilot page reads, and remakes that snapshot
// only as src/lib/benchmark/rules.ts allows. Theme scores are taken out of each release once, by
// SQLite's JSON functions, so a remake never loads answers (nor whole releases) into JavaScript.
import { prepared } from './db/prepared';
import {
	benchmarkView,
	contributionOf,
	mayRemake,
	type Contribution,
	type CouncilType,
	type GroupingView,
	type Viewer
} from '$lib/benchmark/rules';
import type { Db } from './db';
import type { Release } from './releases';
import type { PilotWithScan } from './pilots';

/** `id@version`: the benchmark compares only pilots on the very same scan version. */
const DEMO_SUFFIX = ' (demo)';

/**
 * The set a pilot is compared within: its scan version, and whether it is demo data. Demo pilots
 * (demo.ts) are compared only with each other, so made-up figures never mix with real ones.
 */
export const scanKeyOf = (pilot: { scan: { id: string; version: number }; demo: boolean }) =>
	`${pilot.scan.id}@${pilot.scan.version}${pilot.demo ? DEMO_SUFFIX : ''}`;

/** Per pilot with a release: its latest release's theme scores per role and respondents per role. */
type ReleasedRow = { pilotId: number; councilType: CouncilType; scanKey: string; counts: string; scores: string };

// Releases never change, so their theme scores are taken out of the `results` JSON once, into
// release_scores (SQLite's JSON functions: only the scores cross into JavaScript, and only once).
const FILL_SQL = `
	INSERT OR IGNORE INTO release_scores (release_id, theme, role, score)
	SELECT r.id, t.value ->> '$.id', sc.key, sc.value
	FROM releases r, json_each(r.results, '$.themes') t, json_each(t.value, '$.scores') sc
	WHERE r.number = (SELECT max(number) FROM releases WHERE pilot_id = r.pilot_id)
		AND NOT EXISTS (SELECT 1 FROM release_scores x WHERE x.release_id = r.id)`;

// The latest release per pilot comes from the (pilot_id, number) index, its scores from release_scores.
const RELEASED_SQL = (where: string) => `
	SELECT p.id AS pilotId, p.council_type AS councilType, s.scan_id || '@' || s.version || CASE WHEN p.demo THEN '${DEMO_SUFFIX}' ELSE '' END AS scanKey, r.counts AS counts,
		(SELECT json_group_array(json_array(x.theme, x.role, x.score)) FROM release_scores x WHERE x.release_id = r.id) AS scores
	FROM pilots p
	JOIN scan_snapshots s ON s.id = p.snapshot_id
	JOIN releases r ON r.pilot_id = p.id AND r.number = (SELECT max(number) FROM releases WHERE pilot_id = p.id)
	WHERE ${where}
	ORDER BY p.id`;

/** The benchmark's statements, prepared once per connection (db/prepared.ts). */
function statements(db: Db) {
	return prepared(db, 'benchmark', () => {
		const c = db.$client;
		return {
			fill: c.prepare(FILL_SQL),
			contributing: c.prepare(RELEASED_SQL(`p.benchmark_consent = 1 AND p.status = 'closed'`)),
			ofPilots: c.prepare(RELEASED_SQL(`p.id IN (SELECT value FROM json_each(?))`)),
			latest: c.prepare(
				'SELECT id, number, created_at AS createdAt, members, contributions FROM benchmark_snapshots WHERE scan_key = ? ORDER BY number DESC LIMIT 1'
			),
			insert: c.prepare('INSERT INTO benchmark_snapshots (scan_key, number, members, contributions) VALUES (?, ?, ?, ?)'),
			prune: c.prepare('DELETE FROM benchmark_snapshots WHERE scan_key = ? AND number < ?'),
			keys: c.prepare('SELECT DISTINCT scan_key AS scanKey FROM benchmark_snapshots')
		};
	});
}

/** Respondents per role in a release's counts. */
function respondentsOf(counts: Record<string, { responses: number }>): Record<string, number> {
	return Object.fromEntries(Object.entries(counts).map(([role, c]) => [role, c.responses]));
}

/** Theme scores per role of a released row, as [theme, role, score]. */
function scoresOf(row: ReleasedRow): { theme: string; role: string; score: number | null }[] {
	return (JSON.parse(row.scores) as [string, string, number | null][]).map(([theme, role, score]) => ({ theme, role, score }));
}

/** Takes the theme scores out of every latest release that has not had them taken out yet. */
function fillReleaseScores(db: Db): void {
	statements(db).fill.run();
}

/** Per scan version: the contributions of every closed, consenting pilot with a release (rules 1 and 2). */
export function currentContributions(db: Db): Map<string, Contribution[]> {
	fillReleaseScores(db);
	const byScan = new Map<string, Contribution[]>();
	for (const row of statements(db).contributing.all() as ReleasedRow[]) {
		const contribution = contributionOf(
			{ id: row.pilotId, councilType: row.councilType },
			respondentsOf(JSON.parse(row.counts)),
			scoresOf(row)
		);
		if (!contribution) continue;
		const list = byScan.get(row.scanKey) ?? [];
		list.push(contribution);
		byScan.set(row.scanKey, list);
	}
	return byScan;
}

export type Snapshot = { id: number; number: number; createdAt: string; members: number[]; contributions: Contribution[] };

// A snapshot never changes; the parsed latest one per scan version is kept until a newer one exists.
const caches = new WeakMap<Db, Map<string, Snapshot>>();

/** The published snapshot of a scan version, or null before the first. */
export function publishedSnapshot(db: Db, scanKey: string): Snapshot | null {
	const row = statements(db).latest.get(scanKey) as
		{ id: number; number: number; createdAt: string; members: string; contributions: string } | undefined;
	if (!row) return null;
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const cached = cache.get(scanKey);
	if (cached?.id === row.id) return cached;
	const snapshot = {
		id: row.id,
		number: row.number,
		createdAt: row.createdAt,
		members: JSON.parse(row.members),
		contributions: JSON.parse(row.contributions)
	};
	cache.set(scanKey, snapshot);
	return snapshot;
}

/**
 * Publishes a new snapshot for every scan version whose contributing set changed by at least 2
 * pilots since the published one (or that has none yet); leaves the others alone. Safe to call at
 * any time: at start-up, and after a pilot closes, releases, reopens, changes consent or is deleted.
 * Returns the scan versions it remade.
 */
export function refreshBenchmarkSnapshot(db: Db): string[] {
	const s = statements(db);
	return db.$client.transaction(() => {
		const current = currentContributions(db);
		const keys = new Set([...current.keys(), ...(s.keys.all() as { scanKey: string }[]).map((r) => r.scanKey)]);
		const remade: string[] = [];
		for (const key of keys) {
			const contributions = current.get(key) ?? [];
			const members = contributions.map((c) => c.pilotId);
			const published = publishedSnapshot(db, key);
			if (!mayRemake(published?.members ?? null, members)) continue;
			const number = (published?.number ?? 0) + 1;
			s.insert.run(key, number, JSON.stringify(members), JSON.stringify(contributions));
			// Only the published snapshot is ever read; older ones would only keep figures of pilots that left.
			s.prune.run(key, number);
			remade.push(key);
		}
		return remade;
	})();
}

/** What a pilot's benchmark page shows: per grouping, role and theme its place among the others, or why not. */
export type PilotBenchmark = { snapshot: { number: number; createdAt: string } | null; groupings: GroupingView[] };

/** A pilot's own figures from its release, against the published snapshot of its scan version. */
export function pilotBenchmark(db: Db, pilot: PilotWithScan, release: Release, minPilots: number): PilotBenchmark {
	const snapshot = publishedSnapshot(db, scanKeyOf(pilot));
	const own: Viewer['own'] = {};
	for (const theme of release.results.themes)
		for (const [role, score] of Object.entries(theme.scores)) (own[role] ??= {})[theme.id] = score;
	const viewer: Viewer = {
		pilotId: pilot.id,
		councilType: pilot.councilType,
		respondents: respondentsOf(release.counts),
		own
	};
	const themes = pilot.scan.themes.map((t) => t.id);
	return {
		snapshot: snapshot ? { number: snapshot.number, createdAt: snapshot.createdAt } : null,
		groupings: benchmarkView(viewer, snapshot?.contributions ?? [], pilot.roles, themes, minPilots)
	};
}

/** For the programme overview: per pilot, its latest release's theme scores per role (suppressed ones null). */
export function releasedScores(db: Db, pilotIds: number[]): Map<number, Record<string, Record<string, number | null>>> {
	const found = new Map<number, Record<string, Record<string, number | null>>>();
	if (!pilotIds.length) return found;
	fillReleaseScores(db);
	for (const row of statements(db).ofPilots.all(JSON.stringify(pilotIds)) as ReleasedRow[]) {
		const byRole: Record<string, Record<string, number | null>> = {};
		for (const { theme, role, score } of scoresOf(row)) (byRole[role] ??= {})[theme] = score;
		found.set(row.pilotId, byRole);
	}
	return found;
}
