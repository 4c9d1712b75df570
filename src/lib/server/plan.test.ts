// The stored plan van aanpak: order kept dense through moves and deletes, links only to ids of
// the pilot's scan snapshot, a reason topic only from the pilot's own agenda, and no change ever
// reaching an action of another pilot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '$lib/analysis/test-scan';
import { linkTargets, MAX_ACTIONS, planOverview } from '$lib/plan/rules';
import { changeAgenda, loadAgenda, storedTopicId } from './agenda';
import type { Db } from './db';
import { addAction, addProgress, deleteAction, getAction, loadPlan, moveAction, updateAction, type ActionInput } from './plan';
import { getPilot } from './pilots';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
let pilotId: number;
let otherPilot: number;
let targets: ReturnType<typeof linkTargets>;
const results = run();

const input = (overrides: Partial<ActionInput> = {}): ActionInput => ({
	title: 'Vaste vergadering met de wethouder',
	whyTopicId: null,
	whyText: 'De raad hoort te laat van plannen.',
	ownerKind: 'samen',
	ownerName: '',
	dueMonth: '2026-06',
	priority: 'hoog',
	successSign: 'De raad krijgt elk plan voordat het besluit valt.',
	links: [],
	...overrides
});
const add = (overrides: Partial<ActionInput> = {}, pilot = pilotId) => {
	const result = addAction(db, pilot, input(overrides), targets);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
};
const titles = () => loadPlan(db, pilotId).map((a) => a.title);

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilotId = createTestPilot(db);
	otherPilot = createTestPilot(db, { municipality: 'Noorddorp' });
	const pilot = getPilot(db, pilotId)!;
	targets = linkTargets(pilot.scan, pilot.variant);
});
afterEach(() => cleanup());

