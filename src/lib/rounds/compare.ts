// The change between two rounds of one municipality: per role, per statement and per theme, from
// the two pilots' latest releases only. A figure that either release does not show is never used,
// and a statement compares only when the wording is the same in both scan snapshots, or when the
// later scan marks it `comparableWith` the earlier statement (the scan author's decision).
import type { PilotResults } from '$lib/analysis/aggregate';
import type { LikertItem, ScanDefinition } from '$lib/scan/schema';

/** One round as the comparison reads it: its release's figures and the scan snapshot it asked. */
export type RoundSide = { results: PilotResults; scan: ScanDefinition };

/** Why a role has no change: hidden (below k) in one release, or not part of one of the pilots. */
export type RoleGap = 'hidden-before' | 'hidden-after' | 'missing-before' | 'missing-after';

/** How a statement pair was matched: the same id and wording, or marked comparable by the scan. */
export type MatchBasis = 'same' | 'marked';

/** Why a statement is listed as not comparable. */
export type NotComparableReason =
	/** Same id in both scans, but other wording, and the later scan does not mark it comparable. */
	| 'reworded'
	/** Only in this round's scan (or only asked now). */
	| 'new'
	/** Only in the previous round's scan. */
	| 'dropped'
	/** In both scans, but one of the rounds did not ask it (the short version). */
	| 'not-asked';

export type RoleChange = { before: number | null; after: number | null; change: number | null };

export type StatementChange = {
	/** The statement's id in this round, and in the previous round (differs only when marked). */
	id: string;
	previousId: string;
	themeId: string;
	basis: MatchBasis;
	byRole: Record<string, RoleChange>;
};

export type ThemeChange = {
	id: string;
	/** Per role: the means over the statements that both rounds show for that role, and how many. */
	byRole: Record<string, RoleChange & { statements: number }>;
};

export type NotComparable = { id: string; round: 'before' | 'after'; themeId: string; reason: NotComparableReason };

export type RoundComparison = {
	/** Roles shown in both releases, in this round's order: the only ones with figures below. */
	roles: string[];
	/** Roles of either pilot without a change, and why. */
	gaps: { role: string; reason: RoleGap }[];
	themes: ThemeChange[];
	statements: StatementChange[];
	notComparable: NotComparable[];
};

type Located = { item: LikertItem; themeId: string };

function likertItems(scan: ScanDefinition): Map<string, Located> {
	const items = new Map<string, Located>();
	for (const theme of scan.themes)
		for (const item of theme.items) if (item.type === 'likert') items.set(item.id, { item, themeId: theme.id });
	return items;
}

/** The statements a release has a row for (the variant decides which were asked), with their means per role. */
function releasedMeans(results: PilotResults): Map<string, Record<string, number | null>> {
	const means = new Map<string, Record<string, number | null>>();
	for (const theme of results.themes)
		for (const item of theme.items)
			means.set(item.id, Object.fromEntries(Object.entries(item.byRole).map(([r, s]) => [r, s?.mean ?? null])));
	return means;
}

function roleGaps(before: PilotResults, after: PilotResults): { roles: string[]; gaps: RoundComparison['gaps'] } {
	const shown = (results: PilotResults, role: string) => results.roles.some((r) => r.role === role && !r.suppressed);
	const known = (results: PilotResults, role: string) => results.roles.some((r) => r.role === role);
	const all = [...after.roles.map((r) => r.role), ...before.roles.map((r) => r.role).filter((r) => !known(after, r))];
	const roles: string[] = [];
	const gaps: RoundComparison['gaps'] = [];
	for (const role of all) {
		if (!known(before, role)) gaps.push({ role, reason: 'missing-before' });
		else if (!known(after, role)) gaps.push({ role, reason: 'missing-after' });
		else if (!shown(before, role)) gaps.push({ role, reason: 'hidden-before' });
		else if (!shown(after, role)) gaps.push({ role, reason: 'hidden-after' });
		else roles.push(role);
	}
	return { roles, gaps };
}

