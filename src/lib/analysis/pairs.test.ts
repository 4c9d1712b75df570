import { describe, expect, it } from 'vitest';
import { cellState, comparisonPairs, dividedRoles, isDivided, mirrorStatements, shownRoles } from './pairs';
import { item, run, SCAN } from './test-scan';

// The hand-computed data set: raad 4, gemeente 3, burger 2 respondents.

describe('a role on a statement', () => {
	it('is one of the shown roles only at or above k', () => {
		expect(shownRoles(run())).toEqual(['raad', 'gemeente']);
		expect(shownRoles(run({ minGroupSize: 2 }))).toEqual(['raad', 'gemeente', 'burger']);
		expect(shownRoles(run({ minGroupSize: 5 }))).toEqual([]);
	});

	it('is suppressed below k, thin with too few scores there, else shown', () => {
		const results = run();
		expect(['raad', 'gemeente', 'burger'].map((r) => cellState(results, item(results, 'a-1'), r))).toEqual([
			'shown',
			'shown',
			'suppressed'
		]);
		// With the per-statement minimum of 3 scores, gemeente (2 scores on a-1) is thin there.
		const strict = run({ minStatementScores: 3 });
		expect(['raad', 'gemeente', 'burger'].map((r) => cellState(strict, item(strict, 'a-1'), r))).toEqual(['shown', 'thin', 'suppressed']);
		expect(cellState(results, item(results, 'a-1'), 'onbekend')).toBe('suppressed');
	});

	it('has divided opinions only when it is shown and many agree and many disagree', () => {
		// gemeente on a-1: 2 and 4, so half agree and half disagree.
		expect(dividedRoles(run(), item(run(), 'a-1'))).toEqual(['gemeente']);
		expect(isDivided(run(), item(run(), 'a-1'), 'raad')).toBe(false);
		const small = run({ minGroupSize: 4 });
		expect(dividedRoles(small, item(small, 'a-1'))).toEqual([]);
	});
});

describe('a pair of roles on a statement', () => {
	it('has a state for every pair in role order: shown, suppressed, thin or empty', () => {
		const results = run();
		expect(comparisonPairs(results, item(results, 'a-1')).map((p) => [p.a, p.b, p.state, p.comparison?.delta ?? null])).toEqual([
			['raad', 'gemeente', 'shown', item(results, 'a-1').comparisons[0].delta],
			['raad', 'burger', 'suppressed', null],
			['gemeente', 'burger', 'suppressed', null]
		]);
		// b-3: gemeente only said "weet niet", so there is nothing to compare.
		expect(comparisonPairs(results, item(results, 'b-3'))[0]).toMatchObject({ a: 'raad', b: 'gemeente', state: 'empty', comparison: null });
		const strict = run({ minStatementScores: 3 });
		expect(comparisonPairs(strict, item(strict, 'a-1'))[0]).toMatchObject({ state: 'thin', comparison: null });
	});
});

describe('mirror statements', () => {
	it('pair each role with its mirror target, suppressed when either is below k, empty without a figure', () => {
		const results = run();
		const statements = mirrorStatements(results, SCAN, true, results.themes[0]);
		expect(statements.map((s) => s.item.id)).toEqual(['a-1', 'a-2']);
		expect(statements.map((s) => s.pairs.map((p) => [p.role, p.target, p.state]))).toEqual([
			[
				['raad', 'gemeente', 'shown'],
				['gemeente', 'raad', 'shown'],
				['burger', 'raad', 'suppressed']
			],
			[
				['raad', 'gemeente', 'shown'],
				['gemeente', 'raad', 'empty'],
				['burger', 'raad', 'suppressed']
			]
		]);
		expect(statements[0].pairs[0].result).toMatchObject({ predicted: 2.5, actual: 3 });
		expect(statements[0].pairs[2].result).toBeNull();
	});

	it('show the small group once it reaches k, and nothing without mirror questions', () => {
		const results = run({ minGroupSize: 2 });
		const [a1] = mirrorStatements(results, SCAN, true, results.themes[0]);
		expect(a1.pairs[2]).toMatchObject({ role: 'burger', target: 'raad', state: 'shown', result: { predicted: 4.5 } });
		expect(mirrorStatements(results, SCAN, false, results.themes[0])).toEqual([]);
		expect(mirrorStatements(results, SCAN, true, results.themes[1])).toEqual([]);
	});

	it('are empty where the target has too few scores on the statement', () => {
		const strict = run({ minStatementScores: 3 });
		const [a1] = mirrorStatements(strict, SCAN, true, strict.themes[0]);
		expect(a1.pairs.map((p) => p.state)).toEqual(['empty', 'shown', 'suppressed']);
	});
});
