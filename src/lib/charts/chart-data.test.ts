import { describe, expect, it } from 'vitest';
import type { Counts } from '$lib/analysis/stats';
import { sortItems } from '$lib/analysis/ranking';
import { downloadName } from '$lib/download-name';
import { chartDownload, heatmapChart, mirrorChart, radarChart, statementChart, themeScoresChart } from './chart-data';
import { suppressedStatementText } from './format';
import { CATEGORIES, contrast, divergingSegments, heatColour, textWidth, wrapText } from './shapes';
import { analyse, source } from './test-data';

const results = analyse();
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
		const lines = wrapText('De gemeente vraagt de raad al aan het begin van een plan om advies.', 300, 18);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe('De gemeente vraagt de raad al aan het begin van een plan om advies.');
		for (const line of lines) expect(textWidth(line, 18)).toBeLessThanOrEqual(300);
		expect(wrapText('', 100, 18)).toEqual(['']);
	});
});

describe('chart data', () => {
	it('puts the theme scores on the radar axes in scan order, without a value for a series below k', () => {
		const radar = radarChart(source(results));
		expect(radar.axes.map((a) => a.id)).toEqual(results.themes.filter((t) => t.items.length).map((t) => t.id));
		expect(radar.axes[0].values.raad).toBeCloseTo(theme.scores.raad!, 12);
		expect(radar.axes[0].values.burger).toBeNull();
		expect(radar.series.find((s) => s.id === 'burger')?.suppressed).toBe(true);
	});

	it('gives every role a series with a look of its own, in role order', () => {
		const { series } = radarChart(source(results));
		expect(series.map((s) => [s.id, s.label, s.suppressed])).toEqual([
			['raad', 'Lid van de raad', false],
			['gemeente', 'Gemeente', false],
			['burger', 'Inwoner', true]
		]);
		expect(new Set(series.map((s) => s.style.shape)).size).toBe(3);
		expect(new Set(series.map((s) => s.style.color)).size).toBe(3);
	});

	it('gives a suppressed series no figures in a statement chart, and says so in the description', () => {
		const chart = statementChart(source(results), theme.items[0]);
		expect(chart.rows.map((r) => [r.series.id, r.state, r.stats === null])).toEqual([
			['raad', 'shown', false],
			['gemeente', 'shown', false],
			['burger', 'suppressed', true]
		]);
		expect(chart.description).toContain('Inwoner: te weinig antwoorden.');
		expect(chart.description).not.toMatch(/Inwoner: \d/);
		expect(chart.description).toContain('Lid van de raad: 0% eens, 100% oneens, gemiddeld 1,3, 3 antwoorden.');
	});

	it('gives a shown series with fewer than 3 scores on a statement no figures there, and says why', () => {
		const strict = analyse({ minStatementScores: undefined });
		const thinItem = strict.themes.flatMap((t) => t.items).find((i) => i.thin.length > 0);
		expect(thinItem, 'the test data has a statement with too few scores of a shown role').toBeDefined();
		const chart = statementChart(source(strict), thinItem!);
		const row = chart.rows.find((r) => r.series.id === thinItem!.thin[0])!;
		expect(row).toMatchObject({ state: 'thin', stats: null });
		expect(row.series.suppressed).toBe(false);
		expect(chart.description).toContain(`${row.series.label}: ${suppressedStatementText()}.`);
		const heat = heatmapChart(source(strict), 'gemiddelde').themes[0].items.find((i) => i.id === thinItem!.id)!;
		expect(heat.states).toMatchObject({ [thinItem!.thin[0]]: 'thin', burger: 'suppressed' });
		expect(heat.values[thinItem!.thin[0]]).toBeNull();
	});

	it('orders the theme rows as the analysis ranks them, numbered only in scan order', () => {
		const chart = themeScoresChart(source(results), 'scan');
		expect(chart.rows.map((r) => r.label)).toEqual(['1. Thema A']);
		expect(themeScoresChart(source(results), 'verschil')).toMatchObject({ slug: 'themas-verschil', rows: [{ label: 'Thema A' }] });
	});

	it('sorts statements by the gap of the main pair or by agreement of the main role', () => {
		expect(sortItems(results, theme.items, 'scan').map((i) => i.id)).toEqual(['a-1', 'a-2', 'a-3']);
		// |delta| raad–gemeente: a-1 = 1, a-3 ≈ 0.67, a-2 ≈ 0.22
		expect(sortItems(results, theme.items, 'verschil').map((i) => i.id)).toEqual(['a-1', 'a-3', 'a-2']);
		// share eens of raad: a-2 = 1, a-1 = 0, a-3 = 0 (a tie keeps the scan order)
		expect(sortItems(results, theme.items, 'eens').map((i) => i.id)).toEqual(['a-2', 'a-1', 'a-3']);
		// Without the main role's figures, the scan order stays.
		const hidden = analyse({ minGroupSize: 4 });
		expect(sortItems(hidden, hidden.themes[0].items, 'eens').map((i) => i.id)).toEqual(['a-1', 'a-2', 'a-3']);
	});

	it('shows a mirror row per predicting series, suppressed when either side is below k', () => {
		const chart = mirrorChart(source(results), theme)!;
		expect(chart.groups.map((g) => g.itemId)).toEqual(['a-1']);
		const rows = chart.groups[0].rows;
		expect(rows.map((r) => [r.series.id, r.target.label, r.state])).toEqual([
			['raad', 'Gemeente', 'shown'],
			['gemeente', 'Lid van de raad', 'shown'],
			['burger', 'Lid van de raad', 'suppressed']
		]);
		expect(rows[0].predicted).toBe(4.5);
		expect(rows[0].actual).toBeCloseTo(14 / 3, 12);
		expect(rows[2].predicted).toBeNull();
		expect(mirrorChart({ ...source(results), mirror: false }, theme)).toBeNull();
	});

	it('gives each chart a download address and an ASCII file name', () => {
		const pilot = { id: 7, municipality: "'s-Hertogenbosch", roundLabel: 'Nulmeting' };
		expect(chartDownload(pilot, statementChart(source(results), theme.items[1], 'apart'))).toEqual({
			href: '/pilots/7/uitkomsten/grafiek/stelling-a-2?neutraal=apart',
			filename: 'quickscan-s-hertogenbosch-nulmeting-stelling-a-2-neutraal-apart'
		});
		expect(chartDownload(pilot, statementChart(source(results), theme.items[1]))).toEqual({
			href: '/pilots/7/uitkomsten/grafiek/stelling-a-2',
			filename: 'quickscan-s-hertogenbosch-nulmeting-stelling-a-2'
		});
		expect(downloadName({ municipality: 'Súdwest-Fryslân (demo)', roundLabel: 'Nulmeting' }, 'themas')).toBe(
			'quickscan-sudwest-fryslan-demo-nulmeting-themas'
		);
	});
});
