// The published benchmark snapshot on a real database: who contributes, when it is remade (rule 5),
// what a pilot's page gets, and attempts to learn one pilot's figures by subtracting two
// snapshots or by combining a page with the exports of the pilots one manages.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { pilotBenchmark, publishedSnapshot, refreshBenchmarkSnapshot } from './benchmark';
import { seedBenchmarkPilot, times } from './benchmark-fixture';
import { getPilot, setPilotStatus, type PilotWithScan } from './pilots';
import { latestRelease } from './releases';
import { createTestDb } from './test-db';

const KEY = 'clientenparticipatie-werk-en-inkomen@1';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fresh(): Db {
	const { db, cleanup } = createTestDb();
	cleanups.push(cleanup);
	return db;
}

/** `n` consenting pilots whose council scores `base + i` mixes of 3s and 4s on doel-1. */
function seedMany(db: Db, n: number, from = 0): PilotWithScan[] {
	return Array.from({ length: n }, (_, i) =>
		seedBenchmarkPilot(db, {
			municipality: `Stad ${from + i}`,
			scores: { raad: [...times(5, 3), ...times(i % 4, 4)], gemeente: times(5, 4) }
		})
	);
}
const page = (db: Db, pilot: PilotWithScan) => pilotBenchmark(db, getPilot(db, pilot.id)!, latestRelease(db, pilot.id)!, 5);
const doel = (db: Db, pilot: PilotWithScan, role = 'raad', grouping = 0) =>
	page(db, pilot)
		.groupings[grouping].roles.find((r) => r.role === role)!
		.cells.find((c) => c.theme === 'doel')!;

describe('the benchmark snapshot', () => {
	it('holds closed, consenting pilots with a release, and only their roles of at least 5', () => {
		const db = fresh();
		const [a] = seedMany(db, 2);
		seedBenchmarkPilot(db, { municipality: 'Geen toestemming', consent: false, scores: { raad: times(6, 2), gemeente: times(5, 2) } });
		const small = seedBenchmarkPilot(db, { municipality: 'Klein', scores: { raad: times(4, 1), gemeente: times(5, 5) } });
		const reopened = seedBenchmarkPilot(db, { municipality: 'Weer open', scores: { raad: times(6, 2), gemeente: times(5, 2) } });
		setPilotStatus(db, reopened.id, 'open');
		expect(refreshBenchmarkSnapshot(db)).toEqual([KEY]);
		const snapshot = publishedSnapshot(db, KEY)!;
		expect(snapshot.members.sort()).toEqual([a.id, a.id + 1, small.id].sort());
		// The small pilot showed its council (k 3) but contributes only its staff here.
		expect(snapshot.contributions.find((c) => c.pilotId === small.id)?.values).toEqual({ gemeente: expect.any(Object) });
		expect(snapshot.contributions.find((c) => c.pilotId === a.id)?.values.raad.doel).toBe(3);
	});

	it('compares demo pilots only with each other, so made-up figures never mix with real ones', () => {
		const db = fresh();
		const real = seedMany(db, 6);
		const demo = seedMany(db, 6, 20);
		db.$client.prepare(`UPDATE pilots SET demo = 1 WHERE id IN (${demo.map((p) => p.id).join(',')})`).run();
		expect(refreshBenchmarkSnapshot(db).sort()).toEqual([KEY, `${KEY} (demo)`]);
		expect(publishedSnapshot(db, KEY)!.members.sort()).toEqual(real.map((p) => p.id).sort());
		expect(publishedSnapshot(db, `${KEY} (demo)`)!.members.sort()).toEqual(demo.map((p) => p.id).sort());
		// A real pilot's page counts five others, all real.
		expect(doel(db, real[0])).toMatchObject({ shown: true, distribution: { pilots: { from: 5, to: 9 } } });
	});

	it('is remade only when at least 2 pilots joined or left, so two versions never differ by one', () => {
		const db = fresh();
		const pilots = seedMany(db, 6);
		refreshBenchmarkSnapshot(db);
		const before = publishedSnapshot(db, KEY)!;
		const viewer = pilots[0];
		const shownBefore = page(db, viewer);
		// One pilot joins: nothing changes for anyone, so before and after cannot be subtracted.
		const [joined] = seedMany(db, 1, 10);
		expect(refreshBenchmarkSnapshot(db)).toEqual([]);
		expect(publishedSnapshot(db, KEY)).toEqual(before);
		expect(page(db, viewer)).toEqual(shownBefore);
		// One leaves (reopened) as well: still the published one.
		setPilotStatus(db, pilots[5].id, 'open');
		expect(refreshBenchmarkSnapshot(db)).toEqual([KEY]);
		const after = publishedSnapshot(db, KEY)!;
		expect(after.number).toBe(2);
		expect(after.members).toContain(joined.id);
		expect(after.members).not.toContain(pilots[5].id);
		// Only the published snapshot is kept.
		expect(db.$client.prepare('SELECT count(*) AS n FROM benchmark_snapshots').get()).toEqual({ n: 1 });
	});

	it("shows a pilot's own score against the other pilots, or says there are too few", () => {
		const db = fresh();
		const pilots = seedMany(db, 5);
		refreshBenchmarkSnapshot(db);
		// Four others only: nothing to compare with.
		expect(doel(db, pilots[0])).toMatchObject({ shown: false, reason: 'few-pilots', own: 3 });
		const outsider = seedBenchmarkPilot(db, {
			municipality: 'Buiten',
			consent: false,
			scores: { raad: times(5, 5), gemeente: times(4, 2) }
		});
		const cell = doel(db, outsider);
		expect(cell).toMatchObject({
			shown: true,
			own: 5,
			place: 'highest-quarter',
			distribution: { pilots: { from: 5, to: 9 }, median: 3.2 }
		});
		const staff = page(db, outsider).groupings[0].roles.find((r) => r.role === 'gemeente')!;
		expect(staff.ownTooSmall).toBe(true);
		expect(staff.cells[0]).toMatchObject({ shown: true, own: null, distribution: { median: 4, spread: null } });
		// Council type: its complement is empty, so it never shows.
		expect(doel(db, outsider, 'raad', 1)).toMatchObject({ shown: false, reason: 'complement-too-small' });
	});

	it('gives nothing to subtract between what a facilitator of two pilots sees and exports, and who else contributed', () => {
		// Two worlds that differ only in which of two other pilots gave which figures.
		const worlds = [0, 1].map((swap) => {
			const db = fresh();
			const mine = seedMany(db, 2);
			const scoresOf = [times(5, 2), [...times(5, 5), 4]];
			seedBenchmarkPilot(db, { municipality: 'Tstad', scores: { raad: scoresOf[swap], gemeente: times(5, 3) } });
			seedBenchmarkPilot(db, { municipality: 'Sstad', scores: { raad: scoresOf[1 - swap], gemeente: times(5, 3) } });
			seedMany(db, 5, 20);
			refreshBenchmarkSnapshot(db);
			// The snapshot's date differs between the two worlds; what it shows is what counts.
			return mine.map((p) => ({ page: page(db, p).groupings, exported: latestRelease(db, p.id)!.results }));
		});
		expect(worlds[0][0].page[0].roles[0].cells[0].shown).toBe(true);
		expect(worlds[1]).toEqual(worlds[0]);
	});
});
