// The rules of the dot vote, in one place for the server and the page: how many dots a device
// has, what a valid set of dots is, and what the tally says in words. Pure: no database, no HTTP.

/** Dots each device divides over the options. */
export const VOTE_DOTS = 3;

/**
 * What people vote on: a key that names it (`topic:<agenda topic id>`), its title at opening in
 * the language of who opened it, and in every language the app has (a phone may be in English).
 */
export type VoteOption = { key: string; title: string; titles?: Record<string, string> };
export type TallyOption = VoteOption & { points: number };

/** The state of a vote as every screen shows it: per option its points, and how many devices voted. */
export type Tally = {
	voteId: number;
	open: boolean;
	options: TallyOption[];
	ballots: number;
	openedAt: string;
	closedAt: string | null;
};

/** Points per option key; only keys with at least one dot. */
export type Allocation = Record<string, number>;

export type AllocationCheck =
	{ ok: true; allocation: Allocation; total: number } | { ok: false; problem: 'none' | 'too-many' | 'malformed'; total: number };

/**
 * Reads the dots sent for each option (by its place in the list: `raw[i]`, '' or missing = 0).
 * Each is a whole number 0..VOTE_DOTS and together at least 1 and at most VOTE_DOTS; anything
 * else (a forged 99, a negative, a fraction, text) is refused as a whole.
 */
export function checkAllocation(options: readonly VoteOption[], raw: readonly (string | undefined)[]): AllocationCheck {
	const allocation: Allocation = {};
	let total = 0;
	let malformed = raw.length > options.length;
	options.forEach((option, i) => {
		const value = (raw[i] ?? '').trim();
		if (value === '') return;
		if (!/^\d$/.test(value) || Number(value) > VOTE_DOTS) {
			malformed = true;
			return;
		}
		const points = Number(value);
		total += points;
		if (points > 0) allocation[option.key] = points;
	});
	if (malformed) return { ok: false, problem: 'malformed', total };
	if (total === 0) return { ok: false, problem: 'none', total };
	if (total > VOTE_DOTS) return { ok: false, problem: 'too-many', total };
	return { ok: true, allocation, total };
}

/** An option's title in a language, else as it was opened. */
export const optionTitle = (option: VoteOption, locale: string): string => option.titles?.[locale] ?? option.title;

/** Adds up ballots over the options, in the options' order; points for unknown keys are ignored. */
export function tallyPoints(options: readonly VoteOption[], ballots: readonly Allocation[]): TallyOption[] {
	const points = new Map(options.map((o) => [o.key, 0]));
	for (const ballot of ballots) for (const [key, n] of Object.entries(ballot)) if (points.has(key)) points.set(key, points.get(key)! + n);
	return options.map((o) => ({ ...o, points: points.get(o.key)! }));
}

/** The options with most points (several on a tie), none while nobody has voted. */
export function leaders(options: readonly TallyOption[]): TallyOption[] {
	const most = Math.max(0, ...options.map((o) => o.points));
	return most === 0 ? [] : options.filter((o) => o.points === most);
}

/** The options from most to fewest points; on a tie the order of the agenda. */
export function ranked(options: readonly TallyOption[]): TallyOption[] {
	return options
		.map((o, i) => ({ o, i }))
		.sort((a, b) => b.o.points - a.o.points || a.i - b.i)
		.map(({ o }) => o);
}
