import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta, countScores, deltaLabel, itemStats, medianOf, type Counts } from './stats';

/** Cliff's delta by its definition, pair by pair, to check the counting version against. */
function bruteDelta(a: number[], b: number[]): number {
	let sum = 0;
	for (const x of a) for (const y of b) sum += Math.sign(x - y);
	return sum / (a.length * b.length);
}

describe('itemStats', () => {
	it('computes the figures of a small hand-checked example', () => {
		// Answers 1, 2, 4, 4, 5 plus one "weet niet"; 8 respondents, so 2 did not answer.
		const s = itemStats(countScores([1, 2, 4, 4, 5]), 1, 8);
		expect(s.n).toBe(5);
		expect(s.dontKnow).toBe(1);
		expect(s.missing).toBe(2);
		expect(s.counts).toEqual([1, 1, 0, 2, 1]);
		expect(s.mean).toBeCloseTo(3.2, 12);
		expect(s.median).toBe(4);
		expect(s.agree).toBeCloseTo(3 / 5, 12);
		expect(s.disagree).toBeCloseTo(2 / 5, 12);
		// Squared deviations from 3.2: 4.84 + 1.44 + 0.64 + 0.64 + 3.24 = 10.8; 10.8 / 4 = 2.7.
		expect(s.sd).toBeCloseTo(Math.sqrt(2.7), 12);
	});

	it('takes the mean of the middle two as the median of an even count, with ties', () => {
		expect(itemStats(countScores([2, 2, 3, 5]), 0, 4).median).toBe(2.5);
		expect(itemStats(countScores([3, 3, 3, 3]), 0, 4)).toMatchObject({ mean: 3, median: 3, sd: 0, agree: 0, disagree: 0 });
	});

	it('has no figures when everyone said "weet niet", and no sd for one answer', () => {
		expect(itemStats([0, 0, 0, 0, 0], 6, 6)).toEqual({
			n: 0,
			dontKnow: 6,
			missing: 0,
			counts: [0, 0, 0, 0, 0],
			mean: null,
			median: null,
			agree: null,
			disagree: null,
			sd: null
		});
		expect(itemStats(countScores([4]), 0, 1)).toMatchObject({ n: 1, mean: 4, median: 4, sd: null });
	});
});

describe("Cliff's delta", () => {
	it('matches hand-computed values', () => {
		// a = [4, 5], b = [2, 4]: pairs (4,2)+ (4,4)0 (5,2)+ (5,4)+ → 3/4.
		expect(cliffsDelta(countScores([4, 5]), countScores([2, 4]))).toBe(0.75);
		expect(cliffsDelta(countScores([3, 3]), countScores([3, 3, 3]))).toBe(0);
		expect(cliffsDelta(countScores([1]), countScores([5, 5]))).toBe(-1);
		expect(cliffsDelta(countScores([]), countScores([5]))).toBeNull();
	});

	it('labels by Romano (2006) at the exact boundaries', () => {
		expect([0, 0.146, 0.147, 0.329, 0.33, 0.473, 0.474, 1].map(deltaLabel)).toEqual([
			'negligible',
			'negligible',
			'small',
			'small',
			'medium',
			'medium',
			'large',
			'large'
		]);
		expect(deltaLabel(-0.5)).toBe('large');
	});

	const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 });

	it('equals the pair-by-pair definition, stays within [-1, 1] and flips sign when the roles swap', () => {
		fc.assert(
			fc.property(scores, scores, (a, b) => {
				const d = cliffsDelta(countScores(a), countScores(b))!;
				expect(d).toBeCloseTo(bruteDelta(a, b), 12);
				expect(d).toBeGreaterThanOrEqual(-1);
				expect(d).toBeLessThanOrEqual(1);
				expect(cliffsDelta(countScores(b), countScores(a))).toBeCloseTo(-d, 12);
			})
		);
	});

	it('keeps mean, median and shares within the scale for any distribution', () => {
		fc.assert(
			fc.property(scores, fc.nat(5), (a, dk) => {
				const s = itemStats(countScores(a), dk, a.length + dk);
				expect(s.mean!).toBeGreaterThanOrEqual(1);
				expect(s.mean!).toBeLessThanOrEqual(5);
				expect(s.median!).toBeGreaterThanOrEqual(1);
				expect(s.agree! + s.disagree!).toBeLessThanOrEqual(1 + 1e-12);
				const sorted = [...a].sort((x, y) => x - y);
				const m = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
				expect(medianOf(countScores(a) as Counts)).toBe(m);
			})
		);
	});
});
