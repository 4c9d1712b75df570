// The statistics of product.md ("Analysis definitions"), exactly: per item and role the counts,
// mean, median, agree/disagree shares and sample standard deviation, and between two roles the
// difference of means and Cliff's delta. Pure functions on counts, so they are cheap and exact.

export type Score = 1 | 2 | 3 | 4 | 5;
/** counts[0] is the number of 1s, …, counts[4] the number of 5s. */
export type Counts = [number, number, number, number, number];

export type ItemStats = {
	n: number;
	dontKnow: number;
	missing: number;
	counts: Counts;
	mean: number | null;
	median: number | null;
	agree: number | null;
	disagree: number | null;
	sd: number | null;
};

export function emptyCounts(): Counts {
	return [0, 0, 0, 0, 0];
}

export function countScores(scores: readonly number[]): Counts {
	const counts = emptyCounts();
	for (const s of scores) counts[s - 1]++;
	return counts;
}

/** The k-th smallest value (0-based) of the distribution. */
function nth(counts: Counts, k: number): number {
	let seen = 0;
	for (let v = 0; v < 5; v++) {
		seen += counts[v];
		if (k < seen) return v + 1;
	}
	throw new RangeError('k out of range');
}

export function itemStats(counts: Counts, dontKnow: number, respondents: number): ItemStats {
	const n = counts.reduce((a, b) => a + b, 0);
	const missing = respondents - n - dontKnow;
	if (n === 0) return { n, dontKnow, missing, counts, mean: null, median: null, agree: null, disagree: null, sd: null };
	let sum = 0;
	for (let v = 0; v < 5; v++) sum += counts[v] * (v + 1);
	const mean = sum / n;
	const median = medianOf(counts)!;
	let squares = 0;
	for (let v = 0; v < 5; v++) squares += counts[v] * (v + 1 - mean) ** 2;
	return {
		n,
		dontKnow,
		missing,
		counts,
		mean,
		median,
		agree: (counts[3] + counts[4]) / n,
		disagree: (counts[0] + counts[1]) / n,
		sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null
	};
}

export type DeltaLabel = 'negligible' | 'small' | 'medium' | 'large';

/** Cliff's delta d = (#(a>b) − #(a<b)) / (nA·nB) over all pairs of valid answers; null without pairs. */
export function cliffsDelta(a: Counts, b: Counts): number | null {
	const nA = a.reduce((x, y) => x + y, 0);
	const nB = b.reduce((x, y) => x + y, 0);
	if (nA === 0 || nB === 0) return null;
	let greater = 0;
	let less = 0;
	let bBelow = 0; // number of b values below the current value
	for (let v = 0; v < 5; v++) {
		const bAbove = nB - bBelow - b[v];
		greater += a[v] * bBelow;
		less += a[v] * bAbove;
		bBelow += b[v];
	}
	return (greater - less) / (nA * nB);
}

/** Romano et al. (2006): negligible < 0.147 ≤ small < 0.33 ≤ medium < 0.474 ≤ large. */
export function deltaLabel(d: number): DeltaLabel {
	const abs = Math.abs(d);
	if (abs < 0.147) return 'negligible';
	if (abs < 0.33) return 'small';
	if (abs < 0.474) return 'medium';
	return 'large';
}

/** Mean of a distribution over 1–5, null when empty. */
export function meanOfCounts(counts: Counts): number | null {
	const n = counts.reduce((a, b) => a + b, 0);
	return n ? counts.reduce((sum, c, v) => sum + c * (v + 1), 0) / n : null;
}

export function mean(values: readonly number[]): number | null {
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Median of a distribution over 1–5; with an even n, the mean of the two middle values. */
export function medianOf(counts: Counts): number | null {
	const n = counts.reduce((a, b) => a + b, 0);
	if (n === 0) return null;
	return n % 2 === 1 ? nth(counts, (n - 1) / 2) : (nth(counts, n / 2 - 1) + nth(counts, n / 2)) / 2;
}
