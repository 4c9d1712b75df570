// Turns the (already suppressed) results of a pilot into the props of each chart, per request and
// in its language, so the results pages and the "Download als SVG" file draw exactly the same
// picture. The figures, their order and what may be shown come from $lib/analysis; this module
// only names and describes them. Each chart has a slug that names it in the download URL.
import type { ItemResult, LadderResult, PilotResults, ThemeResult } from '$lib/analysis/aggregate';
import { cellState, isDivided, mirrorStatements, type CellState } from '$lib/analysis/pairs';
import { sortThemes, type ThemeOrder } from '$lib/analysis/ranking';
import type { ItemStats } from '$lib/analysis/stats';
import { resultTexts, type ResultTexts } from '$lib/analysis/texts';
import { downloadName } from '$lib/download-name';
import { m } from '$lib/paraglide/messages';
import type { ScanDefinition } from '$lib/scan/schema';
import { answerCount, formatMean, formatShare, suppressedStatementText, suppressedText } from './format';
import { answerLegend, heatLegend, pairLegend, seriesLegend, type LegendGroup } from './legend';
import { roleSeries, type Series } from './series';
import type { HeatMeasure, NeutralPlacement } from './shapes';

type Base = { slug: string; id: string; title: string; description: string; legend: LegendGroup[] };

export type DumbbellRow = { id: string; label: string; values: Record<string, number | null> };
export type DumbbellSpec = Base & { kind: 'dumbbell'; rows: DumbbellRow[]; series: Series[] };

/** One series on a statement: `state` says whether its figures are shown, or why not. */
export type DivergingRow = { series: Series; state: CellState; stats: ItemStats | null; disagreement: boolean };
export type DivergingSpec = Base & { kind: 'diverging'; neutral: NeutralPlacement; rows: DivergingRow[] };

export type LadderSide = { counts: number[]; dontKnow: number; median: number | null };
export type LadderRow = { series: Series; now: LadderSide | null; desired: LadderSide | null };
export type LadderSpec = Base & { kind: 'ladder'; steps: string[]; rows: LadderRow[] };

export type MirrorRow = {
	series: Series;
	target: Series;
	/** shown: both series reach k and there are predictions; suppressed: one of them is below k. */
	state: 'shown' | 'suppressed' | 'empty';
	predicted: number | null;
	actual: number | null;
};
export type MirrorGroup = { itemId: string; number: number; text: string; rows: MirrorRow[] };
export type MirrorSpec = Base & { kind: 'mirror'; groups: MirrorGroup[] };

/** `states`: per series, whether its figure on this statement is shown, or why not. */
export type HeatItem = {
	id: string;
	number: number;
	text: string;
	values: Record<string, number | null>;
	states: Record<string, CellState>;
};
export type HeatmapSpec = Base & {
	kind: 'heatmap';
	measure: HeatMeasure;
	series: Series[];
	themes: { id: string; title: string; items: HeatItem[] }[];
};

export type RadarAxis = { id: string; label: string; values: Record<string, number | null> };
export type RadarSpec = Base & { kind: 'radar'; axes: RadarAxis[]; series: Series[] };

export type ChartSpec = DumbbellSpec | DivergingSpec | LadderSpec | MirrorSpec | HeatmapSpec | RadarSpec;
export type ChartKind = ChartSpec['kind'];

/** What every chart of a pilot is built from: its released results, its scan (for the words) and its series. */
export type ChartSource = { results: PilotResults; scan: ScanDefinition; mirror: boolean; texts: ResultTexts; series: Series[] };

export function chartSource(results: PilotResults, pilot: { scan: ScanDefinition; mirror: boolean }): ChartSource {
	const texts = resultTexts(pilot.scan, results);
	return { results, scan: pilot.scan, mirror: pilot.mirror, texts, series: roleSeries(results, texts) };
}

