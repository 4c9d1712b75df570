import { describe, expect, it } from 'vitest';
import { GEMEENTE, item, RAAD, response, run, SCAN } from './test-scan';

// Hand-computed examples on the test scan and its data set (test-scan.ts); the properties over
// random pilots are in aggregate.properties.test.ts, the per-statement minimum in
// aggregate.statements.test.ts, variants, suppression and open answers in aggregate.suppression.test.ts.

const close = (x: number) => expect.closeTo(x, 12);

describe('analysePilot: figures per item and role', () => {
	const results = run();

	it('lists the roles with their respondent counts, the pilot settings and the thresholds', () => {
		expect(results.roles).toEqual([
			{ role: 'raad', label: 'Lid van de raad', suppressed: false, respondents: 4 },
			{ role: 'gemeente', label: 'Gemeente', suppressed: false, respondents: 3 },
			{ role: 'burger', label: 'Inwoner', suppressed: true, respondents: null }
		]);
		expect(results.minGroupSize).toBe(3);
		expect(results.comparison).toEqual(['raad', 'gemeente']);
		expect(results.thresholds).toEqual({
			differenceDelta: 0.33,
			sharedStrengthMean: 3.75,
			sharedConcernMean: 3,
			unknownShare: 0.25,
			misjudgedMirror: 0.75,
			disagreementShare: 0.3
		});
		expect(results.themes.map((t) => [t.id, t.title, t.items.map((i) => [i.id, i.number, i.text])])).toEqual([
			[
				'thema-a',
				'Thema A',
				[
					['a-1', 1, 'Stelling A1.'],
					['a-2', 2, 'Stelling A2.'],
					['a-3', 3, 'Stelling A3.']
				]
			],
			[
				'thema-b',
				'Thema B',
				[
					['b-1', 4, 'Stelling B1.'],
					['b-2', 5, 'Stelling B2.'],
					['b-3', 6, 'Stelling B3.']
				]
			]
		]);
	});

	it('a-1: counts "weet niet" and unanswered apart, median of an even n is the mean of the middle two', () => {
		const a1 = item(results, 'a-1');
		// raad 4, 5, 4 + one "weet niet": mean 13/3; squared deviations 1/9 + 4/9 + 1/9 = 2/3, / 2 → sd √(1/3).
		expect(a1.byRole.raad).toEqual({
			n: 3,
			dontKnow: 1,
			missing: 0,
			counts: [0, 0, 0, 2, 1],
			mean: close(13 / 3),
			median: 4,
			agree: 1,
			disagree: 0,
			sd: close(Math.sqrt(1 / 3))
		});
		// gemeente 2, 4, one did not answer: mean 3, median (2 + 4) / 2 = 3, sd √((1 + 1) / 1) = √2.
		expect(a1.byRole.gemeente).toEqual({
			n: 2,
			dontKnow: 0,
			missing: 1,
			counts: [0, 1, 0, 1, 0],
			mean: 3,
			median: 3,
			agree: 0.5,
			disagree: 0.5,
			sd: close(Math.SQRT2)
		});
		expect(a1.byRole.burger).toBeNull();
		// Within-role disagreement: raad agree 1, disagree 0 → no; gemeente 0.5 and 0.5 (≥ 0.3) → yes.
		expect(a1.disagreement).toEqual({ raad: false, gemeente: true, burger: null });
	});

	it('a-2 and a-3: ties in the median, sd 0 for identical answers', () => {
		const a2 = item(results, 'a-2');
		// raad 1, 2, 2, 5: mean 2.5, median (2 + 2) / 2 = 2; deviations 2.25 + 0.25 + 0.25 + 6.25 = 9, / 3 → √3.
		expect(a2.byRole.raad).toEqual({
			n: 4,
			dontKnow: 0,
			missing: 0,
			counts: [1, 2, 0, 0, 1],
			mean: 2.5,
			median: 2,
			agree: 0.25,
			disagree: 0.75,
			sd: close(Math.sqrt(3))
		});
		expect(a2.byRole.gemeente).toEqual({
			n: 3,
			dontKnow: 0,
			missing: 0,
			counts: [0, 0, 3, 0, 0],
			mean: 3,
			median: 3,
			agree: 0,
			disagree: 0,
			sd: 0
		});
		// raad agree 0.25 < 0.3 → no disagreement although 75% disagrees.
		expect(a2.disagreement).toEqual({ raad: false, gemeente: false, burger: null });

		const a3 = item(results, 'a-3');
		// raad 3, 3, 4, 4: mean = median = 3.5; deviations 4 × 0.25 = 1, / 3 → √(1/3).
		expect(a3.byRole.raad).toEqual({
			n: 4,
			dontKnow: 0,
			missing: 0,
			counts: [0, 0, 2, 2, 0],
			mean: 3.5,
			median: 3.5,
			agree: 0.5,
			disagree: 0,
			sd: close(Math.sqrt(1 / 3))
		});
		// gemeente 3, 4, 4: mean 11/3; deviations 4/9 + 1/9 + 1/9 = 2/3, / 2 → √(1/3).
		expect(a3.byRole.gemeente).toEqual({
			n: 3,
			dontKnow: 0,
			missing: 0,
			counts: [0, 0, 1, 2, 0],
			mean: close(11 / 3),
			median: 4,
			agree: close(2 / 3),
			disagree: 0,
			sd: close(Math.sqrt(1 / 3))
		});
	});

	it('b-2: everyone said "weet niet": no figures, no disagreement, no comparison', () => {
		const b2 = item(results, 'b-2');
		const none = { mean: null, median: null, agree: null, disagree: null, sd: null, counts: [0, 0, 0, 0, 0] };
		expect(b2.byRole.raad).toEqual({ n: 0, dontKnow: 4, missing: 0, ...none });
		expect(b2.byRole.gemeente).toEqual({ n: 0, dontKnow: 3, missing: 0, ...none });
		expect(b2.disagreement).toEqual({ raad: null, gemeente: null, burger: null });
		expect(b2.comparisons).toEqual([]);
	});

	it('b-3: no comparison when only one side has valid answers', () => {
		const b3 = item(results, 'b-3');
		expect(b3.byRole.raad).toEqual({
			n: 4,
			dontKnow: 0,
			missing: 0,
			counts: [0, 4, 0, 0, 0],
			mean: 2,
			median: 2,
			agree: 0,
			disagree: 1,
			sd: 0
		});
		// gemeente: one "weet niet", two did not answer.
		expect(b3.byRole.gemeente).toMatchObject({ n: 0, dontKnow: 1, missing: 2, mean: null, sd: null });
		expect(b3.comparisons).toEqual([]);
		expect(b3.disagreement).toEqual({ raad: false, gemeente: null, burger: null });
	});

	it('uses the thresholds of the scan when it overrides them', () => {
		// gemeente on a-1 has agree = disagree = 0.5: disagreement at 0.5, not at 0.6.
		const at = (share: number) =>
			item(run({ scan: { ...SCAN, analysis: { ...SCAN.analysis, disagreementShare: share } } }), 'a-1').disagreement.gemeente;
		expect(at(0.5)).toBe(true);
		expect(at(0.6)).toBe(false);
	});

	it('gives a role of one person (k = 1) figures but no sd', () => {
		const r = run({ minGroupSize: 1, responses: [GEMEENTE[0], RAAD[0]] });
		expect(r.roles.map((x) => x.respondents)).toEqual([1, 1, null]);
		expect(item(r, 'a-1').byRole.gemeente).toEqual({
			n: 1,
			dontKnow: 0,
			missing: 0,
			counts: [0, 1, 0, 0, 0],
			mean: 2,
			median: 2,
			agree: 0,
			disagree: 1,
			sd: null
		});
		// raad 4 vs gemeente 2: one pair, a > b → d = 1.
		expect(item(r, 'a-1').comparisons).toEqual([{ a: 'raad', b: 'gemeente', gap: 2, delta: 1, label: 'large' }]);
	});
});

