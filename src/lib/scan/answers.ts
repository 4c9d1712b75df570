// A respondent's answers measured against their questionnaire: raw form values checked and
// normalised, answers turned back into form values, where to resume and what is still open.
// Pure, so the autosave endpoint, the page's form action and the paper entry all agree.
import { m } from '$lib/paraglide/messages';
import { allQuestions, buildResponseSchema, formatAnswer, type Answer, type Page, type Question } from './questionnaire';

export type ParsedAnswers = { ok: true; entries: [string, Answer | null][] } | { ok: false; errors: Record<string, string> };

/**
 * Validates raw answers ('1'..'5', 'weet_niet', text, or '' to clear one) against the given
 * questions only; a key that is not one of them is an error on that key.
 */
export function parseAnswers(questions: Question[], raw: Record<string, string>): ParsedAnswers {
	const result = buildResponseSchema([{ questions } as Page]).safeParse(raw);
	if (result.success) return { ok: true, entries: Object.entries(result.data) as [string, Answer | null][] };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : ((issue as { keys?: string[] }).keys?.[0] ?? '');
		errors[key] = issue.code === 'unrecognized_keys' ? m.resp_question_not_in_questionnaire() : issue.message;
	}
	return { ok: false, errors };
}

/** The form values of a response as the inputs expect them ('1'..'5', 'weet_niet' or text). */
export function formValues(answers: Map<string, Answer>): Record<string, string> {
	return Object.fromEntries([...answers].map(([key, answer]) => [key, formatAnswer(answer)]));
}

/** Open questions may be skipped; only the choice questions count as unanswered. */
const missing = (q: Question, answers: Map<string, Answer>) => q.kind !== 'open' && !answers.has(q.key);

/** Where a returning respondent goes on: the first page with an unanswered choice question. */
export function resumePage(pages: Page[], answers: Map<string, Answer>): number | 'controle' {
	const page = pages.find((p) => p.questions.some((q) => missing(q, answers)));
	return page ? page.index : 'controle';
}

/** Per page, the choice questions not answered yet; pages without any are left out. */
export function unansweredByPage(pages: Page[], answers: Map<string, Answer>) {
	return pages
		.map((p) => ({ index: p.index, title: p.theme.title, missing: p.questions.filter((q) => missing(q, answers)) }))
		.filter((p) => p.missing.length > 0);
}

/** How many choice questions there are, and how many of them are answered. */
export function choiceProgress(pages: Page[], answers: Map<string, Answer>): { answered: number; total: number } {
	const choices = allQuestions(pages).filter((q) => q.kind !== 'open');
	return { answered: choices.filter((q) => answers.has(q.key)).length, total: choices.length };
}
