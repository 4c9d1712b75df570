// The programme overview for admins: every pilot on one scan version with its status and response,
// and its released theme scores per role. Counts come from one grouped query over an index; scores
// from the releases' JSON in SQL (benchmark.ts), one page of pilots at a time.
import type { Db } from './db';
import { releasedScores } from './benchmark';
import { getPilot, type PilotWithScan } from './pilots';

export const PROGRAMME_PAGE_SIZE = 100;

export type ProgrammeScan = { scanKey: string; pilots: number; firstPilotId: number };
export type ProgrammeRow = {
	id: number;
	municipality: string;
	roundLabel: string;
	status: 'draft' | 'open' | 'closed';
	benchmarkConsent: boolean;
	submitted: Record<string, number>;
	/** Per role and theme, from the latest release; null: no release, or the role is below the pilot's k. */
	scores: Record<string, Record<string, number | null>> | null;
};
export type ProgrammePage = { scan: PilotWithScan; rows: ProgrammeRow[]; total: number; page: number; pages: number };

/** The scan versions pilots use, the most used first. */
export function programmeScans(db: Db): ProgrammeScan[] {
	return db.$client
		.prepare(
			`SELECT s.scan_id || '@' || s.version AS scanKey, count(*) AS pilots, min(p.id) AS firstPilotId
			 FROM pilots p JOIN scan_snapshots s ON s.id = p.snapshot_id
			 GROUP BY scanKey ORDER BY pilots DESC, scanKey`
		)
		.all() as ProgrammeScan[];
}

/** One page of the pilots on `scan` (by municipality), with submitted responses per role and released scores. */
export function programmePage(db: Db, scan: ProgrammeScan, page: number): ProgrammePage {
	const c = db.$client;
	const pages = Math.max(1, Math.ceil(scan.pilots / PROGRAMME_PAGE_SIZE));
	const at = Math.min(Math.max(1, page), pages);
	const pilots = c
		.prepare(
			`SELECT p.id, p.municipality, p.round_label AS roundLabel, p.status, p.benchmark_consent AS consent
			 FROM pilots p JOIN scan_snapshots s ON s.id = p.snapshot_id
			 WHERE s.scan_id || '@' || s.version = ?
			 ORDER BY p.municipality COLLATE NOCASE, p.id LIMIT ? OFFSET ?`
		)
		.all(scan.scanKey, PROGRAMME_PAGE_SIZE, (at - 1) * PROGRAMME_PAGE_SIZE) as {
		id: number;
		municipality: string;
		roundLabel: string;
		status: ProgrammeRow['status'];
		consent: number;
	}[];
	const ids = pilots.map((p) => p.id);
	const submitted = new Map<number, Record<string, number>>();
	const counts = c
		.prepare(
			`SELECT pilot_id AS id, role, count(*) AS n FROM responses
			 WHERE pilot_id IN (SELECT value FROM json_each(?)) AND status = 'submitted' GROUP BY pilot_id, role`
		)
		.all(JSON.stringify(ids)) as { id: number; role: string; n: number }[];
	for (const r of counts) submitted.set(r.id, { ...submitted.get(r.id), [r.role]: r.n });
	const scores = releasedScores(db, ids);
	return {
		scan: getPilot(db, scan.firstPilotId)!,
		rows: pilots.map((p) => ({
			id: p.id,
			municipality: p.municipality,
			roundLabel: p.roundLabel,
			status: p.status,
			benchmarkConsent: p.consent === 1,
			submitted: submitted.get(p.id) ?? {},
			scores: scores.get(p.id) ?? null
		})),
		total: scan.pilots,
		page: at,
		pages
	};
}