describe('analysePilot: comparisons', () => {
	it("gives gap = meanA − meanB and Cliff's delta with its label for the visible pair", () => {
		const r = run();
		// a-1: raad [4,5,4] vs gemeente [2,4]: greater (4,2)(5,2)(5,4)(4,2), equal (4,4)(4,4) → 4/6.
		expect(item(r, 'a-1').comparisons).toEqual([{ a: 'raad', b: 'gemeente', gap: close(4 / 3), delta: close(2 / 3), label: 'large' }]);
		// a-2: raad [1,2,2,5] vs gemeente [3,3,3]: 5 beats three 3s, the other three lose to all → (3 − 9) / 12.
		expect(item(r, 'a-2').comparisons).toEqual([{ a: 'raad', b: 'gemeente', gap: -0.5, delta: -0.5, label: 'large' }]);
		// a-3: raad [3,3,4,4] vs gemeente [3,4,4]: greater: each 4 beats the 3 → 2; less: each 3 loses to two 4s → 4; (2 − 4) / 12.
		expect(item(r, 'a-3').comparisons).toEqual([{ a: 'raad', b: 'gemeente', gap: close(-1 / 6), delta: close(-1 / 6), label: 'small' }]);
		// b-1: raad [5,5,4] vs gemeente [1,2]: all greater → 1; gap 14/3 − 3/2 = 19/6.
		expect(item(r, 'b-1').comparisons).toEqual([{ a: 'raad', b: 'gemeente', gap: close(19 / 6), delta: 1, label: 'large' }]);
	});

	it('compares every pair of visible roles, in the order of the pilot roles', () => {
		const r = run({ minGroupSize: 2 });
		// a-1: raad [4,5,4] mean 13/3, gemeente [2,4] mean 3, burger [1,3] mean 2.
		// raad–burger: every raad answer beats both → 1. gemeente–burger: (2,1)+ (2,3)− (4,1)+ (4,3)+ → 2/4.
		expect(item(r, 'a-1').comparisons).toEqual([
			{ a: 'raad', b: 'gemeente', gap: close(4 / 3), delta: close(2 / 3), label: 'large' },
			{ a: 'raad', b: 'burger', gap: close(7 / 3), delta: 1, label: 'large' },
			{ a: 'gemeente', b: 'burger', gap: 1, delta: 0.5, label: 'large' }
		]);
		const reordered = run({ minGroupSize: 2, roles: ['burger', 'raad', 'gemeente'] });
		expect(item(reordered, 'a-1').comparisons).toEqual([
			{ a: 'burger', b: 'raad', gap: close(-7 / 3), delta: -1, label: 'large' },
			{ a: 'burger', b: 'gemeente', gap: -1, delta: -0.5, label: 'large' },
			{ a: 'raad', b: 'gemeente', gap: close(4 / 3), delta: close(2 / 3), label: 'large' }
		]);
		expect(reordered.roles.map((x) => x.role)).toEqual(['burger', 'raad', 'gemeente']);
	});
});

