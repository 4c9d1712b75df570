// Rounds on the server: which earlier pilot a facilitator may choose, and carrying the open actions
// of the earlier plan into the new one (once, with links that still exist, without the log).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkTargets } from '$lib/plan/rules';
import type { SessionUser } from './auth';
import type { Db } from './db';
import { addAction, addProgress, loadPlan, updateAction, type ActionInput } from './plan';
import { getPilot, PilotError } from './pilots';
import { makeRelease } from './releases';
import { insertCompletedResponse } from './responses';
import { latestRelease } from './releases';
import { roundView } from './round-view';
import { carryable, carryActions, checkPrevious, previousOptions, roundPair } from './rounds';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
let anna: SessionUser;
let bram: SessionUser;

function user(email: string): SessionUser {
	const row = db.$client
		.prepare("INSERT INTO users (email, password_hash, role) VALUES (?, 'x', 'facilitator') RETURNING id")
		.get(email) as {
		id: number;
	};
	return { id: row.id, email, name: '', role: 'facilitator' };
}
function pilotOf(owner: SessionUser, municipality = 'Zuidstad', released = true): number {
	const id = createTestPilot(db, { municipality });
	db.$client.prepare('UPDATE pilots SET owner_id = ? WHERE id = ?').run(owner.id, id);
	if (released) makeRelease(db, getPilot(db, id)!, 'close', owner.id);
	return id;
}

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	anna = user('anna@example.nl');
	bram = user('bram@example.nl');
});
afterEach(() => cleanup());

const refusal = (fn: () => void) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof PilotError) return e.field;
		throw e;
	}
	return null;
};

describe('choosing an earlier round', () => {
	it('offers only pilots the user manages that have a release, never the pilot itself', () => {
		const own = pilotOf(anna);
		pilotOf(anna, 'Zuidstad', false);
		pilotOf(bram);
		expect(previousOptions(db, anna).map((o) => o.id)).toEqual([own]);
		expect(previousOptions(db, anna, { id: own, previousPilotId: null })).toEqual([]);
	});

	it('refuses another municipality, an unreleased, a foreign or an unknown pilot, at the field', () => {
		const own = pilotOf(anna);
		const draft = pilotOf(anna, 'Zuidstad', false);
		const foreign = pilotOf(bram);
		expect(refusal(() => checkPrevious(db, anna, ' zuidstad', own, null))).toBeNull();
		expect(refusal(() => checkPrevious(db, anna, 'Noorddorp', own, null))).toBe('previousPilotId');
		for (const id of [draft, foreign, 999999]) expect(refusal(() => checkPrevious(db, anna, 'Zuidstad', id, null))).toBe('previousPilotId');
		expect(refusal(() => checkPrevious(db, anna, 'Zuidstad', null, null))).toBeNull();
	});
	it('keeps the earlier round a draft already names, even when the user no longer manages it', () => {
		// Bram's pilot was chosen while Anna could manage it; since then she cannot.
		const foreign = pilotOf(bram);
		const draft = { id: pilotOf(anna, 'Zuidstad', false), previousPilotId: foreign };
		expect(previousOptions(db, anna, draft).map((o) => o.id)).toContain(foreign);
		expect(refusal(() => checkPrevious(db, anna, 'Zuidstad', foreign, draft))).toBeNull();
		// Another draft cannot name it as a new choice.
		expect(refusal(() => checkPrevious(db, anna, 'Zuidstad', foreign, { id: draft.id, previousPilotId: null }))).toBe('previousPilotId');
	});
});

