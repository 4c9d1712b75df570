// The one list of result charts: per kind, the download slugs that name it, the builder that makes
// it from a pilot's results, and the component that draws it (on the page and in the SVG file).
// A new kind of chart is one entry here; the download endpoint and the file renderer need no change.
import type { Component } from 'svelte';
import {
	heatmapChart,
	ladderChart,
	mirrorChart,
	radarChart,
	statementChart,
	themeScoresChart,
	type ChartKind,
	type ChartSource,
	type ChartSpec
} from './chart-data';
import DivergingBars from './DivergingBars.svelte';
import DumbbellChart from './DumbbellChart.svelte';
import Heatmap from './Heatmap.svelte';
import LadderChart from './LadderChart.svelte';
import MirrorChart from './MirrorChart.svelte';
import RadarChart from './RadarChart.svelte';
import type { HeatMeasure, NeutralPlacement } from './shapes';

/** Choices that change a chart's picture but not which chart it is (they travel as query parameters). */
export type ChartOptions = { neutral: NeutralPlacement };
export const DEFAULT_CHART_OPTIONS: ChartOptions = { neutral: 'midden' };

/** What every chart component takes; `svgOnly` draws just the wide <svg>, for the downloaded file; `slide` the drawing and legend only (slides, the printed report). */
export type ChartProps<S extends ChartSpec> = { chart: S; svgOnly?: boolean; slide?: boolean; download?: string | null; filename?: string };

type Entry<S extends ChartSpec> = {
	kind: S['kind'];
	/** The download slugs of this kind; the match goes to `build`. */
	slug: RegExp;
	build: (src: ChartSource, match: RegExpMatchArray, options: ChartOptions) => S | null;
	component: Component<ChartProps<S>>;
};
type Registry = { [K in ChartKind]: Entry<Extract<ChartSpec, { kind: K }>> };

const findItem = (src: ChartSource, id: string) => src.results.themes.flatMap((t) => t.items).find((i) => i.id === id);
const findLadder = (src: ChartSource, id: string) => src.results.themes.flatMap((t) => t.ladders).find((l) => l.id === id);

export const CHARTS: Registry = {
	dumbbell: {
		kind: 'dumbbell',
		slug: /^themas(-verschil)?$/,
		build: (src, [, byGap]) => themeScoresChart(src, byGap ? 'verschil' : 'scan'),
		component: DumbbellChart
	},
	radar: { kind: 'radar', slug: /^spinnenweb$/, build: (src) => radarChart(src), component: RadarChart },
	heatmap: {
		kind: 'heatmap',
		slug: /^heatmap-(gemiddelde|eens)$/,
		build: (src, [, measure]) => heatmapChart(src, measure as HeatMeasure),
		component: Heatmap
	},
	diverging: {
		kind: 'diverging',
		slug: /^stelling-(.+)$/,
		build: (src, [, id], options) => {
			const item = findItem(src, id);
			return item ? statementChart(src, item, options.neutral) : null;
		},
		component: DivergingBars
	},
	ladder: {
		kind: 'ladder',
		slug: /^ladder-(.+)$/,
		build: (src, [, id]) => {
			const ladder = findLadder(src, id);
			return ladder ? ladderChart(src, ladder) : null;
		},
		component: LadderChart
	},
	mirror: {
		kind: 'mirror',
		slug: /^spiegel-(.+)$/,
		build: (src, [, id]) => {
			const theme = src.results.themes.find((t) => t.id === id);
			return theme ? mirrorChart(src, theme) : null;
		},
		component: MirrorChart
	}
};

/** The chart a download slug names, or null when the pilot has no such chart. */
export function chartBySlug(src: ChartSource, slug: string, options: ChartOptions = DEFAULT_CHART_OPTIONS): ChartSpec | null {
	for (const entry of Object.values(CHARTS) as Entry<ChartSpec>[]) {
		const match = slug.match(entry.slug);
		if (match) return entry.build(src, match, options);
	}
	return null;
}

/** The component that draws a chart. */
export function chartComponent(chart: ChartSpec): Component<ChartProps<ChartSpec>> {
	return CHARTS[chart.kind].component as Component<ChartProps<ChartSpec>>;
}
