// What the benchmark chart draws for one role and grouping: per theme the distribution over other
// pilots (already coarsened by $lib/benchmark/rules) and this pilot's own score, with its legend
// and the words of its table. Built per request, in its language.
import type { Cell, Distribution, Place } from '$lib/benchmark/rules';
import { m } from '$lib/paraglide/messages';
import type { LegendGroup } from './legend';
import { seriesStyle, type SeriesStyle } from './series';

export type BenchmarkRow = {
	id: string;
	label: string;
	own: number | null;
	distribution: Distribution | null;
	place: string | null;
	pilots: string | null;
};
export type BenchmarkSpec = {
	id: string;
	title: string;
	description: string;
	legend: LegendGroup[];
	style: SeriesStyle;
	rows: BenchmarkRow[];
};

const placeWords = (): Record<Place, string> => ({
	'lowest-quarter': m.bm_place_lowest(),
	'second-quarter': m.bm_place_second(),
	'third-quarter': m.bm_place_third(),
	'highest-quarter': m.bm_place_highest(),
	below: m.bm_place_below(),
	same: m.bm_place_same(),
	above: m.bm_place_above()
});

/** The band of pilots in words: "5-9 gemeenten", "500 of meer gemeenten". */
export const bandText = (band: Distribution['pilots']) =>
	band.to === null ? m.bm_band_open({ from: band.from }) : m.bm_band({ from: band.from, to: band.to });

export function benchmarkChart(input: {
	id: string;
	grouping: string;
	role: string;
	styleIndex: number;
	cells: (Cell & { label: string })[];
}): BenchmarkSpec {
	const style = seriesStyle(input.styleIndex);
	const places = placeWords();
	return {
		id: input.id,
		title: m.bm_chart_title({ role: input.role, grouping: input.grouping.toLowerCase() }),
		description: m.bm_chart_desc(),
		style,
		legend: [
			{
				label: m.bm_legend(),
				entries: [
					{ kind: 'marker', label: m.bm_legend_own(), style },
					{ kind: 'swatch', label: m.bm_legend_middle(), fill: '#d9d9d9', hatch: null },
					{ kind: 'swatch', label: m.bm_legend_median(), fill: '#1a1a1a', hatch: null }
				]
			}
		],
		rows: input.cells.map((c) => ({
			id: c.theme,
			label: c.label,
			own: c.own,
			distribution: c.shown ? c.distribution : null,
			place: c.shown && c.place ? places[c.place] : null,
			pilots: c.shown ? bandText(c.distribution.pilots) : null
		}))
	};
}
