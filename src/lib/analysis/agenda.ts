// The draft agenda for het goede gesprek, computed from released results only: which statements
// and themes are worth talking about, of which kind, and the figures that say why. Pure: the
// words around the figures and the conversation questions belong to the pages that show them.
//
// Kinds (thresholds from the scan's `analysis`, defaults in product.md):
// - difference: the two main roles see a statement differently (|Cliff's delta| ≥ differenceDelta);
// - sharedStrength: both main roles score it high (both means ≥ sharedStrengthMean);
// - sharedConcern: both main roles score it low (both means ≤ sharedConcernMean);
// - unknown: many in a role do not know ("weet niet" ≥ unknownShare of those who answered);
// - misjudged: a role's expectation of the other is far off (|mirror| ≥ misjudgedMirror);
// - openAnswers: a theme where people wrote their own words.
// Only figures that the release shows are read (a hidden role or thin statement has none), so a
// topic never reveals what the results pages do not.
import type { ItemResult, MirrorResult, PilotResults, ThemeResult } from './aggregate';
import { mainComparison, mainPair } from './ranking';

export const TOPIC_KINDS = ['sharedStrength', 'difference', 'sharedConcern', 'misjudged', 'unknown', 'openAnswers'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export type TopicFigures =
	| { kind: 'difference'; a: string; b: string; meanA: number; meanB: number; delta: number }
	| { kind: 'sharedStrength' | 'sharedConcern'; a: string; b: string; meanA: number; meanB: number }
	| { kind: 'unknown'; roles: { role: string; share: number; dontKnow: number; answered: number }[] }
	| { kind: 'misjudged'; mirror: MirrorResult }
	| { kind: 'openAnswers'; answers: number };

export type AgendaTopic = {
	/** Stable across releases of the same scan: kind, theme or statement, and (for a mirror) the roles. */
	key: string;
	kind: TopicKind;
	themeId: string;
	/** The statement the topic is about; null for a theme's open answers. */
	itemId: string | null;
	/** How strongly the topic meets its kind's rule: larger is stronger. Only compared within a kind. */
	strength: number;
	figures: TopicFigures;
};

/** How many topics of each kind a draft takes at most, in the order the draft puts them. */
export const DRAFT_SHARE: Record<TopicKind, number> = {
	sharedStrength: 1,
	difference: 3,
	sharedConcern: 2,
	misjudged: 2,
	unknown: 1,
	openAnswers: 1
};

/** Every topic the results support, per kind the strongest first; ties keep the scan order. */
export function agendaCandidates(results: PilotResults): AgendaTopic[] {
	const order = new Map(results.themes.flatMap((t) => t.items.map((i) => [i.id, i.number] as const)));
	const themeOrder = new Map(results.themes.map((t, i) => [t.id, i]));
	const place = (t: AgendaTopic) => (t.itemId ? (order.get(t.itemId) ?? 0) : 1000 + (themeOrder.get(t.themeId) ?? 0));
	const topics = results.themes.flatMap((theme) => [
		...theme.items.flatMap((item) => itemTopics(results, theme, item)),
		...themeTopics(theme, results)
	]);
	const kindIndex = (k: TopicKind) => TOPIC_KINDS.indexOf(k);
	// Sorting keeps the order of equal elements, so mirrors of one statement stay in role order.
	return topics.sort((p, q) => kindIndex(p.kind) - kindIndex(q.kind) || q.strength - p.strength || place(p) - place(q));
}

/**
 * The draft the facilitator starts from: per kind the strongest few (DRAFT_SHARE), a statement at
 * most once (the first kind that takes it), in conversation order: what goes well first, then the
 * differences, the shared concerns, the misjudgements, what people do not know, their own words.
 */
export function draftAgenda(results: PilotResults): AgendaTopic[] {
	const taken = new Set<string>();
	const draft: AgendaTopic[] = [];
	const perKind = new Map<TopicKind, number>();
	for (const topic of agendaCandidates(results)) {
		const count = perKind.get(topic.kind) ?? 0;
		if (count >= DRAFT_SHARE[topic.kind]) continue;
		if (topic.itemId && taken.has(topic.itemId)) continue;
		if (topic.itemId) taken.add(topic.itemId);
		perKind.set(topic.kind, count + 1);
		draft.push(topic);
	}
	return draft;
}

function itemTopics(results: PilotResults, theme: ThemeResult, item: ItemResult): AgendaTopic[] {
	const t = results.thresholds;
	const topic = (kind: TopicKind, strength: number, figures: TopicFigures, suffix = ''): AgendaTopic => ({
		key: `${kind}:${item.id}${suffix}`,
		kind,
		themeId: theme.id,
		itemId: item.id,
		strength,
		figures
	});
	const topics: AgendaTopic[] = [];
	const [a, b] = mainPair(results);
	const [meanA, meanB] = [item.byRole[a]?.mean ?? null, item.byRole[b]?.mean ?? null];
	const comparison = mainComparison(results, item);
	if (comparison && Math.abs(comparison.delta) >= t.differenceDelta && meanA !== null && meanB !== null)
		topics.push(topic('difference', Math.abs(comparison.delta), { kind: 'difference', a, b, meanA, meanB, delta: comparison.delta }));
	if (meanA !== null && meanB !== null) {
		if (Math.min(meanA, meanB) >= t.sharedStrengthMean)
			topics.push(topic('sharedStrength', Math.min(meanA, meanB), { kind: 'sharedStrength', a, b, meanA, meanB }));
		if (Math.max(meanA, meanB) <= t.sharedConcernMean)
			topics.push(topic('sharedConcern', -Math.max(meanA, meanB), { kind: 'sharedConcern', a, b, meanA, meanB }));
	}
	// "Weet niet" as a share of those who gave an answer (a score or "weet niet"), per shown role.
	const unknown = results.roles.flatMap(({ role }) => {
		const s = item.byRole[role];
		const answered = s ? s.n + s.dontKnow : 0;
		return s && answered > 0 && s.dontKnow / answered >= t.unknownShare
			? [{ role, share: s.dontKnow / answered, dontKnow: s.dontKnow, answered }]
			: [];
	});
	if (unknown.length) topics.push(topic('unknown', Math.max(...unknown.map((u) => u.share)), { kind: 'unknown', roles: unknown }));
	for (const mirror of item.mirrors)
		if (Math.abs(mirror.difference) >= t.misjudgedMirror)
			topics.push(topic('misjudged', Math.abs(mirror.difference), { kind: 'misjudged', mirror }, `:${mirror.role}:${mirror.target}`));
	return topics;
}

/** A theme whose open answers (of the roles shown) hold at least one text. */
function themeTopics(theme: ThemeResult, results: PilotResults): AgendaTopic[] {
	const answers = theme.open.reduce((sum, q) => sum + results.roles.reduce((n, r) => n + (q.byRole[r.role]?.length ?? 0), 0), 0);
	if (!answers) return [];
	return [
		{
			key: `openAnswers:${theme.id}`,
			kind: 'openAnswers',
			themeId: theme.id,
			itemId: null,
			strength: answers,
			figures: { kind: 'openAnswers', answers }
		}
	];
}