describe('analysePilot: theme scores', () => {
	it("is the mean of the role's item means, leaving out items without valid answers", () => {
		const r = run();
		// Thema A: raad (13/3 + 2.5 + 3.5) / 3 = 31/9; gemeente (3 + 3 + 11/3) / 3 = 29/9.
		expect(r.themes[0].scores).toEqual({ raad: close(31 / 9), gemeente: close(29 / 9), burger: null });
		// Thema B: raad (14/3 + 2) / 2 = 10/3 (b-2 has no valid answer); gemeente only b-1: 1.5.
		expect(r.themes[1].scores).toEqual({ raad: close(10 / 3), gemeente: 1.5, burger: null });
	});

	it('is null for a visible role without any valid answer in the theme', () => {
		const r = run({ responses: [...RAAD, ...GEMEENTE.map(() => response('gemeente', { 'b-2': '?' }))] });
		expect(r.themes[1].scores.gemeente).toBeNull();
		expect(r.themes[0].scores.gemeente).toBeNull();
		expect(r.themes[1].scores.raad).toBeCloseTo(10 / 3, 12);
	});
});

describe('analysePilot: mirror', () => {
	it('is the mean prediction about the mirror target minus its actual mean', () => {
		const r = run({ minGroupSize: 2 });
		// a-1: raad predicts gemeente 3, 2, ? → 2.5 vs actual 3 → −0.5;
		//      gemeente predicts raad 5, 4, 5 → 14/3 vs 13/3 → 1/3; burger predicts raad 5, 4 → 4.5 − 13/3 = 1/6.
		expect(item(r, 'a-1').mirrors).toEqual([
			{ role: 'raad', target: 'gemeente', predicted: 2.5, actual: 3, difference: -0.5 },
			{ role: 'gemeente', target: 'raad', predicted: close(14 / 3), actual: close(13 / 3), difference: close(1 / 3) },
			{ role: 'burger', target: 'raad', predicted: 4.5, actual: close(13 / 3), difference: close(1 / 6) }
		]);
		// a-2: raad predicts 4, 4 → 4 − 3 = 1; gemeente only "weet niet", burger no prediction → none.
		expect(item(r, 'a-2').mirrors).toEqual([{ role: 'raad', target: 'gemeente', predicted: 4, actual: 3, difference: 1 }]);
	});

	it('is absent for an item without mirror flag and when the pilot had no mirror questions', () => {
		// raad answered a-3.spiegel, but a-3 has no mirror flag.
		expect(item(run({ minGroupSize: 2 }), 'a-3').mirrors).toEqual([]);
		const off = run({ minGroupSize: 2, mirror: false });
		expect(off.themes.flatMap((t) => t.items).flatMap((i) => i.mirrors)).toEqual([]);
		// The figures themselves do not depend on the mirror option.
		expect(item(off, 'a-1').byRole).toEqual(item(run({ minGroupSize: 2 }), 'a-1').byRole);
	});

	it('involves no suppressed role, neither as predictor nor as target', () => {
		// k = 3: burger (2) is suppressed, so its prediction about raad is gone; the others stay.
		expect(item(run(), 'a-1').mirrors.map((m) => [m.role, m.target])).toEqual([
			['raad', 'gemeente'],
			['gemeente', 'raad']
		]);
		// k = 4: gemeente (3) is suppressed: raad has no visible target, gemeente may not predict.
		const r = run({ minGroupSize: 4 });
		expect(r.roles.map((x) => x.suppressed)).toEqual([false, true, true]);
		expect(r.themes.flatMap((t) => t.items).flatMap((i) => [...i.mirrors, ...i.comparisons])).toEqual([]);
	});

	it('needs the target among the pilot roles', () => {
		// gemeente is not in this pilot: its responses are ignored and raad has nothing to compare to.
		const r = run({ roles: ['raad', 'burger'], minGroupSize: 2 });
		expect(item(r, 'a-1').mirrors).toEqual([
			{ role: 'burger', target: 'raad', predicted: 4.5, actual: close(13 / 3), difference: close(1 / 6) }
		]);
	});
});