export function themeScoresChart(src: ChartSource, order: ThemeOrder): DumbbellSpec {
	return {
		kind: 'dumbbell',
		slug: order === 'verschil' ? 'themas-verschil' : 'themas',
		id: 'themascores',
		title: m.res_chart_themes_title(),
		description: m.res_chart_themes_description(),
		legend: [seriesLegend(src.series)],
		rows: sortThemes(src.results, order).map((t, i) => {
			const title = src.texts.theme(t.id);
			return { id: t.id, label: order === 'scan' ? `${i + 1}. ${title}` : title, values: t.scores };
		}),
		series: src.series
	};
}

/** The "spinnenweb": the same theme scores on axes in the fixed order of the scan. */
export function radarChart(src: ChartSource): RadarSpec {
	return {
		kind: 'radar',
		slug: 'spinnenweb',
		id: 'spinnenweb',
		title: m.res_chart_radar_title(),
		description: m.res_chart_radar_description(),
		legend: [seriesLegend(src.series, true)],
		axes: src.results.themes.filter((t) => t.items.length).map((t) => ({ id: t.id, label: src.texts.theme(t.id), values: t.scores })),
		series: src.series
	};
}

export function heatmapChart(src: ChartSource, measure: HeatMeasure): HeatmapSpec {
	const value = (s: ItemStats | null) => (s === null ? null : measure === 'gemiddelde' ? s.mean : s.agree);
	const mean = measure === 'gemiddelde';
	return {
		kind: 'heatmap',
		slug: `heatmap-${measure}`,
		id: `heatmap-${measure}`,
		title: mean ? m.res_chart_heat_mean_title() : m.res_chart_heat_agree_title(),
		description: mean ? m.res_chart_heat_mean_description() : m.res_chart_heat_agree_description(),
		legend: [heatLegend(measure), seriesLegend(src.series)],
		measure,
		series: src.series,
		themes: src.results.themes
			.filter((t) => t.items.length)
			.map((t) => ({
				id: t.id,
				title: src.texts.theme(t.id),
				items: t.items.map((item) => ({
					id: item.id,
					number: item.number,
					text: src.texts.item(item.id),
					values: Object.fromEntries(src.series.map((s) => [s.id, value(item.byRole[s.id] ?? null)])),
					states: Object.fromEntries(src.series.map((s) => [s.id, cellState(src.results, item, s.id)]))
				}))
			}))
	};
}

/** The heatmap of one theme's statements (the printed report shows one per theme), by the mean. */
export function themeHeatmapChart(src: ChartSource, theme: ThemeResult): HeatmapSpec {
	const all = heatmapChart(src, 'gemiddelde');
	return {
		...all,
		slug: `heatmap-${theme.id}`,
		id: `heatmap-${theme.id}`,
		title: m.res_chart_theme_heat_title({ theme: src.texts.theme(theme.id) }),
		themes: all.themes.filter((t) => t.id === theme.id)
	};
}

/** One series on a statement in words, for the chart's description. */
function statementRowText(row: DivergingRow): string {
	const label = row.series.label;
	if (row.state === 'suppressed') return m.res_row_hidden({ label, reason: suppressedText() });
	if (row.state === 'thin') return m.res_row_hidden({ label, reason: suppressedStatementText() });
	const s = row.stats;
	if (!s || s.n === 0) return m.res_row_no_scores({ label });
	const parts = [
		m.res_row_figures({
			label,
			agree: formatShare(s.agree),
			disagree: formatShare(s.disagree),
			mean: formatMean(s.mean),
			answers: answerCount(s.n)
		}),
		...(s.dontKnow ? [m.res_row_dont_know({ count: s.dontKnow })] : []),
		...(row.disagreement ? [m.res_divided()] : [])
	];
	return `${parts.join(', ')}.`;
}

