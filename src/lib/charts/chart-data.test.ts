import { describe, expect, it } from 'vitest';
import { analysePilot, type ResponseData } from '$lib/analysis/aggregate';
import type { Counts } from '$lib/analysis/stats';
import { parseScanText } from '$lib/scan/parse';
import type { Answer } from '$lib/scan/questionnaire';
import { chartBySlug, chartDownload, chartFilename, mirrorChart, radarChart, sortItems, statementChart } from './chart-data';
import { SUPPRESSED_STATEMENT } from './format';
import { roleLegend, standaloneSvg } from './legend';
import { CATEGORIES, contrast, divergingSegments, heatColour, textWidth, wrapText } from './shapes';

const SCAN = parseScanText(
	'charts-test.yaml',
	`
id: grafiek-test
version: 1
title: Grafiektest
roles:
  - { id: raad, label: Lid van de raad, choice: lid, mirrorTarget: gemeente, mirrorLabel: de gemeente }
  - { id: gemeente, label: Gemeente, choice: medewerker, mirrorTarget: raad, mirrorLabel: de raad }
  - { id: burger, label: Inwoner, choice: inwoner, mirrorTarget: raad, mirrorLabel: de raad }
comparison: [raad, gemeente]
themes:
  - id: thema-a
    title: Thema A
    items:
      - { id: a-1, type: likert, text: Stelling A1., mirror: true, short: true }
      - { id: a-2, type: likert, text: Stelling A2. }
      - { id: a-3, type: likert, text: Stelling A3. }
      - { id: a-ladder, type: ladder, text: Hoe werken we samen?, steps: [een, twee, drie, vier, vijf] }
      - { id: a-open, type: open, text: Nog iets? }
`
);

function respondent(role: string, scores: Record<string, number | '?'>): ResponseData {
	const answers = new Map<string, Answer>();
	for (const [key, v] of Object.entries(scores))
		answers.set(key, v === '?' ? { kind: 'dontKnow' } : { kind: 'score', score: v as 1 | 2 | 3 | 4 | 5 });
	return { role, answers };
}

// raad: a-1 low, a-2 high, a-3 middle; gemeente the other way round on a-1. Burger is below k.
const RESPONSES = [
	respondent('raad', { 'a-1': 1, 'a-1.spiegel': 4, 'a-2': 5, 'a-3': 3, 'a-ladder.nu': 2, 'a-ladder.gewenst': 4 }),
	respondent('raad', { 'a-1': 2, 'a-1.spiegel': 5, 'a-2': 4, 'a-3': 3, 'a-ladder.nu': 2, 'a-ladder.gewenst': 5 }),
	respondent('raad', { 'a-1': 1, 'a-2': 4, 'a-3': '?', 'a-ladder.nu': 3, 'a-ladder.gewenst': 4 }),
	respondent('gemeente', { 'a-1': 5, 'a-1.spiegel': 2, 'a-2': 4, 'a-3': 3, 'a-ladder.nu': 3, 'a-ladder.gewenst': 3 }),
	respondent('gemeente', { 'a-1': 4, 'a-1.spiegel': 2, 'a-2': 5, 'a-3': 2, 'a-ladder.nu': 4, 'a-ladder.gewenst': 4 }),
	respondent('gemeente', { 'a-1': 5, 'a-2': 3, 'a-3': 2, 'a-ladder.nu': 3, 'a-ladder.gewenst': 4 }),
	respondent('burger', { 'a-1': 5, 'a-1.spiegel': 1, 'a-2': 1, 'a-3': 1 })
];

const results = analysePilot({
	scan: SCAN,
	variant: 'full',
	mirror: true,
	roles: ['raad', 'gemeente', 'burger'],
	minGroupSize: 3,
	responses: RESPONSES,
	shuffleSeed: 1,
	minStatementScores: 0
});
const theme = results.themes[0];

