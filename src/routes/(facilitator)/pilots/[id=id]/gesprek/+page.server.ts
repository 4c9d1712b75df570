// The agenda of het goede gesprek: the draft from the latest release, which those who manage the
// pilot keep, drop, reorder, extend and time, with the open answers to show as quotes. Everyone
// who may see the pilot (a council's chair as viewer) sees the agenda; only managers change it.
import { fail } from '@sveltejs/kit';
import { TOPIC_KINDS } from '$lib/analysis/agenda';
import { resultTexts } from '$lib/analysis/texts';
import { entryWords, kindLabel, topicWords } from '$lib/agenda/topic-text';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { z } from '$lib/validation';
import {
	changeAgenda,
	listQuotes,
	loadAgenda,
	markQuote,
	MAX_MINUTES,
	MAX_NOTES,
	MAX_TITLE,
	placeQuote,
	resetAgenda,
	unmarkQuote,
	type AgendaChange
} from '$lib/server/agenda';
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { scanForLocale } from '$lib/server/scans';
import type { PilotWithScan } from '$lib/server/pilots';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The released results this page works from, for a pilot the caller has checked access to; before
 * the first release, the pilot page says when they come.
 */
function released(pilot: PilotWithScan) {
	const release = requireRelease(pilot);
	return { results: release.results, release };
}

/** For every action: those who manage the pilot, and its released results. */
function managed(event: RequestEvent) {
	const { pilot } = requirePilot(event, 'manage');
	return { pilot, ...released(pilot) };
}

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'view');
	const { results, release } = released(pilot);
	const texts = resultTexts(scanForLocale(pilot), results);
	const agenda = loadAgenda(db(), pilot.id, results);
	const entries = agenda.entries.map((e) => ({ ...entryWords(e, texts), id: e.id, minutes: e.minutes, notes: e.notes }));
	const quotes = listQuotes(db(), pilot.id, results);
	const quoted = new Set(quotes.map((q) => `${q.itemId}\n${q.role}\n${q.text}`));
	return {
		saved: agenda.saved,
		release: { number: release.number, createdAt: release.createdAt },
		entries,
		totalMinutes: entries.reduce((sum, e) => sum + (e.minutes ?? 0), 0),
		candidates: TOPIC_KINDS.map((kind) => ({
			kind: kindLabel(kind),
			topics: agenda.candidates.filter((t) => t.kind === kind).map((t) => ({ key: t.key, ...topicWords(t, texts) }))
		})).filter((group) => group.topics.length > 0),
		quotes: quotes.map((q) => ({ id: q.id, text: q.text, role: texts.role(q.role), topicId: q.topicId })),
		// The open answers of the roles shown, per question, to pick quotes from.
		openAnswers: results.themes.flatMap((t) =>
			t.open.map((q) => ({
				id: q.id,
				theme: texts.theme(t.id),
				question: texts.item(q.id),
				answers: results.roles.flatMap((r) =>
					(q.byRole[r.role] ?? []).map((text) => ({
						role: r.role,
						roleLabel: texts.role(r.role),
						text,
						quoted: quoted.has(`${q.id}\n${r.role}\n${text}`)
					}))
				)
			}))
		)
	};
};

const topicRef = z.string().trim().min(1).max(200);
const schemas = {
	move: z.object({ topic: topicRef, richting: z.enum(['op', 'neer']) }),
	remove: z.object({ topic: topicRef, confirm: z.string().optional() }),
	minutes: z.object({
		topic: topicRef,
		minuten: z
			.string()
			.trim()
			.regex(/^\d{0,3}$/, { error: () => m.gs_minutes_invalid({ max: MAX_MINUTES }) })
			.transform((v) => (v === '' ? null : Number(v)))
			.refine((v) => v === null || (v >= 1 && v <= MAX_MINUTES), { error: () => m.gs_minutes_invalid({ max: MAX_MINUTES }) })
	}),
	notes: z.object({ topic: topicRef, aantekeningen: z.string().max(MAX_NOTES, { error: () => m.gs_notes_too_long({ max: MAX_NOTES }) }) }),
	add: z.object({ key: z.string().trim().min(1).max(200) }),
	own: z.object({
		titel: z
			.string()
			.trim()
			.min(1, { error: () => m.gs_own_title_required() })
			.max(MAX_TITLE, { error: () => m.gs_own_title_too_long({ max: MAX_TITLE }) })
	}),
	quote: z.object({ item: z.string().max(200), rol: z.string().max(100), tekst: z.string().max(5000) }),
	quoteId: z.object({ id: z.coerce.number().int().positive(), onderwerp: z.string().max(200).optional() })
};

