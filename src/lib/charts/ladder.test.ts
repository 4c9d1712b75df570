// The ladder chart draws how many chose each step, never a role at its median: three people on
// step 2 and three on step 4 have median 3, a step nobody chose, which is named in words only.
import { describe, expect, it } from 'vitest';
import type { ResponseData } from '$lib/analysis/aggregate';
import type { Answer } from '$lib/scan/questionnaire';
import { formatStep } from './format';
import { chartBySlug } from './registry';
import { chartSvgFile } from './svg-file';
import { analyse, source } from './test-data';

function respondent(role: string, now: number, desired: number): ResponseData {
	const answers = new Map<string, Answer>([
		['a-ladder.nu', { kind: 'score', score: now as 1 | 2 | 3 | 4 | 5 }],
		['a-ladder.gewenst', { kind: 'score', score: desired as 1 | 2 | 3 | 4 | 5 }]
	]);
	return { role, answers };
}

// Both groups split over steps 2 and 4 now (median 3) and over 1 and 5 as desired (median 3).
const responses = ['raad', 'gemeente'].flatMap((role) => [
	respondent(role, 2, 1),
	respondent(role, 2, 1),
	respondent(role, 2, 5),
	respondent(role, 4, 5),
	respondent(role, 4, 5),
	respondent(role, 4, 1)
]);

/** The y range of each step's row (step 5 first), and the bars drawn (rects with a stroke). */
function layout(svg: string) {
	const rects = [...svg.matchAll(/<rect ([^>]*)>/g)].map((r) =>
		Object.fromEntries([...r[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]))
	);
	const rows = rects
		.filter((r) => r.height === '64' || (r.x === '0' && r.width === '600'))
		.map((r) => [Number(r.y), Number(r.y) + Number(r.height)]);
	const bars = rects.filter((r) => r.stroke).map((r) => Number(r.y));
	return { rows, bars };
}

describe('ladder chart', () => {
	it('draws bars on the steps chosen only, and names the median below the ladder', () => {
		const chart = chartBySlug(source(analyse({ responses, roles: ['raad', 'gemeente'] })), 'ladder-a-ladder')!;
		const svg = chartSvgFile(chart, 'Bron');
		const { rows, bars } = layout(svg);
		expect(rows).toHaveLength(5);
		const onStep = (step: number) => bars.filter((y) => y >= rows[5 - step][0] && y < rows[5 - step][1]).length;
		// Per group a "nu" bar on steps 2 and 4 and a "gewenst" bar on steps 1 and 5.
		expect([5, 4, 3, 2, 1].map(onStep)).toEqual([2, 2, 0, 2, 2]);
		expect(bars).toHaveLength(8);
		expect(svg).toContain('Lid van de raad: middelste trede nu 3, gewenst 3.');
		expect(svg).toContain('Gemeente: middelste trede nu 3, gewenst 3.');
	});

	it('writes a whole median step without decimals and a half step with one', () => {
		expect([formatStep(3), formatStep(2.5), formatStep(null)]).toEqual(['3', '2,5', '–']);
	});
});
