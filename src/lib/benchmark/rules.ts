// The one home of the benchmark's disclosure rules (issue 15, README "Benchmark"): which pilots and
// roles contribute, when a cell may show, which groupings exist, and how figures are coarsened.
// Pure: the server module reads releases and snapshots, this decides what may leave the server.

/** Rule 2: a pilot's role contributes only with at least this many respondents, whatever the pilot's own k. */
export const BENCHMARK_ROLE_FLOOR = 5;
/** Rule 3: the number of other contributing pilots a cell needs never goes below this. */
export const BENCHMARK_MIN_PILOTS_FLOOR = 5;
/** What the README advises: with 5, four pilots that pool their own reports can compute the fifth. */
export const BENCHMARK_MIN_PILOTS_ADVISED = 7;
/** Rule 5: a snapshot is remade only when at least this many pilots joined or left since the last one. */
export const SNAPSHOT_MIN_CHANGE = 2;

export type CouncilType = 'clientenraad' | 'adviesraad-werkgroep' | 'adviesraad';
export const COUNCIL_TYPES: readonly CouncilType[] = ['clientenraad', 'adviesraad-werkgroep', 'adviesraad'];

/** One pilot's part in a snapshot: its own role x theme means (rule 1), only for roles at or above the floor (rule 2). */
export type Contribution = { pilotId: number; councilType: CouncilType; values: Record<string, Record<string, number>> };

/** Rule 3's setting (BENCHMARK_MIN_PILOTS): a whole number, never below the floor; the floor when unset or unreadable. */
export function minPilotsSetting(value: string | undefined): number {
	const n = Number(value);
	if (!value || !Number.isInteger(n)) return BENCHMARK_MIN_PILOTS_FLOOR;
	return Math.max(BENCHMARK_MIN_PILOTS_FLOOR, n);
}

/**
 * A pilot's contribution from its release (rules 1 and 2): per role with at least the floor of
 * respondents, the theme scores the release holds (a suppressed role or theme has none). Null when
 * no role contributes.
 */
export function contributionOf(
	pilot: { id: number; councilType: CouncilType },
	respondents: Record<string, number>,
	scores: { theme: string; role: string; score: number | null }[]
): Contribution | null {
	const values: Record<string, Record<string, number>> = {};
	for (const { theme, role, score } of scores) {
		if (score === null || !Number.isFinite(score) || (respondents[role] ?? 0) < BENCHMARK_ROLE_FLOOR) continue;
		(values[role] ??= {})[theme] = score;
	}
	return Object.keys(values).length ? { pilotId: pilot.id, councilType: pilot.councilType, values } : null;
}

/** How many pilots joined or left between two contributing sets. */
export function membershipChange(before: readonly number[], after: readonly number[]): number {
	const a = new Set(before);
	const b = new Set(after);
	let changed = 0;
	for (const id of a) if (!b.has(id)) changed++;
	for (const id of b) if (!a.has(id)) changed++;
	return changed;
}

/** Rule 5: whether a new snapshot may replace the published one (there is none yet: always). */
export function mayRemake(published: readonly number[] | null, current: readonly number[]): boolean {
	return published === null || membershipChange(published, current) >= SNAPSHOT_MIN_CHANGE;
}

/** Rule 6: one decimal. */
export const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/** Rule 6: the number of pilots as a band, "5-9" and so on; `to` null for the open top band. */
export type Band = { from: number; to: number | null };
const BAND_STARTS = [5, 10, 20, 50, 100, 200, 500];
export function pilotBand(n: number): Band {
	let i = 0;
	while (i + 1 < BAND_STARTS.length && n >= BAND_STARTS[i + 1]) i++;
	return { from: BAND_STARTS[i], to: i + 1 < BAND_STARTS.length ? BAND_STARTS[i + 1] - 1 : null };
}

