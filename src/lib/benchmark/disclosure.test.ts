// Tries to learn one pilot's figures from what the benchmark shows, by subtraction across the
// groupings (a council type, its complement, all pilots) for every possible viewer: whatever is
// shown stays the same when two other pilots of the same council type swap their figures, so no
// combination of views can tell whose figure is whose. (Across snapshots and exports: the server
// test, src/lib/server/benchmark.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchmarkView, COUNCIL_TYPES, type Contribution, type CouncilType, type Viewer } from './rules';

const ROLES = ['raad', 'gemeente'];
const THEMES = ['doel', 'invloed'];

const valueArb = fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined, freq: 5 });
const pilotArb = fc.record({
	councilType: fc.constantFrom(...COUNCIL_TYPES),
	values: fc.tuple(valueArb, valueArb, valueArb, valueArb)
});

function toContributions(pilots: { councilType: CouncilType; values: (number | undefined)[] }[]): Contribution[] {
	return pilots.map((p, i) => {
		const values: Contribution['values'] = {};
		ROLES.forEach((role, r) =>
			THEMES.forEach((theme, t) => {
				const v = p.values[r * 2 + t];
				if (v !== undefined) (values[role] ??= {})[theme] = v;
			})
		);
		return { pilotId: i + 1, councilType: p.councilType, values };
	});
}

/** Everything any viewer can see: every pilot (as viewer) and an outsider of each council type. */
function everythingShown(list: Contribution[], k: number) {
	const viewers: Viewer[] = [
		...list.map((c) => ({ pilotId: c.pilotId, councilType: c.councilType, respondents: { raad: 9, gemeente: 9 }, own: {} })),
		...COUNCIL_TYPES.map((councilType, i) => ({ pilotId: 10_000 + i, councilType, respondents: { raad: 9, gemeente: 9 }, own: {} }))
	];
	return new Map(viewers.map((v) => [v.pilotId, benchmarkView(v, list, ROLES, THEMES, k)]));
}

describe('subtraction across groupings', () => {
	it('recovers nothing that tells one pilot from another of its council type', () => {
		fc.assert(
			fc.property(fc.array(pilotArb, { minLength: 6, maxLength: 24 }), fc.nat(), fc.nat(), fc.constantFrom(5, 7), (pilots, a, b, k) => {
				const list = toContributions(pilots);
				const t = list[a % list.length];
				const sameType = list.filter((c) => c.councilType === t.councilType && c.pilotId !== t.pilotId);
				fc.pre(sameType.length > 0);
				const s = sameType[b % sameType.length];
				const swapped = list.map((c) =>
					c.pilotId === t.pilotId ? { ...c, values: s.values } : c.pilotId === s.pilotId ? { ...c, values: t.values } : c
				);
				const before = everythingShown(list, k);
				const after = everythingShown(swapped, k);
				// Everyone but the two pilots themselves (who know their own figures) sees exactly the same.
				for (const [viewer, shown] of before) if (viewer !== t.pilotId && viewer !== s.pilotId) expect(after.get(viewer)).toEqual(shown);
			}),
			{ numRuns: 300 }
		);
	});

	it('shows a council type only when it and its complement both hold K other pilots', () => {
		fc.assert(
			fc.property(fc.array(pilotArb, { minLength: 0, maxLength: 30 }), fc.constantFrom(5, 7), (pilots, k) => {
				const list = toContributions(pilots);
				for (const [viewerId, groupings] of everythingShown(list, k)) {
					const others = list.filter((c) => c.pilotId !== viewerId);
					for (const g of groupings)
						for (const role of g.roles)
							for (const cell of role.cells) {
								if (!cell.shown) continue;
								const inCell = others.filter((c) => c.values[role.role]?.[cell.theme] !== undefined);
								if (g.grouping.kind === 'all') expect(inCell.length).toBeGreaterThanOrEqual(k);
								else {
									const type = g.grouping.councilType;
									expect(inCell.filter((c) => c.councilType === type).length).toBeGreaterThanOrEqual(k);
									expect(inCell.filter((c) => c.councilType !== type).length).toBeGreaterThanOrEqual(k);
								}
								// Nothing finer than one decimal leaves, and no exact count.
								const numbers = [cell.distribution.median, ...Object.values(cell.distribution.spread ?? {})];
								for (const n of numbers) expect(Math.round(n * 10) / 10).toBe(n);
								expect(Object.keys(cell.distribution.pilots)).toEqual(['from', 'to']);
							}
				}
			}),
			{ numRuns: 200 }
		);
	});
});