describe('chart shapes', () => {
	it('splits the neutral answers half/half over the centre of a diverging bar', () => {
		const segments = divergingSegments([1, 1, 2, 4, 2] as Counts);
		expect(segments.map((s) => s.share)).toEqual([0.1, 0.1, 0.2, 0.4, 0.2]);
		expect(segments[0].from).toBeCloseTo(-0.3, 12);
		expect(segments[2].from).toBeCloseTo(-0.1, 12);
		expect(segments[2].to).toBeCloseTo(0.1, 12);
		expect(segments[4].to).toBeCloseTo(0.7, 12);
		expect(divergingSegments([0, 0, 0, 0, 0] as Counts)).toEqual([]);
	});

	it('leaves the neutral answers out of the bar when they are shown apart: disagree ends and agree starts at the centre', () => {
		const segments = divergingSegments([1, 1, 2, 4, 2] as Counts, 'apart');
		expect(segments.map((s) => s.category)).toEqual([0, 1, 3, 4]);
		expect(segments.map((s) => s.share)).toEqual([0.1, 0.1, 0.4, 0.2]);
		expect(segments[0].from).toBeCloseTo(-0.2, 12);
		expect(segments[1].to).toBeCloseTo(0, 12);
		expect(segments[2].from).toBeCloseTo(0, 12);
		expect(segments[3].to).toBeCloseTo(0.6, 12);
	});

	it('writes text on every fill with at least 4.5:1 contrast, and the heatmap gets darker with the value', () => {
		for (const c of CATEGORIES) expect(contrast(c.fill, c.ink)).toBeGreaterThanOrEqual(4.5);
		for (const measure of ['gemiddelde', 'eens'] as const) {
			const [lo, hi] = measure === 'gemiddelde' ? [1, 5] : [0, 1];
			let previous = Infinity;
			for (let i = 0; i <= 100; i++) {
				const { fill, ink } = heatColour(measure, lo + ((hi - lo) * i) / 100);
				expect(contrast(fill, ink)).toBeGreaterThanOrEqual(4.5);
				const lightness = contrast(fill, '#000000');
				expect(lightness).toBeLessThanOrEqual(previous);
				previous = lightness;
			}
		}
	});

	it('wraps labels on spaces into lines that fit', () => {
		const lines = wrapText('De gemeente vraagt de raad om advies voordat een plan bijna klaar is.', 300, 18);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe('De gemeente vraagt de raad om advies voordat een plan bijna klaar is.');
		for (const line of lines) expect(textWidth(line, 18)).toBeLessThanOrEqual(300);
		expect(wrapText('', 100, 18)).toEqual(['']);
	});
});

