import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allAnswerKeys, type Variant } from '$lib/scan/questionnaire';
import { analysePilot, MIN_STATEMENT_SCORES, type AnalysisInput, type ResponseData } from './aggregate';
import { response, SCAN, type Raw } from './test-scan';

// Properties over random pilots of the test scan.

const ROLES = ['raad', 'gemeente', 'burger'];
const KEYS = [...allAnswerKeys(SCAN)];

const answersArb = fc
	.tuple(
		...KEYS.map(([, kind]) =>
			kind === 'open'
				? fc.option(fc.constantFrom('ja', 'nee', 'misschien', 'geen idee'), { nil: undefined })
				: fc.option(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('?')), { nil: undefined })
		)
	)
	.map((values) => {
		const raw: Record<string, Raw> = {};
		values.forEach((v, i) => {
			if (v !== undefined) raw[KEYS[i][0]] = v;
		});
		return raw;
	});

const respondents = (role: string, min: number, max: number) =>
	fc.array(answersArb, { minLength: min, maxLength: max }).map((list) => list.map((raw) => response(role, raw)));

const pilotArb = fc.record({
	k: fc.integer({ min: 3, max: 6 }),
	responses: fc.tuple(respondents('raad', 0, 9), respondents('gemeente', 0, 9), respondents('burger', 0, 9)).map((groups) => groups.flat()),
	variant: fc.constantFrom<Variant>('full', 'short'),
	mirror: fc.boolean(),
	seed: fc.integer({ min: 0, max: 2 ** 31 - 1 })
});

const inputOf = (
	p: { k: number; responses: ResponseData[]; variant: Variant; mirror: boolean; seed: number },
	roles = ROLES
): AnalysisInput => ({
	scan: SCAN,
	variant: p.variant,
	mirror: p.mirror,
	roles,
	minGroupSize: p.k,
	responses: p.responses,
	shuffleSeed: p.seed
});

describe('analysePilot: properties', () => {
	it("keeps Cliff's delta within [-1, 1] and flips its sign when the role order is swapped", () => {
		fc.assert(
			fc.property(pilotArb, (p) => {
				const forward = analysePilot(inputOf(p));
				const backward = analysePilot(inputOf(p, [...ROLES].reverse()));
				const items = forward.themes.flatMap((t) => t.items);
				const itemsBack = backward.themes.flatMap((t) => t.items);
				expect(itemsBack.map((i) => i.id)).toEqual(items.map((i) => i.id));
				items.forEach((i, index) => {
					const back = itemsBack[index];
					expect(back.comparisons).toHaveLength(i.comparisons.length);
					for (const c of i.comparisons) {
						expect(c.delta).toBeGreaterThanOrEqual(-1);
						expect(c.delta).toBeLessThanOrEqual(1);
						const swapped = back.comparisons.find((x) => x.a === c.b && x.b === c.a);
						expect(swapped, `${i.id}: ${c.b} vs ${c.a}`).toBeDefined();
						expect(swapped!.delta).toBeCloseTo(-c.delta, 12);
						expect(swapped!.gap).toBeCloseTo(-c.gap, 12);
						expect(swapped!.label).toBe(c.label);
					}
				});
			})
		);
	});

	it('reveals nothing of a role below k: other answers of that role give the same output', () => {
		const arb = fc.integer({ min: 3, max: 6 }).chain((k) =>
			fc.record({
				k: fc.constant(k),
				hidden: fc.constantFrom(...ROLES),
				pair: fc
					.integer({ min: 0, max: k - 1 })
					.chain((count) =>
						fc.tuple(
							fc.array(answersArb, { minLength: count, maxLength: count }),
							fc.array(answersArb, { minLength: count, maxLength: count })
						)
					),
				others: fc.array(fc.tuple(fc.constantFrom(...ROLES), answersArb), { maxLength: 24 }),
				variant: fc.constantFrom<Variant>('full', 'short'),
				mirror: fc.boolean(),
				seed: fc.integer({ min: 0, max: 2 ** 31 - 1 })
			})
		);
		fc.assert(
			fc.property(arb, ({ k, hidden, pair, others, variant, mirror, seed }) => {
				const base = others.filter(([role]) => role !== hidden).map(([role, raw]) => response(role, raw));
				// The hidden role's responses sit between the others, at the same places in both runs.
				const withHidden = (answers: Record<string, Raw>[]) => {
					const list = [...base];
					answers.forEach((raw, i) => list.splice(Math.min(list.length, i * 2), 0, response(hidden, raw)));
					return list;
				};
				const one = analysePilot(inputOf({ k, responses: withHidden(pair[0]), variant, mirror, seed }));
				const two = analysePilot(inputOf({ k, responses: withHidden(pair[1]), variant, mirror, seed }));
				expect(one.roles.find((r) => r.role === hidden)).toMatchObject({ suppressed: true, respondents: null });
				expect(JSON.stringify(two)).toBe(JSON.stringify(one));
			})
		);
	});

	it('accounts for every respondent of a visible role (n + dontKnow + missing = respondents) and hides a statement with fewer than 3 scores', () => {
		fc.assert(
			fc.property(pilotArb, (p) => {
				const r = analysePilot(inputOf(p));
				for (const role of r.roles) {
					const count = p.responses.filter((x) => x.role === role.role).length;
					expect(role.suppressed).toBe(count < p.k);
					for (const i of r.themes.flatMap((t) => t.items)) {
						const s = i.byRole[role.role];
						if (role.suppressed) {
							expect(s).toBeNull();
							continue;
						}
						expect(role.respondents).toBe(count);
						// A statement with too few scores of this role shows none of its figures.
						const scores = p.responses.filter((x) => x.role === role.role && x.answers.get(i.id)?.kind === 'score').length;
						if (scores < MIN_STATEMENT_SCORES) {
							expect(s).toBeNull();
							expect(i.thin).toContain(role.role);
							expect(i.comparisons.some((c) => c.a === role.role || c.b === role.role)).toBe(false);
							expect(i.mirrors.some((m) => m.target === role.role)).toBe(false);
							continue;
						}
						expect(i.thin).not.toContain(role.role);
						expect(s!.n + s!.dontKnow + s!.missing).toBe(count);
						expect(s!.missing).toBeGreaterThanOrEqual(0);
						expect(s!.counts.reduce((a, b) => a + b, 0)).toBe(s!.n);
					}
				}
			})
		);
	});
});
