// The chart of the change between two rounds for one role: a row per theme or statement, an open
// marker for the earlier round, a filled one for this round and an arrow between them. Rows an
// action of the earlier plan was about are marked. Built per request, in its language, from the
// round comparison ($lib/rounds/compare), which decides what may be shown.
import { m } from '$lib/paraglide/messages';
import type { RoleChange } from '$lib/rounds/compare';
import type { LegendGroup } from './legend';
import type { SeriesStyle } from './series';

export type RoundChangeRow = RoleChange & {
	id: string;
	label: string;
	/** Titles of the earlier plan's actions about this row; empty when none. */
	actions: string[];
};

export type RoundChangeSpec = {
	id: string;
	title: string;
	description: string;
	legend: LegendGroup[];
	/** The heading of the table's first column (thema, stelling). */
	rowHeading: string;
	rounds: [string, string];
	style: SeriesStyle;
	rows: RoundChangeRow[];
	/** "Bron: …", under the chart and in the downloaded picture's place on paper. */
	source: string;
};

/** The marker put before a row that an action of the earlier plan was about. */
export const ACTION_MARK = '★';

export function roundChangeChart(input: {
	id: string;
	kind: 'themes' | 'statements';
	role: string;
	rounds: [string, string];
	style: SeriesStyle;
	rows: RoundChangeRow[];
	source: string;
}): RoundChangeSpec {
	const [before, after] = input.rounds;
	const themes = input.kind === 'themes';
	const marked = input.rows.some((r) => r.actions.length);
	return {
		id: input.id,
		title: themes ? m.rd_chart_themes_title({ role: input.role }) : m.rd_chart_statements_title({ role: input.role }),
		description: m.rd_chart_description({ role: input.role, before, after }),
		legend: [
			{
				label: m.res_legend_markers(),
				entries: [
					{ kind: 'marker', label: before, style: { color: input.style.color, shape: 'circle' }, hollow: true },
					{ kind: 'marker', label: after, style: { color: input.style.color, shape: 'circle' } }
				],
				...(marked ? { note: m.rd_chart_marked_note({ mark: ACTION_MARK }) } : {})
			}
		],
		rowHeading: themes ? m.res_table_theme() : m.rd_table_statement(),
		rounds: input.rounds,
		style: input.style,
		rows: input.rows,
		source: input.source
	};
}
