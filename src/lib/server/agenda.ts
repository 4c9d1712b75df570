// The saved agenda of a pilot's conversation: which topics, in which order, how many minutes,
// the notes taken, and the open answers marked as quotes. Until a facilitator changes anything the
// agenda is the draft computed from the latest release (nothing stored); the first change stores
// the draft and then applies the change, so nobody has to "start" an agenda first.
import { and, asc, eq, max } from 'drizzle-orm';
import { agendaCandidates, draftAgenda, type AgendaTopic, type TopicKind } from '$lib/analysis/agenda';
import type { PilotResults } from '$lib/analysis/aggregate';
import type { Db } from './db';
import { agendaQuotes, agendaTopics, type AgendaQuoteRow } from './db/schema';

/** Minutes a topic gets when it joins the agenda; the facilitator changes them per topic. */
export const DEFAULT_MINUTES = 10;
export const MAX_MINUTES = 240;
export const MAX_TITLE = 200;
export const MAX_NOTES = 10_000;

/** One topic of the agenda as the pages use it; `topic` is null for an own topic or one the release no longer supports. */
export type AgendaEntry = {
	id: number | null;
	key: string | null;
	kind: TopicKind | 'own';
	title: string | null;
	minutes: number | null;
	notes: string;
	topic: AgendaTopic | null;
};

export type Agenda = { saved: boolean; entries: AgendaEntry[]; candidates: AgendaTopic[] };

const kindOf = (key: string): TopicKind => key.split(':')[0] as TopicKind;

/** The agenda of a pilot against its latest release's results: the saved one, else the draft. */
export function loadAgenda(db: Db, pilotId: number, results: PilotResults): Agenda {
	const candidates = agendaCandidates(results);
	const byKey = new Map(candidates.map((t) => [t.key, t]));
	const rows = db.select().from(agendaTopics).where(eq(agendaTopics.pilotId, pilotId)).orderBy(asc(agendaTopics.position)).all();
	const entries: AgendaEntry[] = rows.length
		? rows.map((r) => ({
				id: r.id,
				key: r.topicKey,
				kind: r.topicKey ? kindOf(r.topicKey) : 'own',
				title: r.title,
				minutes: r.minutes,
				notes: r.notes,
				topic: r.topicKey ? (byKey.get(r.topicKey) ?? null) : null
			}))
		: draftAgenda(results).map((topic) => ({
				id: null,
				key: topic.key,
				kind: topic.kind,
				title: null,
				minutes: DEFAULT_MINUTES,
				notes: '',
				topic
			}));
	const onAgenda = new Set(entries.map((e) => e.key));
	return { saved: rows.length > 0, entries, candidates: candidates.filter((t) => !onAgenda.has(t.key)) };
}

/** Stores the draft when nothing is stored yet, in one transaction with the change that needs it. */
function materialise(db: Db, pilotId: number, results: PilotResults): void {
	const stored = db.select({ id: agendaTopics.id }).from(agendaTopics).where(eq(agendaTopics.pilotId, pilotId)).limit(1).get();
	if (stored) return;
	draftAgenda(results).forEach((topic, i) =>
		db
			.insert(agendaTopics)
			.values({ pilotId, position: i + 1, topicKey: topic.key, minutes: DEFAULT_MINUTES })
			.run()
	);
}

/**
 * The agenda as stored rows, storing the draft first when nothing is stored yet: for what must
 * point at stable topic ids (the options of a vote). Call it inside the caller's transaction.
 */
export function storeAgenda(db: Db, pilotId: number, results: PilotResults): AgendaEntry[] {
	materialise(db, pilotId, results);
	return loadAgenda(db, pilotId, results).entries;
}

function nextPosition(db: Db, pilotId: number): number {
	return (
		(db
			.select({ p: max(agendaTopics.position) })
			.from(agendaTopics)
			.where(eq(agendaTopics.pilotId, pilotId))
			.get()?.p ?? 0) + 1
	);
}

const now = () => new Date().toISOString().slice(0, 19) + 'Z';

/**
 * A change to the agenda. `topic` names a topic on it: its id once stored, its key while the
 * agenda is still the draft (the page's forms send what they have).
 */
export type AgendaChange =
	| { kind: 'add'; key: string }
	| { kind: 'own'; title: string }
	| { kind: 'remove'; topic: string }
	| { kind: 'move'; topic: string; by: -1 | 1 }
	| { kind: 'minutes'; topic: string; minutes: number | null }
	| { kind: 'notes'; topic: string; notes: string };

/** The stored row a `topic` reference names, if it is this pilot's. */
function resolve(db: Db, pilotId: number, topic: string): number | null {
	const where = /^\d{1,10}$/.test(topic) ? eq(agendaTopics.id, Number(topic)) : eq(agendaTopics.topicKey, topic);
	return (
		db
			.select({ id: agendaTopics.id })
			.from(agendaTopics)
			.where(and(eq(agendaTopics.pilotId, pilotId), where))
			.get()?.id ?? null
	);
}

/** Whether a change can apply to the agenda as it is now (stored or draft). */
function applies(db: Db, pilotId: number, results: PilotResults, change: AgendaChange): boolean {
	const agenda = loadAgenda(db, pilotId, results);
	if (change.kind === 'own') return true;
	if (change.kind === 'add') return agenda.candidates.some((t) => t.key === change.key);
	return agenda.entries.some((e) => (e.id !== null && String(e.id) === change.topic) || (e.key !== null && e.key === change.topic));
}

