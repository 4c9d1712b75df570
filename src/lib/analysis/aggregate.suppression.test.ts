import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScanText } from '$lib/scan/parse';
import { buildPages, type Variant } from '$lib/scan/questionnaire';
import { analysePilot, type PilotResults } from './aggregate';
import { ALL, BURGER, GEMEENTE, item, RAAD, response, run } from './test-scan';

// Hand-computed examples on the test scan and its data set (test-scan.ts): which items a variant
// asks, what a role below k keeps hidden, and the order of open answers. The figures themselves
// are in aggregate.test.ts.

const close = (x: number) => expect.closeTo(x, 12);

describe('analysePilot: variant', () => {
	it('shows only the short items in the short variant, numbered in the order they were asked', () => {
		const r = run({ variant: 'short' });
		expect(r.themes.map((t) => [t.id, t.items.map((i) => [i.id, i.number]), t.ladders.map((l) => l.id), t.open.map((o) => o.id)])).toEqual([
			[
				'thema-a',
				[
					['a-1', 1],
					['a-3', 2]
				],
				['a-ladder'],
				['a-open']
			],
			['thema-b', [['b-1', 3]], [], []]
		]);
		// Theme scores only over the items asked: raad (13/3 + 3.5) / 2 = 47/12, gemeente (3 + 11/3) / 2 = 10/3.
		expect(r.themes[0].scores).toEqual({ raad: close(47 / 12), gemeente: close(10 / 3), burger: null });
		expect(r.themes[1].scores).toEqual({ raad: close(14 / 3), gemeente: 1.5, burger: null });
	});

	it('numbers the items of the real scan as the questionnaire does, in both variants', () => {
		const real = parseScanText('real.yaml', fs.readFileSync(path.resolve('scans/clientenparticipatie-werk-en-inkomen.yaml'), 'utf8'));
		for (const variant of ['full', 'short'] as Variant[]) {
			const asked = buildPages(real, { variant, mirror: false, role: 'raad' })
				.flatMap((p) => p.questions)
				.filter((q) => q.kind === 'likert')
				.map((q) => [q.item.id, q.number]);
			const r = analysePilot({
				scan: real,
				variant,
				mirror: true,
				roles: ['raad', 'gemeente'],
				minGroupSize: 3,
				responses: [],
				shuffleSeed: 1
			});
			const shown = r.themes.flatMap((t) => t.items).map((i) => [i.id, i.number]);
			expect(shown).toEqual(asked);
			expect(shown.map(([, n]) => n)).toEqual(shown.map((_, i) => i + 1));
		}
		const all = real.themes.flatMap((t) => t.items).filter((i) => i.type === 'likert');
		const short = all.filter((i) => i.short);
		expect(short.length).toBeLessThan(all.length);
	});
});

