// A respondent's answers measured against their questionnaire: raw form values checked and
// normalised, answers turned back into form values, where to resume and what is still open.
// Pure, so the autosave endpoint, the page's form action and the paper entry all agree.
import { m } from '$lib/paraglide/messages';
import { allQuestions, formatAnswer, parseAnswerValue, type Answer, type Page, type Question } from './questionnaire';

export type ParsedAnswers = { ok: true; entries: [string, Answer | null][] } | { ok: false; errors: Record<string, string> };

/** A respondent's questions by answer key: what their answers are checked against. */
export function questionsByKey(questions: readonly Question[]): ReadonlyMap<string, Question> {
	return new Map(questions.map((q) => [q.key, q]));
}

/**
 * Validates raw answers ('1'..'5', 'weet_niet', text, or '' to clear one) against the given
 * questions only; a key that is not one of them is an error on that key. Pass the map of
 * `questionsByKey` when the same questions are checked often (the autosave path keeps one per
 * questionnaire).
 */
export function parseAnswers(questions: ReadonlyMap<string, Question> | readonly Question[], raw: Record<string, string>): ParsedAnswers {
	const byKey = 'get' in questions ? questions : questionsByKey(questions);
	const entries: [string, Answer | null][] = [];
	const errors: Record<string, string> = {};
	let failed = false;
	for (const [key, value] of Object.entries(raw)) {
		const question = byKey.get(key);
		const parsed = question ? parseAnswerValue(question, value) : { ok: false as const, error: m.resp_question_not_in_questionnaire() };
		if (parsed.ok) entries.push([key, parsed.answer]);
		else {
			errors[key] = parsed.error;
			failed = true;
		}
	}
	return failed ? { ok: false, errors } : { ok: true, entries };
}

/** The form values of a response as the inputs expect them ('1'..'5', 'weet_niet' or text). */
export function formValues(answers: Map<string, Answer>): Record<string, string> {
	return Object.fromEntries([...answers].map(([key, answer]) => [key, formatAnswer(answer)]));
}

/** Open questions may be skipped; only the choice questions count as unanswered. */
const missing = (q: Question, answers: Map<string, Answer>) => q.kind !== 'open' && !answers.has(q.key);

/** Where a returning respondent goes on: a question (page number, index on the page), or the overview. */
export type ResumePoint = { page: number; question: number } | 'controle';

/**
 * Where a returning respondent goes on: at the question after the furthest one they answered (in
 * questionnaire order), so a question skipped early on does not send them back there; the overview
 * lists skipped questions. The overview once the last question is answered, or once every choice
 * question is (what is left is open questions, which may stay empty).
 */
export function resumeAt(pages: Page[], answers: Map<string, Answer>): ResumePoint {
	if (answers.size === 0) return { page: pages[0]?.index ?? 1, question: 0 };
	if (!pages.some((p) => p.questions.some((q) => missing(q, answers)))) return 'controle';
	for (let p = pages.length - 1; p >= 0; p--) {
		const at = pages[p].questions.findLastIndex((q) => answers.has(q.key));
		if (at === -1) continue;
		if (at + 1 < pages[p].questions.length) return { page: pages[p].index, question: at + 1 };
		return p + 1 < pages.length ? { page: pages[p + 1].index, question: 0 } : 'controle';
	}
	// Only answers to questions no longer asked (another role or version): from the start.
	return { page: pages[0]?.index ?? 1, question: 0 };
}

/**
 * Per page, the questions not answered yet, each with its number in its theme (as the theme page
 * counts them: "Vraag 4 van 12"); pages without any are left out. Open questions count too: the
 * overview counts what the theme pages count, and says that any question may be skipped.
 */
export function unansweredByPage(pages: Page[], answers: Map<string, Answer>) {
	return pages
		.map((p) => ({
			index: p.index,
			title: p.theme.title,
			missing: p.questions.flatMap((q, i) => (answers.has(q.key) ? [] : [{ question: q, number: i + 1 }]))
		}))
		.filter((p) => p.missing.length > 0);
}

/** How many questions there are, and how many of them are answered: the units the theme pages count. */
export function questionProgress(pages: Page[], answers: Map<string, Answer>): { answered: number; total: number } {
	const questions = allQuestions(pages);
	return { answered: questions.filter((q) => answers.has(q.key)).length, total: questions.length };
}
