// The per-statement minimum on the hand-computed data set (test-scan.ts): a role that is shown
// gets no figures on a statement where fewer than 3 of them gave a score.
import { describe, expect, it } from 'vitest';
import { MIN_STATEMENT_SCORES } from './aggregate';
import { item, run } from './test-scan';

describe('per statement: a role shows figures only where at least 3 of them gave a score', () => {
	// The real rule (the examples above turn it off to check figures of tiny groups by hand).
	const r = run({ minStatementScores: undefined });

	it('hides the cell of a shown role with fewer than 3 scores there, and says which roles', () => {
		expect(MIN_STATEMENT_SCORES).toBe(3);
		// gemeente: a-1 has the scores 2 and 4 only; a-2 and a-3 have three each.
		expect(item(r, 'a-1').byRole.gemeente).toBeNull();
		expect(item(r, 'a-1').thin).toEqual(['gemeente']);
		expect(item(r, 'a-2').byRole.gemeente?.mean).toBe(3);
		expect(item(r, 'a-2').thin).toEqual([]);
		// raad has exactly 3 scores on a-1: shown.
		expect(item(r, 'a-1').byRole.raad?.n).toBe(3);
	});

	it('leaves such a cell out of comparisons, mirrors, ladders and the theme score', () => {
		expect(item(r, 'a-1').comparisons.some((c) => c.a === 'gemeente' || c.b === 'gemeente')).toBe(false);
		expect(item(r, 'a-2').comparisons.map((c) => [c.a, c.b])).toEqual([['raad', 'gemeente']]);
		// raad's 2 predictions about gemeente on a-1 are too few; gemeente's 3 about raad are enough.
		expect(item(r, 'a-1').mirrors.map((m) => [m.role, m.target])).toEqual([['gemeente', 'raad']]);
		expect(item(r, 'a-1').mirrors[0].predicted).toBeCloseTo(14 / 3, 12);
		// gemeente's ladder "nu" has 2 steps given: no ladder figures for gemeente.
		expect(r.themes[0].ladders[0].byRole.gemeente).toBeNull();
		expect(r.themes[0].ladders[0].byRole.raad).not.toBeNull();
		// Theme A for gemeente: the mean of a-2 (3) and a-3 (11/3) only.
		expect(r.themes[0].scores.gemeente).toBeCloseTo(10 / 3, 12);
	});
});