describe('analysePilot: ladders', () => {
	it('gives the now and desired distributions and medians per role', () => {
		const r = run();
		expect(r.themes[0].ladders).toEqual([
			{
				id: 'a-ladder',
				text: 'Hoe werken we samen?',
				steps: ['informeren', 'raadplegen', 'adviseren', 'coproduceren', 'meebeslissen'],
				byRole: {
					// raad now 2, 3, 3, ? → median 3; desired 4, 5, 5, 5 → median 5.
					raad: { now: { counts: [0, 1, 2, 0, 0], dontKnow: 1, median: 3 }, desired: { counts: [0, 0, 0, 1, 3], dontKnow: 0, median: 5 } },
					// gemeente now 1, 2, – → median 1.5; desired 3, ?, ? → median 3.
					gemeente: {
						now: { counts: [1, 1, 0, 0, 0], dontKnow: 0, median: 1.5 },
						desired: { counts: [0, 0, 1, 0, 0], dontKnow: 2, median: 3 }
					},
					burger: null
				}
			}
		]);
		expect(r.themes[1].ladders).toEqual([]);
	});

	it('has a null median when a visible role gave no step', () => {
		const r = run({ responses: [...RAAD, ...GEMEENTE.map(() => response('gemeente', { 'a-ladder.nu': '?' }))] });
		expect(r.themes[0].ladders[0].byRole.gemeente).toEqual({
			now: { counts: [0, 0, 0, 0, 0], dontKnow: 3, median: null },
			desired: { counts: [0, 0, 0, 0, 0], dontKnow: 0, median: null }
		});
	});
});
