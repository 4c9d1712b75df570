// The programme overview's figures: every pilot on a scan version with its handed-in forms per
// role, and released theme scores only (none before a release, none for a role below its k).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db';
import { seedBenchmarkPilot, times } from './benchmark-fixture';
import { programmePage, programmeScans } from './programme';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

it('lists every pilot with status and response, and released scores of roles at or above k', () => {
	const released = seedBenchmarkPilot(db, { municipality: 'Bstad', minGroupSize: 5, scores: { raad: times(5, 4), gemeente: times(3, 2) } });
	const draft = createTestPilot(db, { municipality: 'Astad' });
	const [scan] = programmeScans(db);
	expect(scan).toMatchObject({ scanKey: 'clientenparticipatie-werk-en-inkomen@1', pilots: 2 });
	const page = programmePage(db, scan, 1);
	expect(page.rows.map((r) => [r.id, r.status])).toEqual([
		[draft, 'draft'],
		[released.id, 'closed']
	]);
	const row = page.rows[1];
	expect(row.submitted).toEqual({ raad: 5, gemeente: 3 });
	expect(row.scores?.raad.doel).toBe(4);
	// Three staff are below this pilot's k of 5: the release holds no score for them.
	expect(row.scores?.gemeente.doel).toBeNull();
	expect(page.rows[0].scores).toBeNull();
	// A page past the end shows the last.
	expect(programmePage(db, scan, 99).page).toBe(1);
});
