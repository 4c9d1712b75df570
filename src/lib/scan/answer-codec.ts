// The one codec between an answer and how it is stored: a row of the answers table (score,
// dont_know, text) or the packed form that the results query builds ("4", "?"). Every reader and
// writer of stored answers goes through here, so a stored answer means the same thing everywhere.
import type { Answer } from './questionnaire';

export type AnswerColumns = { score: number | null; dontKnow: boolean; text: string | null };

// Readers only read answers, so each score can be one shared, frozen object.
const SCORES: readonly Answer[] = ([1, 2, 3, 4, 5] as const).map((score) => Object.freeze({ kind: 'score' as const, score }));
const DONT_KNOW: Answer = Object.freeze({ kind: 'dontKnow' as const });

/** The columns of an answers row for one answer. */
export function answerColumns(answer: Answer): AnswerColumns {
	return {
		score: answer.kind === 'score' ? answer.score : null,
		dontKnow: answer.kind === 'dontKnow',
		text: answer.kind === 'text' ? answer.text : null
	};
}

/**
 * The answer an answers row holds, or null for a row that holds none. A score outside 1–5 (a
 * hand-edited database) is left out rather than breaking a page or an export.
 */
export function answerFromColumns(score: number | null, dontKnow: boolean | number, text: string | null): Answer | null {
	if (score !== null) return SCORES[score - 1] ?? null;
	if (dontKnow) return DONT_KNOW;
	if (text !== null) return { kind: 'text', text };
	return null;
}

/** The packed form of a score or "weet niet" ("1"…"5", "?"), as the results query reads it. */
export function answerFromPacked(value: string): Answer | null {
	return value === '?' ? DONT_KNOW : (SCORES[Number(value) - 1] ?? null);
}
