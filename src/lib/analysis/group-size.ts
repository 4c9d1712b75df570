// The one home of the anonymity thresholds: how small a group may be before its figures are
// hidden, and what a pilot may choose. Pages, forms, exports and the database check all read these.

/** The minimum group size a pilot may choose, and the database's own floor. */
export const MIN_GROUP_SIZE_FLOOR = 3;
/** What a new pilot starts with. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** The largest minimum a pilot may choose. */
export const MAX_MIN_GROUP_SIZE = 50;
/** Per statement, a role's figures show only when at least this many of them gave a score. */
export const MIN_STATEMENT_SCORES = 3;

/** Whether a group of `count` forms may be shown under a pilot's minimum `minGroupSize`. */
export function largeEnough(count: number, minGroupSize: number): boolean {
	return count >= minGroupSize;
}

/** How many more forms a group needs before it may be shown (0 when it is large enough). */
export function stillNeeded(count: number, minGroupSize: number): number {
	return Math.max(0, minGroupSize - count);
}