describe('the plan', () => {
	it('keeps actions in the order added, with links and progress', () => {
		const first = add({
			title: 'Een',
			links: [
				{ kind: 'theme', ref: 'doel' },
				{ kind: 'item', ref: 'doel-1' }
			]
		});
		add({ title: 'Twee' });
		expect(titles()).toEqual(['Een', 'Twee']);
		expect(addProgress(db, pilotId, first, { day: '2026-03-02', text: 'Eerste overleg gehouden.' }).ok).toBe(true);
		expect(addProgress(db, pilotId, first, { day: '2026-02-01', text: 'Afspraak gemaakt.' }).ok).toBe(true);
		const action = getAction(db, pilotId, first)!;
		expect(action).toMatchObject({ status: 'gepland', priority: 'hoog', ownerKind: 'samen', dueMonth: '2026-06' });
		expect(action.links).toEqual([
			{ kind: 'item', ref: 'doel-1' },
			{ kind: 'theme', ref: 'doel' }
		]);
		expect(action.progress.map((p) => p.text)).toEqual(['Afspraak gemaakt.', 'Eerste overleg gehouden.']);
	});

	it('moves an action up and down, stays put at either end, and keeps positions dense after a delete', () => {
		const [a, b, c] = [add({ title: 'A' }), add({ title: 'B' }), add({ title: 'C' })];
		expect(moveAction(db, pilotId, c, -1)).toBe(true);
		expect(titles()).toEqual(['A', 'C', 'B']);
		expect(moveAction(db, pilotId, a, -1)).toBe(true);
		expect(moveAction(db, pilotId, b, 1)).toBe(true);
		expect(titles()).toEqual(['A', 'C', 'B']);
		expect(deleteAction(db, pilotId, a)).toBe(true);
		expect(moveAction(db, pilotId, b, -1)).toBe(true);
		expect(loadPlan(db, pilotId).map((x) => [x.title, x.position])).toEqual([
			['B', 1],
			['C', 2]
		]);
		const d = add({ title: 'D' });
		expect(getAction(db, pilotId, d)!.position).toBe(3);
	});

	it('saves every field and replaces the links; a name only for an owner of its own', () => {
		const id = add({ links: [{ kind: 'item', ref: 'doel-1' }] });
		const saved = updateAction(
			db,
			pilotId,
			id,
			input({
				title: 'Nieuw',
				ownerKind: 'anders',
				ownerName: 'Werkgroep Inkomen',
				status: 'bezig',
				links: [{ kind: 'item', ref: 'agenda-2' }]
			}),
			targets
		);
		expect(saved.ok).toBe(true);
		expect(getAction(db, pilotId, id)).toMatchObject({
			title: 'Nieuw',
			ownerKind: 'anders',
			ownerName: 'Werkgroep Inkomen',
			status: 'bezig',
			links: [{ kind: 'item', ref: 'agenda-2' }]
		});
		updateAction(db, pilotId, id, input({ ownerKind: 'raad', ownerName: 'Jan' }), targets);
		expect(getAction(db, pilotId, id)).toMatchObject({ ownerKind: 'raad', ownerName: '', status: 'bezig' });
	});

	it('links only to themes and statements of the pilot’s scan snapshot', () => {
		for (const links of [
			[{ kind: 'item', ref: 'bestaat-niet' }],
			[{ kind: 'theme', ref: 'doel-1' }],
			[{ kind: 'item', ref: 'doel-open' }],
			[{ kind: 'theme', ref: "doel' OR 1=1" }]
		] as ActionInput['links'][])
			expect(addAction(db, pilotId, input({ links }), targets)).toEqual({ ok: false, reason: 'links' });
		expect(loadPlan(db, pilotId)).toEqual([]);
		const id = add();
		expect(updateAction(db, pilotId, id, input({ links: [{ kind: 'item', ref: 'x' }] }), targets)).toEqual({ ok: false, reason: 'links' });
	});

	it('takes a reason topic only from the pilot’s own agenda, storing a draft topic first', () => {
		const draft = loadAgenda(db, pilotId, results).entries[0];
		const topicId = storedTopicId(db, pilotId, results, draft.key!);
		expect(topicId).not.toBeNull();
		expect(loadAgenda(db, pilotId, results).saved).toBe(true);
		expect(getAction(db, pilotId, add({ whyTopicId: topicId }))!.whyTopicId).toBe(topicId);
		expect(storedTopicId(db, pilotId, results, 'difference:bestaat-niet')).toBeNull();

		changeAgenda(db, otherPilot, results, { kind: 'own', title: 'Van een ander' });
		const theirs = loadAgenda(db, otherPilot, results).entries.at(-1)!.id!;
		expect(storedTopicId(db, pilotId, results, String(theirs))).toBeNull();
		expect(addAction(db, pilotId, input({ whyTopicId: theirs }), targets)).toEqual({ ok: false, reason: 'topic' });
	});

	it('loses the reason topic, not the action, when the topic leaves the agenda', () => {
		changeAgenda(db, pilotId, results, { kind: 'own', title: 'Vergoeding' });
		const topic = loadAgenda(db, pilotId, results).entries.at(-1)!.id!;
		const id = add({ whyTopicId: topic });
		changeAgenda(db, pilotId, results, { kind: 'remove', topic: String(topic) });
		expect(getAction(db, pilotId, id)).toMatchObject({ whyTopicId: null, whyText: 'De raad hoort te laat van plannen.' });
	});

	it('never changes, moves, deletes or logs progress on another pilot’s action', () => {
		const theirs = add({ title: 'Van Noorddorp' }, otherPilot);
		add({ title: 'Van Zuidstad' });
		expect(getAction(db, pilotId, theirs)).toBeNull();
		expect(updateAction(db, pilotId, theirs, input({ title: 'Gekaapt' }), targets)).toEqual({ ok: false, reason: 'gone' });
		expect(moveAction(db, pilotId, theirs, -1)).toBe(false);
		expect(deleteAction(db, pilotId, theirs)).toBe(false);
		expect(addProgress(db, pilotId, theirs, { day: '2026-01-01', text: 'x' })).toEqual({ ok: false, reason: 'gone' });
		expect(loadPlan(db, otherPilot)).toMatchObject([{ title: 'Van Noorddorp', position: 1, progress: [] }]);
	});

	it('holds at most MAX_ACTIONS actions', () => {
		for (let i = 0; i < MAX_ACTIONS; i++) add({ title: `Actie ${i}` });
		expect(addAction(db, pilotId, input(), targets)).toEqual({ ok: false, reason: 'full' });
		expect(loadPlan(db, pilotId)).toHaveLength(MAX_ACTIONS);
	});

	it('gives the overview of the stored plan, overdue by the month of today', () => {
		add({ title: 'Te laat', dueMonth: '2026-01' });
		add({ title: 'Klaar', dueMonth: '2026-01', status: 'uitgevoerd' });
		add({ title: 'Later', dueMonth: '2026-04' });
		const overview = planOverview(loadPlan(db, pilotId), '2026-02-01');
		expect(overview.overdue).toBe(1);
		expect(overview.byStatus).toMatchObject({ gepland: 2, uitgevoerd: 1 });
		expect(overview.months[0].actions.filter((a) => a.overdue).map((a) => a.title)).toEqual(['Te laat']);
	});

	it('goes with its pilot', () => {
		add();
		db.$client.prepare('DELETE FROM pilots WHERE id = ?').run(pilotId);
		expect(db.$client.prepare('SELECT count(*) AS n FROM plan_actions').get()).toEqual({ n: 0 });
	});
});
