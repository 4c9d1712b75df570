// The one home of how results are ranked: the main comparison of a statement, the order of the
// statements and themes a reader can choose, and the largest differences over all statements.
// Pages, charts and exports call these; none of them sorts figures by a rule of its own.
import type { Comparison, ItemResult, PilotResults, ThemeResult } from './aggregate';
import { shownRoles } from './pairs';

/** How the statements of a theme can be ordered (the codes are the page's `sorteer` values). */
export const ITEM_ORDERS = ['scan', 'verschil', 'eens'] as const;
export type ItemOrder = (typeof ITEM_ORDERS)[number];

/** How the themes can be ordered (the codes are the overview's `volgorde` values). */
export const THEME_ORDERS = ['scan', 'verschil'] as const;
export type ThemeOrder = (typeof THEME_ORDERS)[number];

export const isItemOrder = (value: string | null): value is ItemOrder => (ITEM_ORDERS as readonly (string | null)[]).includes(value);
export const isThemeOrder = (value: string | null): value is ThemeOrder => (THEME_ORDERS as readonly (string | null)[]).includes(value);

/** The two roles every results page compares first (the scan's `comparison`). */
export function mainPair(results: PilotResults): [string, string] {
	return results.comparison;
}

/** The comparison of the main two roles on a statement; null when either has no figures there. */
export function mainComparison(results: PilotResults, item: ItemResult): Comparison | null {
	const [a, b] = mainPair(results);
	return item.comparisons.find((c) => c.a === a && c.b === b) ?? null;
}

/** Whether any role has figures at all (reached the minimum group size). */
export function anyShown(results: PilotResults): boolean {
	return shownRoles(results).length > 0;
}

/** The roles of the main pair that are below the minimum group size, in role order. */
export function mainPairHidden(results: PilotResults): string[] {
	const pair = mainPair(results);
	return results.roles.filter((r) => pair.includes(r.role) && r.suppressed).map((r) => r.role);
}

/**
 * The roles below the minimum group size whose figures an order needs: then the statements stay
 * in scan order. By difference needs both main roles; by agreement only the first.
 */
export function orderHiddenBy(results: PilotResults, order: ItemOrder): string[] {
	const hidden = mainPairHidden(results);
	if (order === 'verschil') return hidden;
	if (order === 'eens') return hidden.filter((role) => role === mainPair(results)[0]);
	return [];
}

/** What a statement is ranked by in an order: larger first; null sorts last. */
function itemKey(results: PilotResults, item: ItemResult, order: Exclude<ItemOrder, 'scan'>): number | null {
	if (order === 'verschil') {
		const c = mainComparison(results, item);
		return c ? Math.abs(c.delta) : null;
	}
	return item.byRole[mainPair(results)[0]]?.agree ?? null;
}

/**
 * Statements in the chosen order. By difference: the largest |Cliff's delta| of the main pair
 * first; by agreement: the largest share that agrees of the first main role first. Ties, and the
 * statements without the figure (last), keep the scan order.
 */
export function sortItems(results: PilotResults, items: readonly ItemResult[], order: ItemOrder): ItemResult[] {
	if (order === 'scan') return [...items];
	return [...items].sort((p, q) => {
		const [x, y] = [itemKey(results, p, order), itemKey(results, q, order)];
		if (x === null || y === null) return x === null ? (y === null ? p.number - q.number : 1) : -1;
		return y - x || p.number - q.number;
	});
}

/** The largest differences between the main pair over all statements of the pilot, by |Cliff's delta|. */
export function largestDifferences(results: PilotResults, count = 5): { theme: ThemeResult; item: ItemResult; comparison: Comparison }[] {
	const themeOf = new Map(results.themes.flatMap((t) => t.items.map((i) => [i.id, t] as const)));
	return sortItems(
		results,
		results.themes.flatMap((t) => t.items),
		'verschil'
	)
		.map((item) => ({ theme: themeOf.get(item.id)!, item, comparison: mainComparison(results, item) }))
		.filter((x): x is { theme: ThemeResult; item: ItemResult; comparison: Comparison } => x.comparison !== null)
		.slice(0, count);
}

/**
 * Themes in the chosen order. By difference: the largest gap between the theme scores of the main
 * pair first; a theme without both scores last; ties keep the scan order.
 */
export function sortThemes(results: PilotResults, order: ThemeOrder): ThemeResult[] {
	if (order === 'scan') return [...results.themes];
	const [a, b] = mainPair(results);
	const gap = (t: ThemeResult) => {
		const x = t.scores[a];
		const y = t.scores[b];
		return x === null || y === null || x === undefined || y === undefined ? -1 : Math.abs(x - y);
	};
	return [...results.themes].sort((p, q) => gap(q) - gap(p));
}
