// What each chart's legend says: the page shows it in HTML under the chart, and the downloaded
// SVG file draws the same groups under the picture. Built per request, in its language.
import { m } from '$lib/paraglide/messages';
import { formatMean, formatShare, suppressedText } from './format';
import type { MarkerStyle, Series } from './series';
import { CATEGORIES, DONT_KNOW, heatColour, HEAT_STEPS, type HeatMeasure } from './shapes';

export type LegendEntry =
	| { kind: 'marker'; label: string; style: MarkerStyle; hollow?: boolean; /** the series' line, when the chart draws one */ dash?: string }
	| { kind: 'swatch'; label: string; fill: string; hatch: string | null; category?: number };
/** `note` is a line of its own under the entries (the series with too few answers), so it is never read as part of an entry. */
export type LegendGroup = { label: string; entries: LegendEntry[]; note?: string };

/** The series of a chart with their marker (and line, for charts that draw one); hidden series on a note line. */
export function seriesLegend(series: readonly Series[], lines = false): LegendGroup {
	const small = series.filter((s) => s.suppressed).map((s) => s.label);
	return {
		label: m.res_legend_groups(),
		entries: series.flatMap((s): LegendEntry[] =>
			s.suppressed ? [] : [{ kind: 'marker', label: s.label, style: s.style, ...(lines ? { dash: s.style.dash } : {}) }]
		),
		...(small.length ? { note: m.res_legend_hidden({ reason: suppressedText(), names: small.join(', ') }) } : {})
	};
}

export function answerLegend(): LegendGroup {
	return {
		label: m.res_legend_answers(),
		entries: [
			...CATEGORIES.map((c, i): LegendEntry => ({
				kind: 'swatch',
				label: `${i + 1} ${c.label.toLowerCase()}`,
				fill: c.fill,
				hatch: c.hatch,
				category: i
			})),
			{ kind: 'swatch', label: DONT_KNOW.label.toLowerCase(), fill: DONT_KNOW.fill, hatch: null }
		]
	};
}

export function heatLegend(measure: HeatMeasure): LegendGroup {
	return {
		label: measure === 'gemiddelde' ? m.res_legend_heat_mean() : m.res_legend_heat_agree(),
		entries: HEAT_STEPS[measure].map((v) => ({
			kind: 'swatch',
			label: measure === 'gemiddelde' ? formatMean(v) : formatShare(v),
			fill: heatColour(measure, v).fill,
			hatch: null
		}))
	};
}

/** Open marker = the first value ("nu", "verwachting"), filled marker = the second. */
export function pairLegend(first: string, second: string): LegendGroup {
	const style: MarkerStyle = { color: '#1a1a1a', shape: 'circle' };
	return {
		label: m.res_legend_markers(),
		entries: [
			{ kind: 'marker', label: first, style, hollow: true },
			{ kind: 'marker', label: second, style }
		]
	};
}