/**
 * Applies one change, storing the draft first when nothing is stored yet. False when the change
 * no longer applies (a topic that is gone, a key the release does not support, a topic already on
 * the agenda): then nothing is stored at all.
 */
export function changeAgenda(db: Db, pilotId: number, results: PilotResults, change: AgendaChange): boolean {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		if (!applies(tx, pilotId, results, change)) return false;
		materialise(tx, pilotId, results);
		const row = (id: number) => and(eq(agendaTopics.id, id), eq(agendaTopics.pilotId, pilotId));
		if (change.kind === 'add' || change.kind === 'own') {
			const topic = change.kind === 'add' ? { topicKey: change.key } : { title: change.title };
			tx.insert(agendaTopics)
				.values({ pilotId, position: nextPosition(tx, pilotId), minutes: DEFAULT_MINUTES, ...topic })
				.run();
			return true;
		}
		const id = resolve(tx, pilotId, change.topic);
		if (id === null) return false;
		switch (change.kind) {
			case 'remove':
				tx.delete(agendaTopics).where(row(id)).run();
				return true;
			case 'minutes':
				tx.update(agendaTopics).set({ minutes: change.minutes, updatedAt: now() }).where(row(id)).run();
				return true;
			case 'notes':
				tx.update(agendaTopics).set({ notes: change.notes, updatedAt: now() }).where(row(id)).run();
				return true;
			case 'move': {
				const rows = tx
					.select({ id: agendaTopics.id })
					.from(agendaTopics)
					.where(eq(agendaTopics.pilotId, pilotId))
					.orderBy(asc(agendaTopics.position))
					.all();
				const at = rows.findIndex((r) => r.id === id);
				const to = at + change.by;
				if (to < 0 || to >= rows.length) return true;
				[rows[at], rows[to]] = [rows[to], rows[at]];
				// Positions renumbered 1..n, so they stay dense whatever was removed before.
				rows.forEach((r, i) =>
					tx
						.update(agendaTopics)
						.set({ position: i + 1 })
						.where(eq(agendaTopics.id, r.id))
						.run()
				);
				return true;
			}
		}
	});
}

/**
 * The stored id of a topic on the agenda (its id, or its key while the agenda is the draft, which
 * is then stored), for a plan action that names it as its reason; null when it is not on the agenda.
 */
export function storedTopicId(db: Db, pilotId: number, results: PilotResults, topic: string): number | null {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		if (!applies(tx, pilotId, results, { kind: 'remove', topic })) return null;
		materialise(tx, pilotId, results);
		return resolve(tx, pilotId, topic);
	});
}

/** Back to the draft of the latest release: the stored topics, their notes and the quotes' topics go. */
export function resetAgenda(db: Db, pilotId: number): void {
	db.delete(agendaTopics).where(eq(agendaTopics.pilotId, pilotId)).run();
}

/** Whether the release shows this open answer for that question and role (never a hidden role's). */
function releaseShows(results: PilotResults, quote: { itemId: string; role: string; text: string }): boolean {
	const question = results.themes.flatMap((t) => t.open).find((q) => q.id === quote.itemId);
	return question?.byRole[quote.role]?.includes(quote.text) ?? false;
}

/**
 * The quotes marked on a pilot's agenda that the release `results` still shows: a later release
 * without them (a role fell below k, an answer withdrawn) leaves them out of every page and report.
 */
export function listQuotes(db: Db, pilotId: number, results: PilotResults): AgendaQuoteRow[] {
	return db
		.select()
		.from(agendaQuotes)
		.where(eq(agendaQuotes.pilotId, pilotId))
		.orderBy(asc(agendaQuotes.id))
		.all()
		.filter((q) => releaseShows(results, q));
}

/**
 * Marks an open answer as a quote. Only a text that the release shows for that question and role
 * can be marked (a form cannot slip in words nobody wrote, nor the answers of a hidden role).
 */
export function markQuote(db: Db, pilotId: number, results: PilotResults, quote: { itemId: string; role: string; text: string }): boolean {
	if (!releaseShows(results, quote)) return false;
	db.insert(agendaQuotes)
		.values({ pilotId, ...quote })
		.onConflictDoNothing()
		.run();
	return true;
}

export function unmarkQuote(db: Db, pilotId: number, id: number): boolean {
	return (
		db
			.delete(agendaQuotes)
			.where(and(eq(agendaQuotes.id, id), eq(agendaQuotes.pilotId, pilotId)))
			.run().changes > 0
	);
}

/**
 * Puts a quote under a topic of the agenda (its id, or its key while the agenda is the draft,
 * which is then stored), or under none. The topic must be this pilot's.
 */
export function placeQuote(db: Db, pilotId: number, results: PilotResults, id: number, topic: string | null): boolean {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		const quote = and(eq(agendaQuotes.id, id), eq(agendaQuotes.pilotId, pilotId));
		if (!tx.select({ id: agendaQuotes.id }).from(agendaQuotes).where(quote).get()) return false;
		let topicId: number | null = null;
		if (topic !== null) {
			if (!applies(tx, pilotId, results, { kind: 'remove', topic })) return false;
			materialise(tx, pilotId, results);
			topicId = resolve(tx, pilotId, topic);
		}
		tx.update(agendaQuotes).set({ topicId }).where(quote).run();
		return true;
	});
}