/**
 * Which earlier statement each statement of this round compares with. The later scan's mark wins
 * (it may point at another id, or at its own id after a rewording); otherwise id and wording must
 * both be the same. Marks are only read within one scan: another questionnaire is another question.
 */
function matchStatements(before: ScanDefinition, after: ScanDefinition) {
	const old = likertItems(before);
	const now = likertItems(after);
	const sameScan = before.id === after.id;
	const pairs: { id: string; previousId: string; themeId: string; basis: MatchBasis }[] = [];
	const notComparable: NotComparable[] = [];
	const matchedOld = new Set<string>();
	for (const [id, { item, themeId }] of now) {
		const marked = sameScan && item.comparableWith && old.has(item.comparableWith) ? item.comparableWith : null;
		const same = old.get(id);
		if (marked && !matchedOld.has(marked)) {
			const basis: MatchBasis = marked === id && same?.item.text === item.text ? 'same' : 'marked';
			pairs.push({ id, previousId: marked, themeId, basis });
			matchedOld.add(marked);
		} else if (same && same.item.text === item.text) {
			pairs.push({ id, previousId: id, themeId, basis: 'same' });
			matchedOld.add(id);
		} else notComparable.push({ id, round: 'after', themeId, reason: same ? 'reworded' : 'new' });
	}
	for (const [id, { themeId }] of old)
		if (!matchedOld.has(id) && !notComparable.some((n) => n.id === id && n.reason === 'reworded'))
			notComparable.push({ id, round: 'before', themeId, reason: 'dropped' });
	return { pairs, notComparable };
}

/**
 * Earlier statement id → its comparable statement's id in the later scan, for those that changed
 * id: what carried actions' links follow. Needs no release, so a plan can be carried at the start.
 */
export function renamedBetween(before: ScanDefinition, after: ScanDefinition): Map<string, string> {
	return new Map(
		matchStatements(before, after)
			.pairs.filter((p) => p.previousId !== p.id)
			.map((p) => [p.previousId, p.id])
	);
}

const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const difference = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);

/** The change from the previous round (`before`) to this one (`after`). */
export function compareRounds(before: RoundSide, after: RoundSide): RoundComparison {
	const { roles, gaps } = roleGaps(before.results, after.results);
	const { pairs, notComparable } = matchStatements(before.scan, after.scan);
	const meansBefore = releasedMeans(before.results);
	const meansAfter = releasedMeans(after.results);
	const statements: StatementChange[] = [];
	for (const pair of pairs) {
		const then = meansBefore.get(pair.previousId);
		const now = meansAfter.get(pair.id);
		// A statement one of the releases has no row for was not asked in that round (short version).
		if (!then || !now) {
			notComparable.push({ id: pair.id, round: 'after', themeId: pair.themeId, reason: 'not-asked' });
			continue;
		}
		const byRole: Record<string, RoleChange> = {};
		for (const role of roles) {
			const b = then[role] ?? null;
			const a = now[role] ?? null;
			byRole[role] = { before: b, after: a, change: difference(b, a) };
		}
		statements.push({ ...pair, byRole });
	}
	const themes: ThemeChange[] = after.scan.themes
		.map((theme) => {
			const own = statements.filter((s) => s.themeId === theme.id);
			const byRole: ThemeChange['byRole'] = {};
			for (const role of roles) {
				// The same statements on both sides: a statement hidden for this role in either round is in neither mean.
				const both = own.map((s) => s.byRole[role]).filter((c) => c.before !== null && c.after !== null);
				const b = average(both.map((c) => c.before!));
				const a = average(both.map((c) => c.after!));
				byRole[role] = { before: b, after: a, change: difference(b, a), statements: both.length };
			}
			return { id: theme.id, byRole };
		})
		.filter((t) => statements.some((s) => s.themeId === t.id));
	return { roles, gaps, themes, statements, notComparable };
}
