// The charts speak the language of the request that draws them, and the released results they are
// drawn from hold no interface text: a release is cached once for every language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inLocale } from '$lib/server/locale';
import { heatmapChart, ladderChart, mirrorChart, radarChart, statementChart, themeScoresChart, type ChartSpec } from './chart-data';
import { chartFileSource, chartSvgFile } from './svg-file';
import { analyse, source } from './test-data';

const catalogue = (lang: string) => JSON.parse(readFileSync(`messages/results/${lang}.json`, 'utf8')) as Record<string, unknown>;
/**
 * The Dutch phrases of the results catalogue that differ from the English (so "Ladder" or "CSV" do
 * not count), of ten letters or more: shorter words such as "Thema" are also in the test scan's texts.
 */
const dutchOnly = (() => {
	const [nl, en] = [catalogue('nl'), catalogue('en')];
	return Object.entries(nl)
		.filter(([key, value]) => typeof value === 'string' && value !== en[key] && !value.includes('{') && value.length >= 10)
		.map(([, value]) => value as string);
})();

function allCharts(results = analyse()): ChartSpec[] {
	const src = source(results);
	const theme = results.themes[0];
	return [
		themeScoresChart(src, 'scan'),
		radarChart(src),
		heatmapChart(src, 'gemiddelde'),
		heatmapChart(src, 'eens'),
		...theme.items.map((i) => statementChart(src, i, 'apart')),
		...theme.ladders.map((l) => ladderChart(src, l)),
		mirrorChart(src, theme)!
	];
}
const words = (chart: ChartSpec) => [
	chart.title,
	chart.description,
	...chart.legend.flatMap((g) => [g.label, g.note ?? '', ...g.entries.map((e) => e.label)])
];

describe('charts in English', () => {
	it('have English titles, descriptions and legends, with English numbers', () => {
		const charts = inLocale('en', () => allCharts());
		expect(charts[0].title).toBe('Average score per theme and per group');
		expect(charts[0].legend[0].label).toBe('Groups');
		expect(charts.find((c) => c.kind === 'diverging')!.title).toBe('Statement 1: Stelling A1.');
		expect(charts.find((c) => c.kind === 'diverging')!.description).toContain(
			'Lid van de raad: 0% agree, 100% disagree, average 1.3, 3 answers.'
		);
		expect(charts.find((c) => c.kind === 'diverging')!.description).toContain('Inwoner: too few answers.');
		for (const chart of charts)
			for (const text of words(chart)) for (const dutch of dutchOnly) expect(text, chart.slug).not.toContain(dutch);
	});

	it('draw English words into the downloaded file', () => {
		const files = inLocale('en', () =>
			allCharts().map((c) => chartSvgFile(c, chartFileSource({ municipality: 'Voorbeeldstad', roundLabel: 'Nulmeting' }, 3)))
		);
		const all = files.join('\n');
		for (const english of [
			'strongly disagree',
			'too few answers',
			'expectation',
			'desired',
			'← disagree',
			'A snapshot for the conversation'
		])
			expect(all).toContain(english);
		for (const dutch of ['helemaal oneens', 'te weinig antwoorden', 'verwachting', 'gewenst', '← oneens', 'Een foto voor het gesprek'])
			expect(all).not.toContain(dutch);
	});

	it('leave the released results as they were, so the next request gets its own language', () => {
		const results = analyse();
		const before = JSON.stringify(results);
		const en = inLocale('en', () => allCharts(results).map(words));
		const nl = allCharts(results).map(words);
		expect(JSON.stringify(results)).toBe(before);
		expect(en[0][0]).toBe('Average score per theme and per group');
		expect(nl[0][0]).toBe('Gemiddelde score per thema en per groep');
		// Nothing in the results themselves is an interface word of either language.
		for (const dutch of dutchOnly) expect(before).not.toContain(dutch);
	});
});