type ActionName =
	'verplaats' | 'verwijder' | 'minuten' | 'aantekeningen' | 'voegtoe' | 'eigen' | 'opnieuw' | 'citaat' | 'geencitaat' | 'plaats';

/** Reads the form with a schema; a failure comes back with its messages per field, for this action and topic. */
async function read<S extends z.ZodType>(event: RequestEvent, action: ActionName, schema: S) {
	const form = Object.fromEntries(await readForm(event.request));
	const parsed = schema.safeParse(form);
	if (!parsed.success) {
		const topic = typeof form.topic === 'string' ? form.topic : null;
		return { failure: fail(400, { action, topic, errors: fieldErrors(parsed.error), values: form as Record<string, string> }) } as const;
	}
	return { data: parsed.data as z.infer<S> } as const;
}

/** Applies one change to the agenda; a change that no longer applies says so (e.g. another tab removed the topic). */
function apply({ pilot, results }: ReturnType<typeof managed>, action: ActionName, change: AgendaChange) {
	if (!changeAgenda(db(), pilot.id, results, change)) return fail(409, { action, topic: null, error: m.gs_change_gone() });
	// The topic as the form named it (its key, when this change stored the draft), for the card's "saved".
	return { action, topic: 'topic' in change ? change.topic : null, done: true };
}

export const actions: Actions = {
	verplaats: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'verplaats', schemas.move);
		if ('failure' in r) return r.failure;
		return apply(scope, 'verplaats', { kind: 'move', topic: r.data.topic, by: r.data.richting === 'op' ? -1 : 1 });
	},
	verwijder: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'verwijder', schemas.remove);
		if ('failure' in r) return r.failure;
		// Notes taken are work: removing a topic that has them needs an explicit yes.
		const entry = loadAgenda(db(), scope.pilot.id, scope.results).entries.find(
			(e) => String(e.id) === r.data.topic || e.key === r.data.topic
		);
		if (entry?.notes.trim() && r.data.confirm !== 'ja')
			return fail(400, { action: 'verwijder' as const, topic: r.data.topic, confirmNeeded: true });
		return apply(scope, 'verwijder', { kind: 'remove', topic: r.data.topic });
	},
	minuten: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'minuten', schemas.minutes);
		if ('failure' in r) return r.failure;
		return apply(scope, 'minuten', { kind: 'minutes', topic: r.data.topic, minutes: r.data.minuten });
	},
	aantekeningen: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'aantekeningen', schemas.notes);
		if ('failure' in r) return r.failure;
		return apply(scope, 'aantekeningen', { kind: 'notes', topic: r.data.topic, notes: r.data.aantekeningen });
	},
	voegtoe: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'voegtoe', schemas.add);
		if ('failure' in r) return r.failure;
		return apply(scope, 'voegtoe', { kind: 'add', key: r.data.key });
	},
	eigen: async (event) => {
		const scope = managed(event);
		const r = await read(event, 'eigen', schemas.own);
		if ('failure' in r) return r.failure;
		return apply(scope, 'eigen', { kind: 'own', title: r.data.titel });
	},
	opnieuw: async (event) => {
		const { pilot } = managed(event);
		const form = await readForm(event.request);
		if (form.get('confirm') !== 'ja') return fail(400, { action: 'opnieuw' as const, topic: null, error: m.gs_reset_unconfirmed() });
		resetAgenda(db(), pilot.id);
		return { action: 'opnieuw' as const, done: true };
	},
	citaat: async (event) => {
		const { pilot, results } = managed(event);
		const r = await read(event, 'citaat', schemas.quote);
		if ('failure' in r) return r.failure;
		if (!markQuote(db(), pilot.id, results, { itemId: r.data.item, role: r.data.rol, text: r.data.tekst }))
			return fail(409, { action: 'citaat' as const, topic: null, error: m.gs_quote_gone() });
		return { action: 'citaat' as const, done: true };
	},
	geencitaat: async (event) => {
		const { pilot } = managed(event);
		const r = await read(event, 'geencitaat', schemas.quoteId);
		if ('failure' in r) return r.failure;
		if (!unmarkQuote(db(), pilot.id, r.data.id))
			return fail(409, { action: 'geencitaat' as const, topic: null, error: m.gs_change_gone() });
		return { action: 'geencitaat' as const, done: true };
	},
	plaats: async (event) => {
		const { pilot, results } = managed(event);
		const r = await read(event, 'plaats', schemas.quoteId);
		if ('failure' in r) return r.failure;
		if (!placeQuote(db(), pilot.id, results, r.data.id, r.data.onderwerp || null))
			return fail(409, { action: 'plaats' as const, topic: null, error: m.gs_change_gone() });
		return { action: 'plaats' as const, done: true };
	}
};
