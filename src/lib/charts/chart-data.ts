// Turns the (already suppressed) results of a pilot into the props of each chart, once, so the
// results pages and the "Download als SVG" endpoint draw exactly the same picture. Each chart has
// a slug that names it in the download URL.
import type { ItemResult, LadderResult, PilotResults, RoleResult, ThemeResult } from '$lib/analysis/aggregate';
import type { ItemStats } from '$lib/analysis/stats';
import type { ScanDefinition } from '$lib/scan/schema';
import { formatMean, formatShare, SUPPRESSED, SUPPRESSED_STATEMENT } from './format';
import { answerLegend, heatLegend, pairLegend, roleLegend, type LegendGroup } from './legend';
import type { HeatMeasure, NeutralPlacement } from './shapes';

type Base = { slug: string; id: string; title: string; description: string; legend: LegendGroup[] };

export type DumbbellRow = { id: string; label: string; values: Record<string, number | null> };
export type DumbbellSpec = Base & { kind: 'dumbbell'; rows: DumbbellRow[]; roles: RoleResult[] };

export type DivergingRow = {
	role: string;
	label: string;
	index: number;
	suppressed: boolean;
	thin: boolean;
	stats: ItemStats | null;
	disagreement: boolean;
};
export type DivergingSpec = Base & { kind: 'diverging'; neutral: NeutralPlacement; rows: DivergingRow[] };

type LadderSide = { counts: number[]; dontKnow: number; median: number | null };
export type LadderRole = {
	role: string;
	label: string;
	index: number;
	suppressed: boolean;
	now: LadderSide | null;
	desired: LadderSide | null;
};
export type LadderSpec = Base & { kind: 'ladder'; steps: string[]; roles: LadderRole[] };

export type MirrorRow = {
	role: string;
	roleLabel: string;
	roleIndex: number;
	targetLabel: string;
	targetIndex: number;
	/** shown: both groups reach k and there are predictions; suppressed: one group is below k. */
	state: 'shown' | 'suppressed' | 'empty';
	predicted: number | null;
	actual: number | null;
};
export type MirrorGroup = { itemId: string; number: number; text: string; rows: MirrorRow[] };
export type MirrorSpec = Base & { kind: 'mirror'; groups: MirrorGroup[] };

/** `thin`: shown roles with too few scores on this statement to show them. */
export type HeatItem = { id: string; number: number; text: string; values: Record<string, number | null>; thin: string[] };
export type HeatmapSpec = Base & {
	kind: 'heatmap';
	measure: HeatMeasure;
	roles: RoleResult[];
	themes: { id: string; title: string; items: HeatItem[] }[];
};

export type RadarAxis = { id: string; label: string; values: Record<string, number | null> };
export type RadarSpec = Base & { kind: 'radar'; axes: RadarAxis[]; roles: RoleResult[] };

export type ChartSpec = DumbbellSpec | DivergingSpec | LadderSpec | MirrorSpec | HeatmapSpec | RadarSpec;

export type ThemeOrder = 'scan' | 'verschil';
export type ItemOrder = 'scan' | 'verschil' | 'eens';

const roleIndex = (results: PilotResults, role: string) => results.roles.findIndex((r) => r.role === role);
const roleLabel = (results: PilotResults, role: string) => results.roles.find((r) => r.role === role)?.label ?? role;

/** The comparison of the main two roles on an item, when both reach k. */
export function mainComparison(results: PilotResults, item: ItemResult) {
	const [a, b] = results.comparison;
	return item.comparisons.find((c) => c.a === a && c.b === b) ?? null;
}

export function themeScoresChart(results: PilotResults, order: ThemeOrder): DumbbellSpec {
	const [a, b] = results.comparison;
	const gap = (t: ThemeResult) => {
		const x = t.scores[a];
		const y = t.scores[b];
		return x === null || y === null || x === undefined || y === undefined ? -1 : Math.abs(x - y);
	};
	const themes = order === 'verschil' ? [...results.themes].sort((p, q) => gap(q) - gap(p)) : results.themes;
	return {
		kind: 'dumbbell',
		slug: order === 'verschil' ? 'themas-verschil' : 'themas',
		id: 'themascores',
		title: 'Gemiddelde score per thema en per groep',
		description: 'Voor elk thema staat per groep een punt op de schaal van 1 tot 5. De precieze cijfers staan in de tabel.',
		legend: [roleLegend(results.roles)],
		rows: themes.map((t, i) => ({ id: t.id, label: `${order === 'scan' ? `${i + 1}. ` : ''}${t.title}`, values: t.scores })),
		roles: results.roles
	};
}

