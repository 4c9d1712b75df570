import { describe, expect, it } from 'vitest';
import { statementChart } from './chart-data';
import { seriesLegend } from './legend';
import { CHARTS, chartBySlug, chartComponent } from './registry';
import { seriesStyle } from './series';
import { chartFileSource, chartSvgFile, standaloneSvg } from './svg-file';
import { analyse, source } from './test-data';

const src = source(analyse());

describe('chart registry', () => {
	it('finds every chart by its slug and nothing else', () => {
		expect(chartBySlug(src, 'themas')?.kind).toBe('dumbbell');
		expect(chartBySlug(src, 'themas-verschil')).toMatchObject({ kind: 'dumbbell', slug: 'themas-verschil' });
		expect(chartBySlug(src, 'heatmap-eens')).toMatchObject({ kind: 'heatmap', measure: 'eens' });
		expect(chartBySlug(src, 'stelling-a-2')).toMatchObject({ kind: 'diverging', title: 'Stelling 2: Stelling A2.' });
		expect(chartBySlug(src, 'ladder-a-ladder')?.kind).toBe('ladder');
		expect(chartBySlug(src, 'spiegel-thema-a')?.kind).toBe('mirror');
		expect(chartBySlug(src, 'spinnenweb')?.kind).toBe('radar');
		expect(chartBySlug(src, 'stelling-a-2', { neutral: 'apart' })).toMatchObject({ kind: 'diverging', neutral: 'apart' });
		for (const slug of ['stelling-a-ladder', 'ladder-a-1', 'spiegel-a-1', 'stelling-', 'heatmap', 'x', 'themas-'])
			expect(chartBySlug(src, slug), slug).toBeNull();
	});

	it('has one entry per kind, and every chart it builds carries the slug that finds it again', () => {
		expect(Object.entries(CHARTS).every(([kind, entry]) => entry.kind === kind)).toBe(true);
		for (const slug of [
			'themas',
			'themas-verschil',
			'spinnenweb',
			'heatmap-gemiddelde',
			'heatmap-eens',
			'stelling-a-1',
			'ladder-a-ladder',
			'spiegel-thema-a'
		]) {
			const chart = chartBySlug(src, slug)!;
			expect(chart.slug).toBe(slug);
			expect(chartComponent(chart)).toBe(CHARTS[chart.kind].component);
		}
	});
});

describe('the SVG file of a chart', () => {
	it('is the chart’s own drawing with its title, legend and source, without hydration markers', () => {
		for (const slug of ['themas', 'spinnenweb', 'heatmap-gemiddelde', 'stelling-a-1', 'ladder-a-ladder', 'spiegel-thema-a']) {
			const chart = chartBySlug(src, slug)!;
			const file = chartSvgFile(chart, chartFileSource({ municipality: 'Voorbeeldstad', roundLabel: 'Nulmeting' }, 3));
			expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'), slug).toBe(true);
			expect(file, slug).not.toContain('<!--');
			expect(file, slug).toContain(`<title id="${chart.id}-title">`);
			// The source is wrapped over lines of its own.
			const words = [...file.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).join(' ');
			expect(words, slug).toContain(
				'Quickscan cliëntenparticipatie – Voorbeeldstad, Nulmeting. Een foto voor het gesprek, geen onderzoek.'
			);
			expect(file, slug).toContain('te weinig antwoorden');
		}
	});

	it('draws the neutral answer apart when asked', () => {
		const apart = chartSvgFile(statementChart(src, src.results.themes[0].items[0], 'apart'), 'Bron');
		expect(apart).toContain('>neutraal</text>');
		expect(chartSvgFile(statementChart(src, src.results.themes[0].items[0]), 'Bron')).not.toContain('>neutraal</text>');
	});

	it('wraps the chart with an XML declaration, its title, legend and source, all escaped', () => {
		const chart = '<svg viewBox="0 0 600 200" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>';
		const file = standaloneSvg(chart, {
			title: 'A < B & "C"',
			legend: [
				seriesLegend([
					{ id: 'raad', label: 'Raad', suppressed: false, style: seriesStyle(0) },
					{ id: 'gemeente', label: 'Gemeente', suppressed: true, style: seriesStyle(1) }
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