describe('chart data', () => {
	it('puts the theme scores on the radar axes in scan order, without a value for a role below k', () => {
		const radar = radarChart(results);
		expect(radar.axes.map((a) => a.id)).toEqual(results.themes.filter((t) => t.items.length).map((t) => t.id));
		expect(radar.axes[0].values.raad).toBeCloseTo(theme.scores.raad!, 12);
		expect(radar.axes[0].values.burger).toBeNull();
		expect(radar.roles.find((r) => r.role === 'burger')?.suppressed).toBe(true);
	});

	it('gives a suppressed role no figures in a statement chart, and says so in the description', () => {
		const chart = statementChart(results, theme.items[0]);
		expect(chart.rows.map((r) => [r.role, r.suppressed, r.stats === null])).toEqual([
			['raad', false, false],
			['gemeente', false, false],
			['burger', true, true]
		]);
		expect(chart.description).toContain('Inwoner: te weinig antwoorden.');
		expect(chart.description).not.toMatch(/Inwoner: \d/);
	});

	it('gives a shown role with fewer than 3 scores on a statement no figures there, and says why', () => {
		const strict = analysePilot({
			scan: SCAN,
			variant: 'full',
			mirror: true,
			roles: ['raad', 'gemeente', 'burger'],
			minGroupSize: 3,
			responses: RESPONSES,
			shuffleSeed: 1
		});
		const thinItem = strict.themes.flatMap((t) => t.items).find((i) => i.thin.length > 0);
		expect(thinItem, 'the test data has a statement with too few scores of a shown role').toBeDefined();
		const chart = statementChart(strict, thinItem!);
		const row = chart.rows.find((r) => r.role === thinItem!.thin[0])!;
		expect(row).toMatchObject({ suppressed: false, thin: true, stats: null });
		expect(chart.description).toContain(`${row.label}: ${SUPPRESSED_STATEMENT}.`);
	});

	it('sorts statements by the gap of the main pair or by agreement of the main role', () => {
		expect(sortItems(results, theme.items, 'scan').map((i) => i.id)).toEqual(['a-1', 'a-2', 'a-3']);
		// |delta| raad–gemeente: a-1 = 1, a-3 ≈ 0.67, a-2 ≈ 0.22
		expect(sortItems(results, theme.items, 'verschil').map((i) => i.id)).toEqual(['a-1', 'a-3', 'a-2']);
		// share eens of raad: a-2 = 1, a-1 = 0, a-3 = 0 (a tie keeps the scan order)
		expect(sortItems(results, theme.items, 'eens').map((i) => i.id)).toEqual(['a-2', 'a-1', 'a-3']);
		// Without the main role's figures, the scan order stays.
		const hidden = analysePilot({
			scan: SCAN,
			variant: 'full',
			mirror: true,
			roles: ['raad', 'gemeente', 'burger'],
			minGroupSize: 4,
			responses: RESPONSES,
			shuffleSeed: 1,
			minStatementScores: 0
		});
		expect(sortItems(hidden, hidden.themes[0].items, 'eens').map((i) => i.id)).toEqual(['a-1', 'a-2', 'a-3']);
	});

	it('shows a mirror row per predicting role, suppressed when either side is below k', () => {
		const chart = mirrorChart(results, theme, SCAN, true)!;
		expect(chart.groups.map((g) => g.itemId)).toEqual(['a-1']);
		const rows = chart.groups[0].rows;
		expect(rows.map((r) => [r.role, r.targetLabel, r.state])).toEqual([
			['raad', 'Gemeente', 'shown'],
			['gemeente', 'Lid van de raad', 'shown'],
			['burger', 'Lid van de raad', 'suppressed']
		]);
		expect(rows[0].predicted).toBe(4.5);
		expect(rows[0].actual).toBeCloseTo(14 / 3, 12);
		expect(rows[2].predicted).toBeNull();
		expect(mirrorChart(results, theme, SCAN, false)).toBeNull();
	});

	it('finds every chart by its slug and nothing else', () => {
		expect(chartBySlug(results, SCAN, true, 'themas')?.kind).toBe('dumbbell');
		expect(chartBySlug(results, SCAN, true, 'themas-verschil')?.kind).toBe('dumbbell');
		expect(chartBySlug(results, SCAN, true, 'heatmap-eens')).toMatchObject({ kind: 'heatmap', measure: 'eens' });
		expect(chartBySlug(results, SCAN, true, 'stelling-a-2')).toMatchObject({ kind: 'diverging', title: 'Stelling 2: Stelling A2.' });
		expect(chartBySlug(results, SCAN, true, 'ladder-a-ladder')?.kind).toBe('ladder');
		expect(chartBySlug(results, SCAN, true, 'spiegel-thema-a')?.kind).toBe('mirror');
		expect(chartBySlug(results, SCAN, true, 'spinnenweb')?.kind).toBe('radar');
		expect(chartBySlug(results, SCAN, true, 'stelling-a-2', 'apart')).toMatchObject({ kind: 'diverging', neutral: 'apart' });
		const pilot = { id: 7, municipality: "'s-Hertogenbosch", roundLabel: 'Nulmeting' };
		expect(chartDownload(pilot, statementChart(results, theme.items[1], 'apart'))).toEqual({
			href: '/pilots/7/uitkomsten/grafiek/stelling-a-2?neutraal=apart',
			filename: 'quickscan-s-hertogenbosch-nulmeting-stelling-a-2-neutraal-apart'
		});
		expect(chartDownload(pilot, statementChart(results, theme.items[1]))).toEqual({
			href: '/pilots/7/uitkomsten/grafiek/stelling-a-2',
			filename: 'quickscan-s-hertogenbosch-nulmeting-stelling-a-2'
		});
		for (const slug of ['stelling-a-ladder', 'ladder-a-1', 'spiegel-a-1', 'stelling-', 'heatmap', 'x'])
			expect(chartBySlug(results, SCAN, true, slug)).toBeNull();
	});

	it('makes ASCII file names', () => {
		expect(chartFilename('Súdwest-Fryslân (demo)', 'Nulmeting', 'themas')).toBe('quickscan-sudwest-fryslan-demo-nulmeting-themas');
	});
});

describe('standalone SVG file', () => {
	it('wraps the chart with an XML declaration, its title, legend and source, all escaped', () => {
		const chart = '<svg viewBox="0 0 600 200" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>';
		const file = standaloneSvg(chart, {
			title: 'A < B & "C"',
			legend: [
				roleLegend([
					{ role: 'raad', label: 'Raad', suppressed: false },
					{ role: 'gemeente', label: 'Gemeente', suppressed: true }
				])
			],
			source: 'Bron',
			prefix: 'x'
		});
		expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640"')).toBe(true);
		expect(file).toContain('A &#60; B &#38; &#34;C&#34;');
		expect(file).toContain('>Raad</text>');
		expect(file).toContain('>Niet getoond, te weinig antwoorden: Gemeente</text>');
		expect(file).not.toContain('>Gemeente</text>');
		expect(file).toContain('<svg x="20" y=');
		expect(() => standaloneSvg('<svg></svg>', { title: '', legend: [], source: '', prefix: 'x' })).toThrow();
	});
});