/** The "spinnenweb": the same theme scores on axes in the fixed order of the scan. */
export function radarChart(results: PilotResults): RadarSpec {
	return {
		kind: 'radar',
		slug: 'spinnenweb',
		id: 'spinnenweb',
		title: 'Spinnenweb: gemiddelde score per thema en per groep',
		description:
			'Elk thema is een as, in de volgorde van de vragenlijst. De ringen staan voor 1 tot 5: hoe verder naar buiten, hoe hoger de score. Per groep loopt een lijn langs de scores. De precieze cijfers staan in de tabel.',
		legend: [roleLegend(results.roles, true)],
		axes: results.themes.filter((t) => t.items.length).map((t) => ({ id: t.id, label: t.title, values: t.scores })),
		roles: results.roles
	};
}

export function heatmapChart(results: PilotResults, measure: HeatMeasure): HeatmapSpec {
	const value = (s: ItemStats | null) => (s === null ? null : measure === 'gemiddelde' ? s.mean : s.agree);
	return {
		kind: 'heatmap',
		slug: `heatmap-${measure}`,
		id: `heatmap-${measure}`,
		title: measure === 'gemiddelde' ? 'Gemiddelde per stelling en per groep' : 'Deel dat het eens is, per stelling en per groep',
		description:
			measure === 'gemiddelde'
				? 'Een vak per stelling en groep. Hoe donkerder het vak, hoe hoger het gemiddelde op de schaal van 1 tot 5. Het cijfer staat in elk vak en in de tabel.'
				: 'Een vak per stelling en groep. Hoe donkerder het vak, hoe meer mensen het eens of helemaal eens zijn. Het percentage staat in elk vak en in de tabel.',
		legend: [heatLegend(measure), roleLegend(results.roles)],
		measure,
		roles: results.roles,
		themes: results.themes
			.filter((t) => t.items.length)
			.map((t) => ({
				id: t.id,
				title: t.title,
				items: t.items.map((item) => ({
					id: item.id,
					number: item.number,
					text: item.text,
					values: Object.fromEntries(results.roles.map((r) => [r.role, value(item.byRole[r.role] ?? null)])),
					thin: item.thin
				}))
			}))
	};
}

export function statementChart(results: PilotResults, item: ItemResult, neutral: NeutralPlacement = 'midden'): DivergingSpec {
	const rows: DivergingRow[] = results.roles.map((r, index) => ({
		role: r.role,
		label: r.label,
		index,
		suppressed: r.suppressed,
		thin: item.thin.includes(r.role),
		stats: r.suppressed ? null : (item.byRole[r.role] ?? null),
		disagreement: !r.suppressed && item.disagreement[r.role] === true
	}));
	const says = rows.map((row) => {
		if (row.suppressed) return `${row.label}: ${SUPPRESSED}.`;
		if (row.thin) return `${row.label}: ${SUPPRESSED_STATEMENT}.`;
		const s = row.stats;
		if (!s || s.n === 0) return `${row.label}: geen antwoorden van 1 tot 5.`;
		return `${row.label}: ${formatShare(s.agree)} eens, ${formatShare(s.disagree)} oneens, gemiddeld ${formatMean(s.mean)}, ${s.n} antwoorden${s.dontKnow ? `, ${s.dontKnow} keer weet niet` : ''}${row.disagreement ? ', meningen verdeeld' : ''}.`;
	});
	return {
		kind: 'diverging',
		slug: `stelling-${item.id}`,
		id: `stelling-${item.id}`,
		title: `Stelling ${item.number}: ${item.text}`,
		description: `Per groep een balk: links wie het oneens is, rechts wie het eens is.${neutral === 'apart' ? ' Wie niet eens en niet oneens is, staat apart naast de balk.' : ''} ${says.join(' ')}`,
		legend: [answerLegend(), roleLegend(results.roles)],
		neutral,
		rows
	};
}

export function ladderChart(results: PilotResults, ladder: LadderResult): LadderSpec {
	return {
		kind: 'ladder',
		slug: `ladder-${ladder.id}`,
		id: `ladder-${ladder.id}`,
		title: `Ladder: ${ladder.text}`,
		description:
			'De vijf treden van de ladder, van 1 (onderaan) tot 5 (bovenaan). Per groep staat een open teken bij hoe het nu is en een dicht teken bij hoe het zou moeten zijn (de middelste waarde, de mediaan). Een pijl loopt van nu naar hoe het zou moeten zijn. De verdeling staat in de tabel.',
		legend: [pairLegend('nu', 'gewenst: zo zou het moeten zijn'), roleLegend(results.roles)],
		steps: ladder.steps,
		roles: results.roles.map((r, index) => {
			const v = r.suppressed ? null : (ladder.byRole[r.role] ?? null);
			return { role: r.role, label: r.label, index, suppressed: r.suppressed, now: v?.now ?? null, desired: v?.desired ?? null };
		})
	};
}