describe('analysePilot: suppression', () => {
	it('shows nothing of a role below k', () => {
		const r = run();
		expect(r.roles[2]).toEqual({ role: 'burger', label: 'Inwoner', suppressed: true, respondents: null });
		for (const theme of r.themes) {
			expect(theme.scores.burger).toBeNull();
			for (const i of theme.items) {
				expect(i.byRole.burger).toBeNull();
				expect(i.disagreement.burger).toBeNull();
				expect(JSON.stringify([i.comparisons, i.mirrors])).not.toContain('burger');
			}
			for (const l of theme.ladders) expect(l.byRole.burger).toBeNull();
			for (const o of theme.open) expect(o.byRole.burger).toBeNull();
		}
		expect(JSON.stringify(r)).not.toContain('Burger:');
	});

	it('is visible at exactly k respondents', () => {
		const r = run({ minGroupSize: 2 });
		expect(r.roles[2]).toEqual({ role: 'burger', label: 'Inwoner', suppressed: false, respondents: 2 });
		expect(item(r, 'a-1').byRole.burger).toEqual({
			n: 2,
			dontKnow: 0,
			missing: 0,
			counts: [1, 0, 1, 0, 0],
			mean: 2,
			median: 2,
			agree: 0,
			disagree: 0.5,
			sd: close(Math.SQRT2)
		});
		// Thema A: (2 + 4 + 5) / 3 = 11/3.
		expect(r.themes[0].scores.burger).toBeCloseTo(11 / 3, 12);
	});

	it('treats a role without any respondent like a role below k', () => {
		const r = run({ responses: [...RAAD, ...GEMEENTE] });
		expect(r.roles[2]).toEqual({ role: 'burger', label: 'Inwoner', suppressed: true, respondents: null });
		expect(item(r, 'a-1').byRole.burger).toBeNull();
		expect(r.themes[0].ladders[0].byRole.burger).toBeNull();
		expect(r.themes[0].open[0].byRole.burger).toBeNull();
		// The same output as with burger's two responses present: below k nothing shows.
		expect(JSON.stringify(r)).toBe(JSON.stringify(run()));
	});

	it('ignores responses of a role that is not in the pilot', () => {
		const stray = [...BURGER, response('onbekend', { 'a-1': 1, 'a-open': 'Vreemd' }), ...BURGER];
		const r = run({ roles: ['raad', 'gemeente'], minGroupSize: 2, responses: [...stray, ...ALL, ...stray] });
		expect(r.roles.map((x) => x.role)).toEqual(['raad', 'gemeente']);
		expect(Object.keys(item(r, 'a-1').byRole)).toEqual(['raad', 'gemeente']);
		expect(JSON.stringify(r)).toBe(
			JSON.stringify(run({ roles: ['raad', 'gemeente'], minGroupSize: 2, responses: [...RAAD, ...GEMEENTE] }))
		);
		expect(JSON.stringify(r)).not.toMatch(/Burger|Vreemd|onbekend|burger/);
	});
});

describe('analysePilot: open answers', () => {
	it('gives only the texts of roles at or above k, as a permutation of them', () => {
		const r = run();
		const open = r.themes[0].open[0];
		expect(open.id).toBe('a-open');
		expect(open.text).toBe('Wat wilt u nog kwijt?');
		expect([...open.byRole.raad!].sort()).toEqual(['Raad: derde', 'Raad: eerste', 'Raad: vierde']);
		expect([...open.byRole.gemeente!].sort()).toEqual(['Gemeente: derde', 'Gemeente: eerste']);
		expect(open.byRole.burger).toBeNull();
		expect(r.themes[1].open).toEqual([
			{ id: 'b-open', text: 'Nog iets over B?', byRole: { raad: ['Raad B'], gemeente: [], burger: null } }
		]);
	});

	// Ten raad members, eight with a text; one put a score and one "weet niet" under the open key.
	const texts = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
	const many = [
		...texts.map((t) => response('raad', { 'a-open': t })),
		response('raad', { 'a-open': 4 }),
		response('raad', { 'a-open': '?' })
	];
	const openOf = (seed: number, responses = many) => run({ responses, shuffleSeed: seed }).themes[0].open[0].byRole.raad!;

	it('shuffles deterministically: same seed, same order; never the submission order', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const order = openOf(seed);
			expect([...order].sort()).toEqual(texts);
			expect(order).not.toEqual(texts);
			expect(openOf(seed)).toEqual(order);
		}
		// The seed matters: not all of these twenty seeds give the same order.
		expect(new Set(Array.from({ length: 20 }, (_, i) => openOf(i + 1).join())).size).toBeGreaterThan(1);
	});
});

// ---------------------------------------------------------------------------------------------

describe('analysePilot: open answers and the order of submission', () => {
	it('gives the same order for the same answers, whatever order they were submitted in', () => {
		const reversed = [...ALL].reverse();
		const a = run({ responses: ALL });
		const b = run({ responses: reversed });
		const openOf = (r: PilotResults) => r.themes.flatMap((t) => t.open.map((o) => o.byRole));
		expect(openOf(b)).toEqual(openOf(a));
	});
});
