import { describe, expect, it } from 'vitest';
import { answerColumns, answerFromColumns, answerFromPacked } from './answer-codec';
import type { Answer } from './questionnaire';

const answers: Answer[] = [
	...([1, 2, 3, 4, 5] as const).map((score) => ({ kind: 'score' as const, score })),
	{ kind: 'dontKnow' },
	{ kind: 'text', text: 'Meer uitleg\nop twee regels' },
	{ kind: 'text', text: '' }
];

describe('the answer codec', () => {
	it('reads back every answer it stores', () => {
		for (const answer of answers) {
			const c = answerColumns(answer);
			expect(answerFromColumns(c.score, c.dontKnow, c.text)).toEqual(answer);
			// SQLite gives booleans back as 0/1.
			expect(answerFromColumns(c.score, c.dontKnow ? 1 : 0, c.text)).toEqual(answer);
		}
	});

	it('reads the packed form of scores and "weet niet"', () => {
		expect(answerFromPacked('4')).toEqual({ kind: 'score', score: 4 });
		expect(answerFromPacked('?')).toEqual({ kind: 'dontKnow' });
	});

	it('leaves out what no answer can be, instead of breaking a page', () => {
		for (const bad of ['0', '6', '', 'x', '2.5']) expect(answerFromPacked(bad)).toBeNull();
		expect(answerFromColumns(9, false, null)).toBeNull();
		expect(answerFromColumns(null, false, null)).toBeNull();
	});
});
