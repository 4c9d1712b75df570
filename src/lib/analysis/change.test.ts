// The change question of a follow-up round: asked last, once, in every role and both versions;
// answers ja / een beetje / nee / weet niet; counted per role only where a role's figures may show.
import { describe, expect, it } from 'vitest';
import { allQuestions, buildPages, CHANGE_KEY, parseAnswerValue } from '$lib/scan/questionnaire';
import { SCAN, response, run } from './test-scan';

describe('the change question', () => {
	it('ends the questionnaire of a follow-up round only, on a page of its own, in the scan language', () => {
		const first = buildPages(SCAN, { variant: 'full', mirror: true, role: 'raad' });
		expect(allQuestions(first).some((q) => q.key === CHANGE_KEY)).toBe(false);
		for (const variant of ['full', 'short'] as const) {
			const pages = buildPages(SCAN, { variant, mirror: true, role: 'gemeente', followUp: true });
			const last = pages.at(-1)!;
			expect(last.index).toBe(pages.length);
			expect(last.questions.map((q) => [q.kind, q.key])).toEqual([['change', CHANGE_KEY]]);
			expect(allQuestions(pages).filter((q) => q.key === CHANGE_KEY)).toHaveLength(1);
		}
		const question = allQuestions(buildPages(SCAN, { variant: 'full', mirror: false, role: 'raad', followUp: true })).at(-1)!;
		expect(question.kind === 'change' && question.item.steps).toEqual(['Ja', 'Een beetje', 'Nee']);
		const english = { ...SCAN, localized: { locale: 'en', dutch: [] } };
		const inEnglish = allQuestions(buildPages(english, { variant: 'full', mirror: false, role: 'raad', followUp: true })).at(-1)!;
		expect(inEnglish.kind === 'change' && inEnglish.item.steps).toEqual(['Yes', 'A little', 'No']);
	});

	it('takes 1 to 3 or "weet niet", nothing else', () => {
		const question = allQuestions(buildPages(SCAN, { variant: 'full', mirror: false, role: 'raad', followUp: true })).at(-1)!;
		expect(parseAnswerValue(question, '1')).toEqual({ ok: true, answer: { kind: 'score', score: 1 } });
		expect(parseAnswerValue(question, '3')).toEqual({ ok: true, answer: { kind: 'score', score: 3 } });
		expect(parseAnswerValue(question, 'weet_niet')).toEqual({ ok: true, answer: { kind: 'dontKnow' } });
		for (const bad of ['4', '5', '0', 'ja']) expect(parseAnswerValue(question, bad).ok).toBe(false);
	});

	it('is counted per role in a follow-up round, only for roles at or above the minimum', () => {
		const answers = (role: string, values: (1 | 2 | 3 | '?')[]) => values.map((v) => response(role, { [CHANGE_KEY]: v }));
		const responses = [...answers('raad', [1, 1, 2, 3, '?']), ...answers('gemeente', [1, 2]), ...answers('burger', [1, 1, 1])];
		const results = run({ responses, minStatementScores: 3, followUp: true, minGroupSize: 3 });
		expect(results.change?.byRole).toEqual({
			raad: { ja: 2, een_beetje: 1, nee: 1, weet_niet: 1, answered: 4 },
			// Below k: nothing at all.
			gemeente: null,
			burger: { ja: 3, een_beetje: 0, nee: 0, weet_niet: 0, answered: 3 }
		});
		// Three "weet niet" are not three answers: fewer than 3 real answers hide the counts.
		const thin = run({ responses: answers('raad', [1, 2, '?', '?']), minStatementScores: 3, followUp: true, minGroupSize: 3 });
		expect(thin.change?.byRole.raad).toBeNull();
		expect(run({ responses, followUp: false }).change).toBeUndefined();
	});
});
