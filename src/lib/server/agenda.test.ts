// The stored agenda: the draft until the first change, which stores it with the change; changes
// that no longer apply store nothing; quotes only of texts the release shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftAgenda } from '$lib/analysis/agenda';
import { run } from '$lib/analysis/test-scan';
import type { Db } from './db';
import { changeAgenda, DEFAULT_MINUTES, listQuotes, loadAgenda, markQuote, placeQuote, resetAgenda, unmarkQuote } from './agenda';
import { createPilot } from './pilots';
import { createTestDb, testPilotForm } from './test-db';

let db: Db;
let cleanup: () => void;
let pilotId: number;
let otherPilot: number;
const results = run();
const draftKeys = draftAgenda(results).map((t) => t.key);
const keys = () => loadAgenda(db, pilotId, results).entries.map((e) => e.key ?? `eigen:${e.title}`);

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilotId = createPilot(db, testPilotForm(), null);
	otherPilot = createPilot(db, testPilotForm({ municipality: 'Noorddorp' }), null);
});
afterEach(() => cleanup());

describe('the agenda', () => {
	it('is the draft, unsaved, until the first change', () => {
		expect(draftKeys.length).toBeGreaterThan(1);
		const agenda = loadAgenda(db, pilotId, results);
		expect(agenda.saved).toBe(false);
		expect(agenda.entries.map((e) => e.key)).toEqual(draftKeys);
		expect(agenda.entries.every((e) => e.id === null && e.minutes === DEFAULT_MINUTES && e.topic)).toBe(true);
	});

	it('stores the draft with the first change, addressed by key, and by id after that', () => {
		expect(changeAgenda(db, pilotId, results, { kind: 'move', topic: draftKeys[1], by: -1 })).toBe(true);
		expect(keys()).toEqual([draftKeys[1], draftKeys[0], ...draftKeys.slice(2)]);
		const saved = loadAgenda(db, pilotId, results);
		expect(saved.saved).toBe(true);
		const first = saved.entries[0];
		expect(changeAgenda(db, pilotId, results, { kind: 'notes', topic: String(first.id), notes: 'Raad wil vaker overleg.' })).toBe(true);
		expect(changeAgenda(db, pilotId, results, { kind: 'minutes', topic: String(first.id), minutes: 25 })).toBe(true);
		expect(loadAgenda(db, pilotId, results).entries[0]).toMatchObject({ notes: 'Raad wil vaker overleg.', minutes: 25 });
	});

	it('adds a candidate and an own topic at the end, and removes one', () => {
		const extra = loadAgenda(db, pilotId, results).candidates[0];
		expect(extra).toBeDefined();
		expect(changeAgenda(db, pilotId, results, { kind: 'add', key: extra.key })).toBe(true);
		expect(changeAgenda(db, pilotId, results, { kind: 'own', title: 'Vergoeding voor leden' })).toBe(true);
		expect(keys()).toEqual([...draftKeys, extra.key, 'eigen:Vergoeding voor leden']);
		expect(loadAgenda(db, pilotId, results).candidates.map((t) => t.key)).not.toContain(extra.key);
		expect(changeAgenda(db, pilotId, results, { kind: 'remove', topic: draftKeys[0] })).toBe(true);
		expect(keys()[0]).toBe(draftKeys[1]);
	});

	it('stores nothing for a change that does not apply', () => {
		for (const change of [
			{ kind: 'add', key: 'difference:bestaat-niet' },
			{ kind: 'add', key: draftKeys[0] },
			{ kind: 'remove', topic: '999' },
			{ kind: 'notes', topic: 'difference:bestaat-niet', notes: 'x' }
		] as const)
			expect(changeAgenda(db, pilotId, results, change)).toBe(false);
		expect(loadAgenda(db, pilotId, results).saved).toBe(false);
	});

	it('never changes another pilot’s topic', () => {
		changeAgenda(db, otherPilot, results, { kind: 'own', title: 'Van een ander' });
		const theirs = loadAgenda(db, otherPilot, results).entries.at(-1)!;
		expect(changeAgenda(db, pilotId, results, { kind: 'remove', topic: String(theirs.id) })).toBe(false);
		expect(loadAgenda(db, otherPilot, results).entries.at(-1)!.title).toBe('Van een ander');
	});

	it('goes back to the draft on reset', () => {
		changeAgenda(db, pilotId, results, { kind: 'own', title: 'Eigen onderwerp' });
		resetAgenda(db, pilotId);
		expect(loadAgenda(db, pilotId, results)).toMatchObject({ saved: false });
		expect(keys()).toEqual(draftKeys);
	});
});

describe('quotes', () => {
	const question = results.themes.flatMap((t) => t.open).find((q) => (q.byRole.raad?.length ?? 0) > 0)!;
	const said = question.byRole.raad![0];

	it('marks only a text the release shows for that question and role', () => {
		expect(markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: said })).toBe(true);
		expect(markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: 'Door niemand geschreven' })).toBe(false);
		expect(markQuote(db, pilotId, results, { itemId: question.id, role: 'burger', text: said })).toBe(false);
		// Marking again changes nothing.
		expect(markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: said })).toBe(true);
		expect(listQuotes(db, pilotId, results).map((q) => q.text)).toEqual([said]);
	});

	it('leaves out a quote a later release no longer shows (its role fell below the minimum)', () => {
		markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: said });
		const later = structuredClone(results);
		for (const q of later.themes.flatMap((t) => t.open)) delete q.byRole.raad;
		expect(listQuotes(db, pilotId, later)).toEqual([]);
		expect(listQuotes(db, pilotId, results)).toHaveLength(1);
	});

	it('places a quote under a draft topic by its key, which stores the draft', () => {
		markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: said });
		expect(placeQuote(db, pilotId, results, listQuotes(db, pilotId, results)[0].id, draftKeys[0])).toBe(true);
		const agenda = loadAgenda(db, pilotId, results);
		expect(agenda.saved).toBe(true);
		expect(listQuotes(db, pilotId, results)[0].topicId).toBe(agenda.entries[0].id);
	});

	it('places a quote under a topic of the same pilot only, and unmarks it', () => {
		markQuote(db, pilotId, results, { itemId: question.id, role: 'raad', text: said });
		const quote = listQuotes(db, pilotId, results)[0];
		changeAgenda(db, pilotId, results, { kind: 'own', title: 'Stemmen uit de achterban' });
		const topic = loadAgenda(db, pilotId, results).entries.at(-1)!;
		changeAgenda(db, otherPilot, results, { kind: 'own', title: 'Ander' });
		const foreign = loadAgenda(db, otherPilot, results).entries.at(-1)!;
		expect(placeQuote(db, pilotId, results, quote.id, String(foreign.id))).toBe(false);
		expect(placeQuote(db, pilotId, results, quote.id, String(topic.id))).toBe(true);
		expect(listQuotes(db, pilotId, results)[0].topicId).toBe(topic.id);
		expect(placeQuote(db, pilotId, results, quote.id, null)).toBe(true);
		expect(listQuotes(db, pilotId, results)[0].topicId).toBeNull();
		expect(unmarkQuote(db, otherPilot, quote.id)).toBe(false);
		expect(unmarkQuote(db, pilotId, quote.id)).toBe(true);
		expect(listQuotes(db, pilotId, results)).toEqual([]);
	});
});
