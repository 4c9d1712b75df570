// The round comparison: same statements, changed wording, statements the scan marks comparable,
// roles that one release does not show, and theme means over the same statements on both sides.
import { describe, expect, it } from 'vitest';
import { analysePilot, type ResponseData } from '$lib/analysis/aggregate';
import { parseScanText } from '$lib/scan/parse';
import { SCAN, response, run } from '$lib/analysis/test-scan';
import { compareRounds } from './compare';

// Version 2 of the test scan: a-1 unchanged, a-2 reworded without a mark, a-3 renamed a-3x and
// marked comparable, b-1 unchanged, b-2 reworded with a mark on its own id, b-3 gone, b-4 new.
const V2 = parseScanText(
	'v2.yaml',
	`
id: analyse-test
version: 2
title: Analysetest
roles:
  - { id: raad, label: Lid van de raad, choice: lid van de raad }
  - { id: gemeente, label: Gemeente, choice: medewerker van de gemeente }
comparison: [raad, gemeente]
themes:
  - id: thema-a
    title: Thema A
    items:
      - { id: a-1, type: likert, text: Stelling A1., short: true }
      - { id: a-2, type: likert, text: Stelling A2 anders gezegd. }
      - { id: a-3x, type: likert, text: Stelling A3 in nieuwe woorden., comparableWith: a-3 }
  - id: thema-b
    title: Thema B
    items:
      - { id: b-1, type: likert, text: Stelling B1., short: true }
      - { id: b-2, type: likert, text: Stelling B2 herschreven., comparableWith: b-2 }
      - { id: b-4, type: likert, text: Stelling B4. }
`
);

const everyone = (role: string, count: number, answers: Record<string, number>): ResponseData[] =>
	Array.from({ length: count }, () => response(role, answers));

function after(responses: ResponseData[]) {
	return analysePilot({
		scan: V2,
		variant: 'full',
		mirror: false,
		roles: ['raad', 'gemeente'],
		minGroupSize: 3,
		responses,
		shuffleSeed: 1
	});
}

const NOW = [
	...everyone('raad', 3, { 'a-1': 5, 'a-2': 5, 'a-3x': 2, 'b-1': 2, 'b-2': 4, 'b-4': 3 }),
	...everyone('gemeente', 3, { 'a-1': 3, 'a-2': 3, 'a-3x': 4, 'b-1': 4, 'b-2': 1, 'b-4': 3 })
];

describe('compareRounds', () => {
	const before = { results: run({ minStatementScores: 3 }), scan: SCAN };

	it('compares statements with the same id and wording, and ones the later scan marks comparable', () => {
		const c = compareRounds(before, { results: after(NOW), scan: V2 });
		const byId = Object.fromEntries(c.statements.map((s) => [s.id, s]));
		expect(Object.keys(byId).sort()).toEqual(['a-1', 'a-3x', 'b-1', 'b-2']);
		expect(byId['a-1'].basis).toBe('same');
		expect(byId['a-3x']).toMatchObject({ previousId: 'a-3', basis: 'marked' });
		expect(byId['b-2']).toMatchObject({ previousId: 'b-2', basis: 'marked' });
		// raad on a-1: 4, 5, 4 (and "weet niet") before, 5 now.
		expect(byId['a-1'].byRole.raad.before).toBeCloseTo(13 / 3);
		expect(byId['a-1'].byRole.raad.change).toBeCloseTo(5 - 13 / 3);
		// raad on a-3: 3 3 4 4 before, 2 now.
		expect(byId['a-3x'].byRole.raad).toEqual({ before: 3.5, after: 2, change: -1.5 });
	});

	it('lists reworded, new and dropped statements as not comparable, with the reason', () => {
		const c = compareRounds(before, { results: after(NOW), scan: V2 });
		const reasons = Object.fromEntries(c.notComparable.map((n) => [`${n.round}:${n.id}`, n.reason]));
		expect(reasons).toEqual({ 'after:a-2': 'reworded', 'after:b-4': 'new', 'before:b-3': 'dropped' });
	});

	it('never uses a figure a release does not show: hidden statements are null, and out of the theme mean', () => {
		const c = compareRounds(before, { results: after(NOW), scan: V2 });
		const b2 = c.statements.find((s) => s.id === 'b-2')!;
		// Nobody in raad or gemeente scored b-2 before (all "weet niet"): no figure, no change.
		expect(b2.byRole.raad).toEqual({ before: null, after: 4, change: null });
		// gemeente on a-1 had 2 scores before: below 3, hidden, so not in the mean either.
		const a1 = c.statements.find((s) => s.id === 'a-1')!;
		expect(a1.byRole.gemeente.before).toBeNull();
		const themeA = c.themes.find((t) => t.id === 'thema-a')!;
		// gemeente: only a-3x is shown on both sides (3 4 4 → 11/3 before, 4 now).
		expect(themeA.byRole.gemeente.statements).toBe(1);
		expect(themeA.byRole.gemeente.before).toBeCloseTo(11 / 3);
		expect(themeA.byRole.gemeente.after).toBe(4);
		// raad: a-1 and a-3x on both sides, the same two statements each time.
		expect(themeA.byRole.raad.statements).toBe(2);
		expect(themeA.byRole.raad.before).toBeCloseTo((13 / 3 + 3.5) / 2);
		expect(themeA.byRole.raad.after).toBeCloseTo((5 + 2) / 2);
	});

	it('shows only roles shown in both releases, and says why the others are missing', () => {
		// gemeente below k now; burger was hidden before and is not part of this round.
		const now = [...everyone('raad', 3, { 'a-1': 5 }), ...everyone('gemeente', 2, { 'a-1': 5 })];
		const c = compareRounds(before, { results: after(now), scan: V2 });
		expect(c.roles).toEqual(['raad']);
		expect(c.gaps).toEqual([
			{ role: 'gemeente', reason: 'hidden-after' },
			{ role: 'burger', reason: 'missing-after' }
		]);
		for (const s of c.statements) expect(Object.keys(s.byRole)).toEqual(['raad']);
		// And the other way round: a role hidden in the earlier release.
		const swapped = compareRounds({ results: after(now), scan: V2 }, { results: after(NOW), scan: V2 });
		expect(swapped.gaps).toEqual([{ role: 'gemeente', reason: 'hidden-before' }]);
	});

	it('does not honour a mark across different questionnaires', () => {
		const other = { ...V2, id: 'andere-scan' };
		const c = compareRounds(before, { results: after(NOW), scan: other });
		expect(c.statements.map((s) => s.id).sort()).toEqual(['a-1', 'b-1']);
		expect(c.notComparable.find((n) => n.id === 'a-3x')?.reason).toBe('new');
	});

	it('lists a statement one round did not ask (short version) as not asked', () => {
		const short = analysePilot({
			scan: V2,
			variant: 'short',
			mirror: false,
			roles: ['raad', 'gemeente'],
			minGroupSize: 3,
			responses: NOW,
			shuffleSeed: 1
		});
		const c = compareRounds(before, { results: short, scan: V2 });
		expect(c.statements.map((s) => s.id).sort()).toEqual(['a-1', 'b-1']);
		expect(c.notComparable.filter((n) => n.reason === 'not-asked').map((n) => n.id)).toEqual(['a-3x', 'b-2']);
	});
});
