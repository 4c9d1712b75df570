// The demo programme: the promised shape (municipalities, statuses, consent, the two-round link
// with its plan), answers that differ per role, theme and municipality, the same figures on every
// run, the original pilot's figures kept, and a reset that touches no other pilot.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PilotResults } from '$lib/analysis/aggregate';
import type { Db } from './db';
import { resetDemo, seedDemo, type DemoSeed } from './demo';
import { DEMO_PLAN } from './demo-programme';
import { loadAgenda, listQuotes } from './agenda';
import { getPilot } from './pilots';
import { loadPlan } from './plan';
import { latestRelease } from './releases';
import { availableScans } from './scans';
import { insertCompletedResponse } from './responses';
import { createTestDb, createTestPilot } from './test-db';

const TODAY = '2026-12-02';
const scan = () => availableScans()[0];

type PilotRow = {
	id: number;
	municipality: string;
	round_label: string;
	status: string;
	benchmark_consent: number;
	previous_pilot_id: number | null;
	demo: number;
};
const rows = (db: Db) => db.$client.prepare('SELECT * FROM pilots ORDER BY id').all() as PilotRow[];
const results = (db: Db, id: number): PilotResults => latestRelease(db, id)!.results;
const themeScore = (r: PilotResults, theme: string, role: string) => r.themes.find((t) => t.id === theme)!.scores[role]!;
const itemMean = (r: PilotResults, item: string, role: string) =>
	r.themes.flatMap((t) => t.items).find((i) => i.id === item)!.byRole[role]!.mean!;

/** Every stored answer of a pilot, in order, without the random public ids. */
function answerHash(db: Db, pilotId: number): string {
	const all = db.$client
		.prepare(
			`SELECT r.role, r.source, a.key, a.score, a.dont_know, a.text FROM answers a JOIN responses r ON r.id = a.response_id
			 WHERE r.pilot_id = ? ORDER BY r.id, a.key`
		)
		.all(pilotId);
	return createHash('sha256').update(JSON.stringify(all)).digest('hex');
}

let db: Db;
let cleanup: () => void;
let ids: DemoSeed;

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	ids = seedDemo(db, scan(), null, TODAY);
});
afterAll(() => cleanup());

