import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePilot, type ItemResult, type PilotResults } from './aggregate';
import {
	anyShown,
	isItemOrder,
	isThemeOrder,
	largestDifferences,
	mainComparison,
	mainPairHidden,
	orderHiddenBy,
	sortItems,
	sortThemes
} from './ranking';
import { item, response, run, SCAN } from './test-scan';

// The hand-computed data set at k = 3 (burger hidden). |Cliff's delta| raad–gemeente:
// a-1 0.667, a-2 0.5, a-3 0.167, b-1 1, b-2 none (only "weet niet"), b-3 none (gemeente has no score).
// Share that agrees, raad: a-1 1, a-2 0.25, a-3 0.5, b-1 1, b-2 none, b-3 0.
const ids = (items: readonly ItemResult[]) => items.map((i) => i.id);
const allItems = (results: PilotResults) => results.themes.flatMap((t) => t.items);

describe('the main comparison', () => {
	it('is the comparison of the scan’s two main roles, in that order', () => {
		const results = run();
		expect(mainComparison(results, item(results, 'a-2'))).toMatchObject({ a: 'raad', b: 'gemeente', delta: -0.5, label: 'large' });
		expect(mainComparison(results, item(results, 'b-3'))).toBeNull();
	});

	it('is missing when a main role is below k, and says which', () => {
		expect(mainPairHidden(run())).toEqual([]);
		const small = run({ minGroupSize: 4 });
		expect(mainPairHidden(small)).toEqual(['gemeente']);
		expect(allItems(small).map((i) => mainComparison(small, i))).toEqual(allItems(small).map(() => null));
		expect(anyShown(small)).toBe(true);
		expect(anyShown(run({ minGroupSize: 5 }))).toBe(false);
	});
});

describe('the order of the statements', () => {
	it('by difference: the largest |delta| first, statements without one last in scan order', () => {
		const results = run();
		expect(ids(sortItems(results, allItems(results), 'verschil'))).toEqual(['b-1', 'a-1', 'a-2', 'a-3', 'b-2', 'b-3']);
		expect(ids(sortItems(results, results.themes[0].items, 'scan'))).toEqual(['a-1', 'a-2', 'a-3']);
	});

	it('by agreement of the first main role: ties keep the scan order', () => {
		const results = run();
		expect(ids(sortItems(results, allItems(results), 'eens'))).toEqual(['a-1', 'b-1', 'a-3', 'a-2', 'b-3', 'b-2']);
	});

	it('stays the scan order when the order needs a role below k, and names that role', () => {
		const small = run({ minGroupSize: 4 });
		expect(ids(sortItems(small, allItems(small), 'verschil'))).toEqual(ids(allItems(small)));
		expect(orderHiddenBy(small, 'verschil')).toEqual(['gemeente']);
		// Agreement needs only raad, which is shown.
		expect(orderHiddenBy(small, 'eens')).toEqual([]);
		const none = run({ minGroupSize: 5 });
		expect(orderHiddenBy(none, 'verschil')).toEqual(['raad', 'gemeente']);
		expect(orderHiddenBy(none, 'eens')).toEqual(['raad']);
		expect(orderHiddenBy(none, 'scan')).toEqual([]);
	});

	it('knows its codes and nothing else', () => {
		expect(['scan', 'verschil', 'eens'].every(isItemOrder)).toBe(true);
		expect(['scan', 'verschil'].every(isThemeOrder)).toBe(true);
		expect([null, '', 'eens '].some(isItemOrder)).toBe(false);
		expect(isThemeOrder('eens')).toBe(false);
	});
});

describe('the largest differences and the order of the themes', () => {
	it('lists the statements with a difference, largest first, with their theme', () => {
		const results = run();
		expect(largestDifferences(results).map((d) => [d.theme.id, d.item.id])).toEqual([
			['thema-b', 'b-1'],
			['thema-a', 'a-1'],
			['thema-a', 'a-2'],
			['thema-a', 'a-3']
		]);
		expect(largestDifferences(results, 2).map((d) => d.comparison.delta)).toEqual([1, item(results, 'a-1').comparisons[0].delta]);
		expect(largestDifferences(run({ minGroupSize: 4 }))).toEqual([]);
	});

	it('puts the theme with the largest gap between the main pair first; without both scores, the scan order', () => {
		// Theme scores raad–gemeente: A 3.44–3.22, B 3.33–1.5.
		expect(sortThemes(run(), 'verschil').map((t) => t.id)).toEqual(['thema-b', 'thema-a']);
		expect(sortThemes(run(), 'scan').map((t) => t.id)).toEqual(['thema-a', 'thema-b']);
		expect(sortThemes(run({ minGroupSize: 4 }), 'verschil').map((t) => t.id)).toEqual(['thema-a', 'thema-b']);
	});
});

describe('ranking: properties over random pilots', () => {
	const KEYS = ['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'b-3'];
	const answers = fc.tuple(...KEYS.map(() => fc.option(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('?')), { nil: undefined })));
	const group = (role: string) =>
		fc
			.array(answers, { maxLength: 8 })
			.map((list) =>
				list.map((values) => response(role, Object.fromEntries(KEYS.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]!]])))))
			);
	const pilot = fc.record({ k: fc.integer({ min: 3, max: 5 }), groups: fc.tuple(group('raad'), group('gemeente'), group('burger')) });
	const analyse = (p: { k: number; groups: ReturnType<typeof response>[][] }) =>
		analysePilot({
			scan: SCAN,
			variant: 'full',
			mirror: true,
			roles: ['raad', 'gemeente', 'burger'],
			minGroupSize: p.k,
			responses: p.groups.flat(),
			shuffleSeed: 1
		});

	it('sorts by a key that never rises, keeps every statement once, and puts statements without the key last', () => {
		fc.assert(
			fc.property(pilot, (p) => {
				const results = analyse(p);
				const items = allItems(results);
				for (const order of ['verschil', 'eens'] as const) {
					const sorted = sortItems(results, items, order);
					expect(ids(sorted).toSorted()).toEqual(ids(items).toSorted());
					const key = (i: ItemResult) =>
						order === 'verschil'
							? mainComparison(results, i)
								? Math.abs(mainComparison(results, i)!.delta)
								: null
							: (i.byRole.raad?.agree ?? null);
					const keys = sorted.map(key);
					const firstNull = keys.indexOf(null);
					if (firstNull >= 0) expect(keys.slice(firstNull).every((k) => k === null)).toBe(true);
					for (let i = 1; i < sorted.length; i++) {
						const [x, y] = [keys[i - 1], keys[i]];
						if (x === null || y === null) continue;
						expect(x).toBeGreaterThanOrEqual(y);
						if (x === y) expect(sorted[i - 1].number).toBeLessThan(sorted[i].number);
					}
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('the largest differences are the first five statements by difference that have one', () => {
		fc.assert(
			fc.property(pilot, (p) => {
				const results = analyse(p);
				// The rule as the overview page wrote it before it had a home here.
				const expected = allItems(results)
					.map((i) => ({ i, c: mainComparison(results, i) }))
					.filter((x) => x.c !== null)
					.sort((x, y) => Math.abs(y.c!.delta) - Math.abs(x.c!.delta))
					.slice(0, 5)
					.map((x) => x.i.id);
				expect(largestDifferences(results).map((d) => d.item.id)).toEqual(expected);
			}),
			{ numRuns: 200 }
		);
	});
});