/** Mirror results of a theme: per mirror statement and predicting role, or null without mirror statements. */
export function mirrorChart(results: PilotResults, theme: ThemeResult, scan: ScanDefinition, mirror: boolean): MirrorSpec | null {
	if (!mirror) return null;
	const mirrorItems = new Set(
		scan.themes
			.find((t) => t.id === theme.id)
			?.items.filter((i) => i.type === 'likert' && i.mirror)
			.map((i) => i.id)
	);
	const groups: MirrorGroup[] = theme.items
		.filter((item) => mirrorItems.has(item.id))
		.map((item) => ({
			itemId: item.id,
			number: item.number,
			text: item.text,
			rows: results.roles.flatMap((r): MirrorRow[] => {
				const target = scan.roles.find((x) => x.id === r.role)?.mirrorTarget;
				const targetRole = target ? results.roles.find((x) => x.role === target) : undefined;
				if (!target || !targetRole) return [];
				const found = item.mirrors.find((m) => m.role === r.role && m.target === target);
				const state = r.suppressed || targetRole.suppressed ? 'suppressed' : found ? 'shown' : 'empty';
				return [
					{
						role: r.role,
						roleLabel: r.label,
						roleIndex: roleIndex(results, r.role),
						targetLabel: roleLabel(results, target),
						targetIndex: roleIndex(results, target),
						state,
						predicted: state === 'shown' ? found!.predicted : null,
						actual: state === 'shown' ? found!.actual : null
					}
				];
			})
		}))
		.filter((g) => g.rows.length);
	if (!groups.length) return null;
	return {
		kind: 'mirror',
		slug: `spiegel-${theme.id}`,
		id: `spiegel-${theme.id}`,
		title: `Spiegelvragen: ${theme.title}`,
		description:
			'Per stelling en per groep: wat de groep verwachtte dat de andere groep zou antwoorden (open teken) en wat de andere groep echt antwoordde (dicht teken), als gemiddelde op de schaal van 1 tot 5. Een pijl loopt van de verwachting naar het echte antwoord. De cijfers staan in de tabel.',
		legend: [pairLegend('verwachting', 'werkelijk antwoord van de andere groep'), roleLegend(results.roles)],
		groups
	};
}

/** The statements of a theme in the chosen order; items without the figure sort last, in scan order. */
export function sortItems(results: PilotResults, items: readonly ItemResult[], order: ItemOrder): ItemResult[] {
	if (order === 'scan') return [...items];
	const key = (item: ItemResult): number | null => {
		if (order === 'verschil') {
			const c = mainComparison(results, item);
			return c ? Math.abs(c.delta) : null;
		}
		return item.byRole[results.comparison[0]]?.agree ?? null;
	};
	return [...items].sort((p, q) => {
		const [x, y] = [key(p), key(q)];
		if (x === null || y === null) return x === null ? (y === null ? p.number - q.number : 1) : -1;
		return y - x || p.number - q.number;
	});
}

/** The chart a download slug names, or null when the pilot has no such chart. */
export function chartBySlug(
	results: PilotResults,
	scan: ScanDefinition,
	mirror: boolean,
	slug: string,
	neutral: NeutralPlacement = 'midden'
): ChartSpec | null {
	if (slug === 'themas' || slug === 'themas-verschil') return themeScoresChart(results, slug === 'themas' ? 'scan' : 'verschil');
	if (slug === 'spinnenweb') return radarChart(results);
	if (slug === 'heatmap-gemiddelde' || slug === 'heatmap-eens')
		return heatmapChart(results, slug === 'heatmap-eens' ? 'eens' : 'gemiddelde');
	const [, kind, rest] = slug.match(/^(stelling|ladder|spiegel)-(.+)$/) ?? [];
	for (const theme of results.themes) {
		if (kind === 'spiegel' && theme.id === rest) return mirrorChart(results, theme, scan, mirror);
		const item = kind === 'stelling' && theme.items.find((i) => i.id === rest);
		if (item) return statementChart(results, item, neutral);
		const ladder = kind === 'ladder' && theme.ladders.find((l) => l.id === rest);
		if (ladder) return ladderChart(results, ladder);
	}
	return null;
}

/** Where "Download als SVG" gets a chart, with the choices that change its picture, and the file's name. */
export function chartDownload(
	pilot: { id: number; municipality: string; roundLabel: string },
	chart: ChartSpec
): { href: string; filename: string } {
	const apart = chart.kind === 'diverging' && chart.neutral === 'apart';
	return {
		href: `/pilots/${pilot.id}/uitkomsten/grafiek/${chart.slug}${apart ? '?neutraal=apart' : ''}`,
		filename: chartFilename(pilot.municipality, pilot.roundLabel, fileSlug(chart))
	};
}

/** The part of a downloaded chart's file name that names the chart and its variant. */
export function fileSlug(chart: ChartSpec): string {
	return chart.kind === 'diverging' && chart.neutral === 'apart' ? `${chart.slug}-neutraal-apart` : chart.slug;
}

/** A file name for a downloaded chart: ASCII only, so every system accepts it. */
export function chartFilename(municipality: string, roundLabel: string, slug: string): string {
	const safe = (s: string) =>
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	return ['quickscan', safe(municipality), safe(roundLabel), slug].filter(Boolean).join('-').slice(0, 120);
}