describe('the demo programme', () => {
	it('makes nine municipalities, all marked as demo, Voorbeeldstad first and as it was', () => {
		const all = rows(db);
		expect(all.every((p) => p.demo === 1 && p.municipality.endsWith(' (demo)'))).toBe(true);
		expect(new Set(all.map((p) => p.municipality)).size).toBe(9);
		expect(all[0].municipality).toBe('Voorbeeldstad (demo)');
		expect(all[0].status).toBe('closed');
		// The counts the results, export and conversation tests rely on.
		expect(latestRelease(db, all[0].id)!.counts).toEqual({
			raad: { responses: 9, typedIn: 2 },
			ondersteuner: { responses: 3, typedIn: 0 },
			gemeente: { responses: 8, typedIn: 2 },
			bestuur: { responses: 1, typedIn: 0 }
		});
		// The very answers of the original single demo pilot (hash taken before the programme replaced it).
		expect(answerHash(db, all[0].id)).toBe('16dff6321d537e28ee1f29a55c79bb9b6e2917ce41cf3770b3731bd2e7169861');
	});

	it('has enough consenting, closed, released pilots with at least 5 in raad and gemeente for a benchmark', () => {
		const consenting = rows(db).filter((p) => p.status === 'closed' && p.benchmark_consent === 1);
		expect(consenting.length).toBeGreaterThanOrEqual(8);
		expect(new Set(consenting.map((p) => p.municipality)).size).toBeGreaterThanOrEqual(7);
		for (const p of consenting) {
			const counts = latestRelease(db, p.id)!.counts;
			expect(counts.raad.responses, p.municipality).toBeGreaterThanOrEqual(5);
			expect(counts.gemeente.responses, p.municipality).toBeGreaterThanOrEqual(5);
		}
		const statuses = rows(db).map((p) => p.status);
		expect(statuses.filter((s) => s === 'open')).toHaveLength(1);
		expect(statuses.filter((s) => s === 'draft')).toHaveLength(1);
		expect(latestRelease(db, ids.lindeveld)).toBeNull();
		const busy = db.$client.prepare("SELECT count(*) AS n FROM responses WHERE pilot_id = ? AND status = 'in_progress'").get(ids.lindeveld);
		expect(busy).toEqual({ n: 3 });
	});

	it('links round 2 of Rivierdal to round 1, which has an agenda and a plan linked to statements', () => {
		const [first, second] = [getPilot(db, ids['rivierdal-1'])!, getPilot(db, ids['rivierdal-2'])!];
		expect([first.municipality, first.roundLabel, second.municipality, second.roundLabel]).toEqual([
			'Rivierdal (demo)',
			'Nulmeting',
			'Rivierdal (demo)',
			'Vervolgmeting'
		]);
		expect(second.previousPilotId).toBe(first.id);
		expect(latestRelease(db, first.id)!.createdAt < latestRelease(db, second.id)!.createdAt).toBe(true);
		const plan = loadPlan(db, first.id);
		expect(plan.map((a) => a.title)).toEqual(DEMO_PLAN.map((a) => a.title));
		expect(new Set(plan.map((a) => a.status))).toEqual(new Set(['uitgevoerd', 'bezig', 'gestopt', 'gepland']));
		expect(plan[0].links).toContainEqual({ kind: 'item', ref: 'invloed-1' });
		expect(plan.flatMap((a) => a.progress).length).toBeGreaterThanOrEqual(4);
		const agenda = loadAgenda(db, first.id, results(db, first.id));
		expect(agenda.saved).toBe(true);
		expect(agenda.entries.some((e) => e.notes !== '')).toBe(true);
		expect(agenda.entries.some((e) => e.kind === 'own')).toBe(true);
		expect(plan.some((a) => a.whyTopicId !== null)).toBe(true);
		expect(listQuotes(db, first.id, results(db, first.id)).length).toBe(1);
		expect(loadPlan(db, second.id)).toEqual([]);
	});

	it("raises the council's scores on the statements of the two actions that were done, and not elsewhere", () => {
		const [before, after] = [results(db, ids['rivierdal-1']), results(db, ids['rivierdal-2'])];
		for (const item of ['invloed-1', 'invloed-2', 'informatie-5', 'informatie-6'])
			expect(itemMean(after, item, 'raad') - itemMean(before, item, 'raad'), item).toBeGreaterThan(0.6);
		for (const item of ['ondersteuning-4', 'achterban-3', 'toekomst-4', 'doel-1'])
			expect(itemMean(after, item, 'raad') - itemMean(before, item, 'raad'), item).toBeLessThan(0.4);
	});

	it('lets council and staff differ per theme, and municipalities differ from each other', () => {
		const r = results(db, ids.havenstad);
		// The council is critical on timing and feedback, staff much less so.
		expect(themeScore(r, 'invloed', 'gemeente') - themeScore(r, 'invloed', 'raad')).toBeGreaterThan(0.8);
		expect(itemMean(r, 'informatie-5', 'gemeente') - itemMean(r, 'informatie-5', 'raad')).toBeGreaterThan(1);
		// …and close on a theme like working together.
		expect(Math.abs(themeScore(r, 'samenwerking', 'gemeente') - themeScore(r, 'samenwerking', 'raad'))).toBeLessThan(
			themeScore(r, 'invloed', 'gemeente') - themeScore(r, 'invloed', 'raad')
		);
		// Havenstad is strong on support and weak on reaching people; Heidedorp the other way round.
		const h = results(db, ids.heidedorp);
		expect(themeScore(r, 'ondersteuning', 'raad') - themeScore(h, 'ondersteuning', 'raad')).toBeGreaterThan(0.8);
		expect(themeScore(h, 'achterban', 'raad') - themeScore(r, 'achterban', 'raad')).toBeGreaterThan(0.6);
	});

	it('is the same on every run', () => {
		const other = createTestDb();
		try {
			const again = seedDemo(other.db, scan(), null, TODAY);
			for (const key of Object.keys(ids)) expect(answerHash(other.db, again[key]), key).toBe(answerHash(db, ids[key]));
		} finally {
			other.cleanup();
		}
	});
});

describe('resetting the demo', () => {
	it('makes the demo again and leaves other pilots, their answers and releases alone', () => {
		const { db: fresh, cleanup: done } = createTestDb();
		try {
			const first = seedDemo(fresh, scan(), null, TODAY);
			// A real pilot, even one whose name looks like a demo's, and a changed demo pilot.
			const own = createTestPilot(fresh, { municipality: 'Echtdorp (demo)' });
			insertCompletedResponse(fresh, { pilotId: own, role: 'raad', source: 'online', answers: [['doel-1', { kind: 'score', score: 4 }]] });
			fresh.$client.prepare("UPDATE pilots SET municipality = 'Veranderd (demo)' WHERE id = ?").run(first.havenstad);
			const before = rows(fresh).find((p) => p.id === own);
			const { removed, seed } = resetDemo(fresh, scan(), TODAY);
			expect(removed).toBe(Object.keys(first).length);
			const after = rows(fresh);
			expect(after.find((p) => p.id === own)).toEqual(before);
			expect(
				fresh.$client.prepare('SELECT count(*) AS n FROM answers JOIN responses ON responses.id = response_id WHERE pilot_id = ?').get(own)
			).toEqual({ n: 1 });
			expect(after.filter((p) => p.demo === 1)).toHaveLength(Object.keys(seed).length);
			expect(after.some((p) => p.municipality === 'Veranderd (demo)')).toBe(false);
			expect(Object.values(first).some((id) => after.some((p) => p.id === id))).toBe(false);
			expect(getPilot(fresh, seed['rivierdal-2'])!.previousPilotId).toBe(seed['rivierdal-1']);
		} finally {
			done();
		}
	});
});