/** Quantile of sorted values, linear between ranks (as R's type 7 and d3.quantile). */
function quantile(sorted: readonly number[], p: number): number {
	const at = (sorted.length - 1) * p;
	const lo = Math.floor(at);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Where a pilot's own score lies against the others: in which quarter, or (without spread) against the median. */
export type Place = 'lowest-quarter' | 'second-quarter' | 'third-quarter' | 'highest-quarter' | 'below' | 'same' | 'above';

/** What a cell shows: rounded figures only, the count as a band; `spread` false when all pilots agree (rule 6). */
export type Distribution = {
	pilots: Band;
	median: number;
	spread: { q1: number; q3: number; min: number; max: number } | null;
};

/** The distribution of other pilots' means, coarsened by rule 6. Assumes the caller checked rule 3. */
export function distributionOf(values: readonly number[]): Distribution {
	const sorted = values.map(oneDecimal).sort((a, b) => a - b);
	const agree = sorted[0] === sorted[sorted.length - 1];
	return {
		pilots: pilotBand(sorted.length),
		median: oneDecimal(quantile(sorted, 0.5)),
		spread: agree
			? null
			: {
					q1: oneDecimal(quantile(sorted, 0.25)),
					q3: oneDecimal(quantile(sorted, 0.75)),
					min: sorted[0],
					max: sorted[sorted.length - 1]
				}
	};
}

/** A pilot's own (rounded) score placed against a shown distribution. */
export function placeOf(own: number, d: Distribution): Place {
	const v = oneDecimal(own);
	if (!d.spread) return v < d.median ? 'below' : v > d.median ? 'above' : 'same';
	if (v < d.spread.q1) return 'lowest-quarter';
	if (v < d.median) return 'second-quarter';
	if (v <= d.spread.q3) return 'third-quarter';
	return 'highest-quarter';
}

/** Rule 4: the only groupings. A filtered one names the council type it keeps. */
export type Grouping = { kind: 'all' } | { kind: 'council'; councilType: CouncilType };

/** Per theme: the distribution over the other pilots, or why it does not show. */
export type Cell =
	| { theme: string; shown: true; own: number | null; distribution: Distribution; place: Place | null }
	| { theme: string; shown: false; own: number | null; reason: 'few-pilots' | 'complement-too-small' };

export type RoleView = { role: string; ownTooSmall: boolean; cells: Cell[] };
export type GroupingView = { grouping: Grouping; roles: RoleView[] };

export type Viewer = {
	pilotId: number;
	councilType: CouncilType;
	/** Per role: respondents in the viewer's own latest release. */
	respondents: Record<string, number>;
	/** Per role and theme: the viewer's own score from its release, null when suppressed there. */
	own: Record<string, Record<string, number | null>>;
};

/**
 * What one pilot sees (rules 3, 4 and 6): per grouping, role and theme, the distribution over the
 * OTHER contributing pilots, shown only with at least `minPilots` of them; a council-type grouping
 * only when its complement (the other types) has at least as many too.
 */
export function benchmarkView(
	viewer: Viewer,
	contributions: readonly Contribution[],
	roles: readonly string[],
	themes: readonly string[],
	minPilots: number
): GroupingView[] {
	const k = Math.max(BENCHMARK_MIN_PILOTS_FLOOR, minPilots);
	const others = contributions.filter((c) => c.pilotId !== viewer.pilotId);
	const groupings: Grouping[] = [{ kind: 'all' }, { kind: 'council', councilType: viewer.councilType }];
	return groupings.map((grouping) => ({
		grouping,
		roles: roles.map((role) => {
			const ownTooSmall = (viewer.respondents[role] ?? 0) < BENCHMARK_ROLE_FLOOR;
			const cells = themes.map((theme): Cell => {
				const ownScore = ownTooSmall ? null : (viewer.own[role]?.[theme] ?? null);
				const own = ownScore === null ? null : oneDecimal(ownScore);
				const inCell = others.filter((c) => c.values[role]?.[theme] !== undefined);
				const kept = grouping.kind === 'all' ? inCell : inCell.filter((c) => c.councilType === grouping.councilType);
				if (kept.length < k) return { theme, shown: false, own, reason: 'few-pilots' };
				if (grouping.kind === 'council' && inCell.length - kept.length < k)
					return { theme, shown: false, own, reason: 'complement-too-small' };
				const distribution = distributionOf(kept.map((c) => c.values[role][theme]));
				return { theme, shown: true, own, distribution, place: ownScore === null ? null : placeOf(ownScore, distribution) };
			});
			return { role, ownTooSmall, cells };
		})
	}));
}
