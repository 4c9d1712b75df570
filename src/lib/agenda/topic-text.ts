// The words of an agenda topic: its kind, what it is about, why it was chosen (with the figures, in
// words a council member reads on a projector: "Verschil in de antwoorden: groot", never the
// name of the statistic) and the conversation questions it offers. The figures come from
// $lib/analysis/agenda; this module only names them, in the language of the moment.
import type { AgendaTopic, TopicKind } from '$lib/analysis/agenda';
import { deltaLabel } from '$lib/analysis/stats';
import type { ResultTexts } from '$lib/analysis/texts';
import { deltaLabels, formatList, formatMean, formatShare } from '$lib/charts/format';
import { m } from '$lib/paraglide/messages';

export type TopicWords = { kind: string; title: string; why: string; questions: string[] };

export const kindLabel = (kind: TopicKind): string =>
	({
		sharedStrength: m.gs_kind_sharedStrength,
		difference: m.gs_kind_difference,
		sharedConcern: m.gs_kind_sharedConcern,
		misjudged: m.gs_kind_misjudged,
		unknown: m.gs_kind_unknown,
		openAnswers: m.gs_kind_openAnswers
	})[kind]();

/** The conversation questions every topic of a kind offers (a scan may add its own per theme). */
export const kindQuestions = (kind: TopicKind): string[] =>
	({
		sharedStrength: [m.gs_q_sharedStrength_1(), m.gs_q_sharedStrength_2()],
		difference: [m.gs_q_difference_1(), m.gs_q_difference_2()],
		sharedConcern: [m.gs_q_sharedConcern_1(), m.gs_q_sharedConcern_2()],
		misjudged: [m.gs_q_misjudged_1(), m.gs_q_misjudged_2()],
		unknown: [m.gs_q_unknown_1(), m.gs_q_unknown_2()],
		openAnswers: [m.gs_q_openAnswers_1(), m.gs_q_openAnswers_2()]
	})[kind];

function why(topic: AgendaTopic, texts: ResultTexts): string {
	const f = topic.figures;
	const role = (id: string) => texts.role(id);
	switch (f.kind) {
		case 'difference':
			return m.gs_why_difference({
				a: role(f.a),
				b: role(f.b),
				meanA: formatMean(f.meanA),
				meanB: formatMean(f.meanB),
				size: deltaLabels()[deltaLabel(f.delta)]
			});
		case 'sharedStrength':
		case 'sharedConcern': {
			const values = { a: role(f.a), b: role(f.b), meanA: formatMean(f.meanA), meanB: formatMean(f.meanB) };
			return f.kind === 'sharedStrength' ? m.gs_why_sharedStrength(values) : m.gs_why_sharedConcern(values);
		}
		case 'unknown':
			return `${formatList(f.roles.map((r) => m.gs_why_unknown_role({ role: role(r.role), dontKnow: r.dontKnow, answered: r.answered, share: formatShare(r.share) })))}.`;
		case 'misjudged':
			return m.gs_why_misjudged({
				role: role(f.mirror.role),
				target: role(f.mirror.target),
				predicted: formatMean(f.mirror.predicted),
				actual: formatMean(f.mirror.actual)
			});
		case 'openAnswers':
			return m.gs_why_openAnswers({ count: f.answers });
	}
}

/** `texts`: the scan's words in the reader's language (role names, statements, theme titles). */
export function topicWords(topic: AgendaTopic, texts: ResultTexts): TopicWords {
	return {
		kind: kindLabel(topic.kind),
		title: topic.itemId ? texts.item(topic.itemId) : texts.theme(topic.themeId),
		why: why(topic, texts),
		// The scan's own questions for the theme first: they are about this subject, the others about the kind of topic.
		questions: [...texts.questions(topic.themeId), ...kindQuestions(topic.kind)]
	};
}

/** An entry of the saved agenda, as far as its words go: a draft topic (key) or an own one (title). */
export type EntryLike = { id: number | null; key: string | null; kind: TopicKind | 'own'; title: string | null; topic: AgendaTopic | null };

/**
 * The words of one agenda entry, the same on the agenda, the slides and the report: an own title
 * wins; a kept topic the latest release no longer supports (its figures changed, or a group fell
 * below k) says so instead of its figures. `ref` names the entry in forms: its id once stored, its
 * key while the agenda is the draft.
 */
export function entryWords(entry: EntryLike, texts: ResultTexts) {
	const words = entry.topic ? topicWords(entry.topic, texts) : null;
	return {
		ref: entry.id !== null ? String(entry.id) : entry.key!,
		key: entry.key,
		kind: entry.kind === 'own' ? m.gs_kind_own() : kindLabel(entry.kind),
		title: entry.title ?? words?.title ?? m.gs_topic_gone_title(),
		why: words?.why ?? null,
		questions: words?.questions ?? [],
		gone: entry.key !== null && !entry.topic
	};
}