describe('carrying actions', () => {
	const input = (overrides: Partial<ActionInput> = {}): ActionInput => ({
		title: 'Vaste vergadering',
		whyTopicId: null,
		whyText: 'De raad hoort te laat van plannen.',
		ownerKind: 'anders',
		ownerName: 'Werkgroep',
		dueMonth: '2026-06',
		priority: 'hoog',
		successSign: 'Elk plan komt vooraf.',
		links: [],
		...overrides
	});

	it('copies the open actions once, with title, why, owner and links, not the log', () => {
		const before = pilotOf(anna);
		const after = pilotOf(anna, 'Zuidstad', false);
		const pilot = getPilot(db, before)!;
		const targets = linkTargets(pilot.scan, pilot.variant);
		const add = (o: Partial<ActionInput>) => {
			const r = addAction(db, before, input(o), targets);
			if (!r.ok) throw new Error(r.reason);
			return r.value;
		};
		const open = add({
			title: 'Open',
			links: [
				{ kind: 'item', ref: 'doel-1' },
				{ kind: 'theme', ref: 'doel' }
			]
		});
		const busy = add({ title: 'Bezig' });
		updateAction(db, before, busy, { ...input({ title: 'Bezig' }), status: 'bezig' }, targets);
		const done = add({ title: 'Klaar' });
		updateAction(db, before, done, { ...input({ title: 'Klaar' }), status: 'uitgevoerd' }, targets);
		const stopped = add({ title: 'Gestopt' });
		updateAction(db, before, stopped, { ...input({ title: 'Gestopt' }), status: 'gestopt' }, targets);
		addProgress(db, before, open, { day: '2026-01-05', text: 'Eerste gesprek.' });
		expect(carryable(db, before, after).map((a) => a.title)).toEqual(['Open', 'Bezig']);

		expect(carryActions(db, before, after, targets, new Map())).toEqual({ ok: true, added: 2 });
		const plan = loadPlan(db, after);
		expect(plan.map((a) => [a.title, a.status, a.position])).toEqual([
			['Open', 'gepland', 1],
			['Bezig', 'gepland', 2]
		]);
		expect(plan[0]).toMatchObject({
			whyText: 'De raad hoort te laat van plannen.',
			ownerKind: 'anders',
			ownerName: 'Werkgroep',
			progress: []
		});
		expect(plan[0].links).toEqual([
			{ kind: 'item', ref: 'doel-1' },
			{ kind: 'theme', ref: 'doel' }
		]);
		// Carrying again adds nothing.
		expect(carryable(db, before, after)).toEqual([]);
		expect(carryActions(db, before, after, targets, new Map())).toEqual({ ok: true, added: 0 });
		expect(loadPlan(db, after)).toHaveLength(2);
	});

	it('follows a statement that changed id, and drops a link this round cannot name', () => {
		const before = pilotOf(anna);
		const after = pilotOf(anna, 'Zuidstad', false);
		const pilot = getPilot(db, before)!;
		const targets = linkTargets(pilot.scan, pilot.variant);
		addAction(
			db,
			before,
			input({
				links: [
					{ kind: 'item', ref: 'doel-1' },
					{ kind: 'item', ref: 'doel-2' }
				]
			}),
			targets
		);
		const smaller = { themes: targets.themes.map((t) => ({ ...t, items: t.items.filter((i) => i !== 'doel-2') })) };
		carryActions(db, before, after, smaller, new Map([['doel-1', 'doel-3']]));
		expect(loadPlan(db, after)[0].links).toEqual([{ kind: 'item', ref: 'doel-3' }]);
	});
});

describe('the rounds page', () => {
	it('shows per role the change, marks the statement an earlier action was about, and counts the change question', () => {
		const before = pilotOf(anna, 'Zuidstad', false);
		const answer = (pilotId: number, role: string, answers: [string, number][]) =>
			insertCompletedResponse(db, {
				pilotId,
				role,
				source: 'online',
				answers: answers.map(([key, score]) => [key, { kind: 'score', score: score as 1 | 2 | 3 | 4 | 5 }])
			});
		for (let i = 0; i < 5; i++) for (const role of ['raad', 'gemeente']) answer(before, role, [['doel-1', 2]]);
		makeRelease(db, getPilot(db, before)!, 'close', anna.id);
		const earlier = getPilot(db, before)!;
		addAction(db, before, input0({ links: [{ kind: 'item', ref: 'doel-1' }] }), linkTargets(earlier.scan, earlier.variant));
		const after = pilotOf(anna, 'Zuidstad', false);
		db.$client.prepare('UPDATE pilots SET previous_pilot_id = ? WHERE id = ?').run(before, after);
		// raad: 5 answers; gemeente: 2, below k now.
		for (let i = 0; i < 5; i++)
			answer(after, 'raad', [
				['doel-1', 4],
				['ronde.verandering', 1]
			]);
		for (let i = 0; i < 2; i++) answer(after, 'gemeente', [['doel-1', 4]]);
		const pilot = getPilot(db, after)!;
		makeRelease(db, pilot, 'close', anna.id);
		const pair = roundPair(db, anna, pilot, latestRelease(db, after)!);
		if (pair.kind !== 'pair') throw new Error(pair.kind);
		const view = roundView(db, pilot, pair.previous, pair.before, pair.after);
		expect(view.perRole.map((r) => r.role)).toEqual(['raad']);
		expect(view.gaps).toEqual([{ role: 'gemeente', label: 'Gemeente', reason: expect.stringContaining('te weinig') }]);
		const row = view.perRole[0].statements.rows.find((r) => r.id === 'doel-1')!;
		expect(row).toMatchObject({ before: 2, after: 4, change: 2, actions: ['Vaste vergadering'] });
		expect(view.effects[0].figures[0].rows).toEqual([expect.objectContaining({ role: 'raad', before: 2, after: 4, change: 2 })]);
		expect(view.change).toEqual([
			{ role: 'raad', label: 'Lid van de raad', counts: { ja: 5, een_beetje: 0, nee: 0, weet_niet: 0, answered: 5 } },
			{ role: 'gemeente', label: 'Gemeente', counts: null }
		]);
		// Someone without access to the earlier pilot gets no pair at all.
		expect(roundPair(db, bram, pilot, latestRelease(db, after)!).kind).toBe('no-access');
	});
});

function input0(overrides: Partial<ActionInput> = {}): ActionInput {
	return {
		title: 'Vaste vergadering',
		whyTopicId: null,
		whyText: '',
		ownerKind: 'samen',
		ownerName: '',
		dueMonth: '2026-06',
		priority: 'hoog',
		successSign: '',
		links: [],
		...overrides
	};
}
