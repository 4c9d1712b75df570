// What may be shown of one statement per role, per pair of roles and per mirror pair, with the
// reason when nothing is shown. The one home of these states: the charts, the pages and the
// exports all ask here instead of going back to the scan or to the suppression flags themselves.
import type { Comparison, ItemResult, MirrorResult, PilotResults, ThemeResult } from './aggregate';
import type { ScanDefinition } from '$lib/scan/schema';

/**
 * A role's figures on a statement: `suppressed` when the role is below the minimum group size,
 * `thin` when it is shown but too few of them gave a score here, else `shown`.
 */
export type CellState = 'shown' | 'suppressed' | 'thin';

/** The roles that reached the minimum group size: the only ones with figures, answers or rows anywhere. */
export function shownRoles(results: PilotResults): string[] {
	return results.roles.filter((r) => !r.suppressed).map((r) => r.role);
}

export function cellState(results: PilotResults, item: ItemResult, role: string): CellState {
	if (results.roles.find((r) => r.role === role)?.suppressed ?? true) return 'suppressed';
	return item.thin.includes(role) ? 'thin' : 'shown';
}

/** Whether a shown role's opinions are divided on a statement: many agree and many disagree. */
export function isDivided(results: PilotResults, item: ItemResult, role: string): boolean {
	return cellState(results, item, role) === 'shown' && item.disagreement[role] === true;
}

/** The roles whose opinions are divided on a statement, in role order. */
export function dividedRoles(results: PilotResults, item: ItemResult): string[] {
	return results.roles.filter((r) => isDivided(results, item, r.role)).map((r) => r.role);
}

/**
 * Two roles on a statement. `suppressed`: either is below the minimum group size; `thin`: either
 * has too few scores here; `empty`: both have figures but no difference can be computed.
 */
export type PairState = 'shown' | 'suppressed' | 'thin' | 'empty';
export type ComparisonPair = { a: string; b: string; state: PairState; comparison: Comparison | null };

/** Every pair of the pilot's roles on a statement, in role order (a before b), with its state. */
export function comparisonPairs(results: PilotResults, item: ItemResult): ComparisonPair[] {
	const roles = results.roles.map((r) => r.role);
	const pairs: ComparisonPair[] = [];
	for (let i = 0; i < roles.length; i++)
		for (let j = i + 1; j < roles.length; j++) {
			const [a, b] = [roles[i], roles[j]];
			const states = [cellState(results, item, a), cellState(results, item, b)];
			if (states.includes('suppressed')) pairs.push({ a, b, state: 'suppressed', comparison: null });
			else if (states.includes('thin')) pairs.push({ a, b, state: 'thin', comparison: null });
			else {
				const comparison = item.comparisons.find((c) => c.a === a && c.b === b) ?? null;
				pairs.push({ a, b, state: comparison ? 'shown' : 'empty', comparison });
			}
		}
	return pairs;
}

/**
 * A role's expectation of its mirror target on one statement. `suppressed`: either role is below
 * the minimum group size; `empty`: both are shown but there is no mirror figure (too few
 * predictions, or no figures of the target on this statement).
 */
export type MirrorState = 'shown' | 'suppressed' | 'empty';
export type MirrorPair = { role: string; target: string; state: MirrorState; result: MirrorResult | null };
export type MirrorStatement = { item: ItemResult; pairs: MirrorPair[] };

/**
 * The mirror statements of a theme, each with a pair per role of the pilot whose mirror target is
 * also in the pilot; none when the pilot asked no mirror questions. A statement without such a
 * pair is left out.
 */
export function mirrorStatements(results: PilotResults, scan: ScanDefinition, mirror: boolean, theme: ThemeResult): MirrorStatement[] {
	if (!mirror) return [];
	const flagged = new Set(
		scan.themes
			.find((t) => t.id === theme.id)
			?.items.filter((i) => i.type === 'likert' && i.mirror)
			.map((i) => i.id)
	);
	const suppressed = new Map(results.roles.map((r) => [r.role, r.suppressed]));
	const targets = results.roles.flatMap((r) => {
		const target = scan.roles.find((x) => x.id === r.role)?.mirrorTarget;
		return target && suppressed.has(target) ? [{ role: r.role, target }] : [];
	});
	return theme.items
		.filter((item) => flagged.has(item.id))
		.map((item) => ({
			item,
			pairs: targets.map(({ role, target }): MirrorPair => {
				if (suppressed.get(role) || suppressed.get(target)) return { role, target, state: 'suppressed', result: null };
				const result = item.mirrors.find((m) => m.role === role && m.target === target) ?? null;
				return { role, target, state: result ? 'shown' : 'empty', result };
			})
		}))
		.filter((s) => s.pairs.length > 0);
}