export function statementChart(src: ChartSource, item: ItemResult, neutral: NeutralPlacement = 'midden'): DivergingSpec {
	const rows: DivergingRow[] = src.series.map((series) => {
		const state = cellState(src.results, item, series.id);
		return {
			series,
			state,
			stats: series.suppressed ? null : (item.byRole[series.id] ?? null),
			disagreement: isDivided(src.results, item, series.id)
		};
	});
	return {
		kind: 'diverging',
		slug: `stelling-${item.id}`,
		id: `stelling-${item.id}`,
		title: m.res_chart_statement_title({ number: item.number, text: src.texts.item(item.id) }),
		description: [
			m.res_chart_statement_description(),
			...(neutral === 'apart' ? [m.res_chart_statement_apart()] : []),
			...rows.map(statementRowText)
		].join(' '),
		legend: [answerLegend(), seriesLegend(src.series)],
		neutral,
		rows
	};
}

export function ladderChart(src: ChartSource, ladder: LadderResult): LadderSpec {
	return {
		kind: 'ladder',
		slug: `ladder-${ladder.id}`,
		id: `ladder-${ladder.id}`,
		title: m.res_chart_ladder_title({ text: src.texts.item(ladder.id) }),
		description: m.res_chart_ladder_description(),
		legend: [pairLegend(m.res_ladder_now(), m.res_ladder_desired_long()), seriesLegend(src.series)],
		steps: src.texts.steps(ladder.id),
		rows: src.series.map((series) => {
			const v = series.suppressed ? null : (ladder.byRole[series.id] ?? null);
			return { series, now: v?.now ?? null, desired: v?.desired ?? null };
		})
	};
}

/** Mirror results of a theme: per mirror statement and predicting series, or null without mirror statements. */
export function mirrorChart(src: ChartSource, theme: ThemeResult): MirrorSpec | null {
	const byId = new Map(src.series.map((s) => [s.id, s]));
	const groups: MirrorGroup[] = mirrorStatements(src.results, src.scan, src.mirror, theme).map(({ item, pairs }) => ({
		itemId: item.id,
		number: item.number,
		text: src.texts.item(item.id),
		rows: pairs.map((p) => ({
			series: byId.get(p.role)!,
			target: byId.get(p.target)!,
			state: p.state,
			predicted: p.result?.predicted ?? null,
			actual: p.result?.actual ?? null
		}))
	}));
	if (!groups.length) return null;
	return {
		kind: 'mirror',
		slug: `spiegel-${theme.id}`,
		id: `spiegel-${theme.id}`,
		title: m.res_chart_mirror_title({ theme: src.texts.theme(theme.id) }),
		description: m.res_chart_mirror_description(),
		legend: [pairLegend(m.res_mirror_expected(), m.res_mirror_actual_long()), seriesLegend(src.series)],
		groups
	};
}

/**
 * A theme's mirror chart as one chart per mirror statement: a whole theme's is taller than an A4
 * page, so the printed report shows them one by one (each stays on one page).
 */
export function mirrorChartParts(src: ChartSource, theme: ThemeResult): MirrorSpec[] {
	const whole = mirrorChart(src, theme);
	if (!whole) return [];
	const count = whole.groups.length;
	return whole.groups.map((group, i) => ({
		...whole,
		slug: `${whole.slug}-${group.itemId}`,
		id: `${whole.id}-${group.itemId}`,
		title: count > 1 ? m.res_chart_mirror_part_title({ index: i + 1, count, theme: src.texts.theme(theme.id) }) : whole.title,
		groups: [group]
	}));
}

/** Where "Download als SVG" gets a chart, with the choices that change its picture, and the file's name. */
export function chartDownload(
	pilot: { id: number; municipality: string; roundLabel: string },
	chart: ChartSpec
): { href: string; filename: string } {
	const apart = chart.kind === 'diverging' && chart.neutral === 'apart';
	return {
		href: `/pilots/${pilot.id}/uitkomsten/grafiek/${chart.slug}${apart ? '?neutraal=apart' : ''}`,
		filename: downloadName(pilot, fileSlug(chart))
	};
}

/** The part of a downloaded chart's file name that names the chart and its variant. */
export function fileSlug(chart: ChartSpec): string {
	return chart.kind === 'diverging' && chart.neutral === 'apart' ? `${chart.slug}-neutraal-apart` : chart.slug;
}
