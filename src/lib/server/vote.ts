// The live dot vote of het goede gesprek: a manager opens a short vote on the agenda's topics,
// people in the room reach it by a short code and divide three dots, one set per device, and the
// facilitator closes it; the result stays with the pilot. Anonymous: a ballot is a random id from
// a cookie (stored as its hash) and its dots; no name, address or device detail.
//
// Why six characters are enough for the code, with limits on wrong ones: 6 of Crockford's 32
// characters are 30 bits (1.07e9 codes). With 100 votes open at once on one server (far more than
// happen) a guess hits one with chance 9.3e-8. Each client may fail 50 times per 15 minutes, all
// clients together 5,000 times an hour (rate-limit.ts): a hit every 2,100 hours of non-stop
// guessing, and what it wins is one anonymous set of three dots in a vote that lasts minutes (and
// at most MAX_OPEN_HOURS: a vote left open is closed then, so a forgotten code stops working).
import crypto from 'node:crypto';
import { and, count, desc, eq, isNull, isNotNull, lt } from 'drizzle-orm';
import type { PilotResults } from '$lib/analysis/aggregate';
import { checkAllocation, tallyPoints, type Allocation, type AllocationCheck, type Tally, type VoteOption } from '$lib/vote/dots';
import { storeAgenda, type AgendaEntry } from './agenda';
import type { Db } from './db';
import { voteBallots, votes } from './db/schema';
import { CODE_ALPHABET, normaliseCode } from './letter-codes';
import { ALL_CLIENTS, ballotStartLimiter, ballotTotalLimiter, voteCodeFailureLimiter, voteCodeLimiter } from './rate-limit';
import { notifyVote } from './vote-live';

export const VOTE_CODE_LENGTH = 6;
/** Ballots one vote takes at most: a council's meeting is a room, not a referendum. */
export const MAX_BALLOTS = 500;
/** A closed vote's code still says "closed" for this long; later it is just a wrong code. */
const CLOSED_CODE_HOURS = 24;
/** A vote still open after this long was forgotten: it counts as closed from then on. */
export const MAX_OPEN_HOURS = 12;

const stamp = (at: number) => new Date(at).toISOString().slice(0, 19) + 'Z';
const now = () => stamp(Date.now());
// A ballot keeps only the day it last changed: with the second, the order of rows could tell who
// in a small room voted when.
const day = () => now().slice(0, 10);

/** Closes the votes opened more than MAX_OPEN_HOURS ago (done when votes are read, no timer needed). */
function expireVotes(db: Db, at = Date.now()): void {
	const cutoff = stamp(at - MAX_OPEN_HOURS * 3_600_000);
	db.update(votes)
		.set({ closedAt: stamp(at) })
		.where(and(isNull(votes.closedAt), lt(votes.openedAt, cutoff)))
		.run();
}
const hashBallot = (token: string) => crypto.createHash('sha256').update(`vote-ballot:${token}`).digest('hex');

/** A new random ballot id for a device's cookie: 128 bits. */
export const newBallotToken = (): string => crypto.randomBytes(16).toString('base64url');
/** What a ballot cookie may hold; anything else is ignored (a new id is made). */
export const isBallotToken = (value: string | undefined): value is string => !!value && /^[A-Za-z0-9_-]{22}$/.test(value);

function randomCode(): string {
	let code = '';
	for (let i = 0; i < VOTE_CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
	return code;
}

/** As shown on the screen: KX7-P2M. */
export const formatVoteCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

/** What someone typed or scanned, as a code (case, spaces, dashes and look-alikes forgiven), or null. */
export const normaliseVoteCode = (typed: string): string | null => normaliseCode(typed, VOTE_CODE_LENGTH);

type VoteRow = typeof votes.$inferSelect;
export type Vote = {
	id: number;
	pilotId: number;
	code: string;
	open: boolean;
	options: VoteOption[];
	openedAt: string;
	closedAt: string | null;
};

const toVote = (row: VoteRow): Vote => ({
	id: row.id,
	pilotId: row.pilotId,
	code: row.code,
	open: row.closedAt === null,
	options: JSON.parse(row.options) as VoteOption[],
	openedAt: row.openedAt,
	closedAt: row.closedAt
});

/**
 * The options of a vote on the agenda: its topics as stored (the draft is stored first, so each
 * option names a topic id that stays put). `titles` words a topic in each language, the first
 * being the one the vote was opened in.
 */
export function agendaVoteOptions(
	db: Db,
	pilotId: number,
	results: PilotResults,
	titles: (entry: AgendaEntry) => Record<string, string>
): VoteOption[] {
	return storeAgenda(db, pilotId, results).map((entry) => {
		const words = titles(entry);
		return { key: `topic:${entry.id}`, title: Object.values(words)[0], titles: words };
	});
}

export type OpenOutcome = { kind: 'opened'; vote: Vote } | { kind: 'already-open' } | { kind: 'no-options' };

/**
 * Opens a vote for the pilot with the options `options` gives (run inside the same transaction,
 * so storing the agenda and opening go together or not at all). A pilot has one open vote at a
 * time; earlier closed votes stay.
 */
export function openVote(db: Db, pilotId: number, options: (tx: Db) => VoteOption[]): OpenOutcome {
	const outcome = db.transaction((transaction): OpenOutcome => {
		const tx = transaction as unknown as Db;
		if (openVoteRow(tx, pilotId)) return { kind: 'already-open' };
		const list = options(tx);
		if (list.length === 0) return { kind: 'no-options' };
		// A code is unique among open votes; a clash with one of the few open ones is drawn again.
		for (;;) {
			const code = randomCode();
			if (
				tx
					.select({ id: votes.id })
					.from(votes)
					.where(and(eq(votes.code, code), isNull(votes.closedAt)))
					.get()
			)
				continue;
			const row = tx
				.insert(votes)
				.values({ pilotId, code, options: JSON.stringify(list) })
				.returning()
				.get();
			return { kind: 'opened', vote: toVote(row) };
		}
	});
	if (outcome.kind === 'opened') notifyVote(pilotId);
	return outcome;
}

function openVoteRow(db: Db, pilotId: number): VoteRow | undefined {
	expireVotes(db);
	return db
		.select()
		.from(votes)
		.where(and(eq(votes.pilotId, pilotId), isNull(votes.closedAt)))
		.get();
}

/** Closes the pilot's open vote; its id, or null when none was open. From now on it takes no ballots. */
export function closeVote(db: Db, pilotId: number): number | null {
	const row = db
		.update(votes)
		.set({ closedAt: now() })
		.where(and(eq(votes.pilotId, pilotId), isNull(votes.closedAt)))
		.returning({ id: votes.id })
		.get();
	if (row) notifyVote(pilotId);
	return row?.id ?? null;
}

/** The pilot's open vote, else its latest closed one, else null: what the facilitator's screen shows. */
export function currentVote(db: Db, pilotId: number): Vote | null {
	const row = openVoteRow(db, pilotId) ?? db.select().from(votes).where(eq(votes.pilotId, pilotId)).orderBy(desc(votes.id)).limit(1).get();
	return row ? toVote(row) : null;
}

/** The tally of a vote: every option's points in the order of the options, and the number of ballots. */
export function voteTally(db: Db, vote: Vote): Tally {
	const ballots = db
		.select({ allocation: voteBallots.allocation })
		.from(voteBallots)
		.where(eq(voteBallots.voteId, vote.id))
		.all()
		.map((b) => JSON.parse(b.allocation) as Allocation);
	return {
		voteId: vote.id,
		open: vote.open,
		options: tallyPoints(vote.options, ballots),
		ballots: ballots.length,
		openedAt: vote.openedAt,
		closedAt: vote.closedAt
	};
}

/** The tally the facilitator's screen and stream show: of the open vote, else of the latest closed one. */
export function currentTally(db: Db, pilotId: number): Tally | null {
	const vote = currentVote(db, pilotId);
	return vote && voteTally(db, vote);
}

/**
 * The result of the pilot's latest closed vote, for the report: options with their points (in
 * the order they were offered) and the number of ballots; null before any vote was closed.
 */
export function latestVoteResult(db: Db, pilotId: number): Tally | null {
	const row = db
		.select()
		.from(votes)
		.where(and(eq(votes.pilotId, pilotId), isNotNull(votes.closedAt)))
		.orderBy(desc(votes.id))
		.limit(1)
		.get();
	return row ? voteTally(db, toVote(row)) : null;
}

export type CodeOutcome =
	| { kind: 'empty' }
	| { kind: 'malformed' }
	| { kind: 'wrong' }
	| { kind: 'too-many'; retryAfterSeconds: number }
	| { kind: 'found'; vote: Vote };

/**
 * The vote a typed or scanned code opens: the open vote with that code, else a vote with that code
 * closed in the last day (its page says it is closed). Only a well-formed code that opens nothing
 * counts toward the limits, and a client over a limit gets no look-up at all, not even of a right
 * code, so it learns nothing from further tries. A device that already voted in the vote (its
 * ballot id from the cookie) proved it knows the code: the limits do not stop it, so a flood of
 * guesses elsewhere cannot lock a room out of its own vote.
 */
export function findVote(db: Db, typed: string, client: string, at = Date.now(), ballot: string | null = null): CodeOutcome {
	if (!typed.trim()) return { kind: 'empty' };
	const code = normaliseVoteCode(typed);
	if (!code) return { kind: 'malformed' };
	expireVotes(db, at);
	const lookUp = () => {
		const rows = db.select().from(votes).where(eq(votes.code, code)).orderBy(desc(votes.id)).limit(4).all();
		const since = new Date(at - CLOSED_CODE_HOURS * 3_600_000).toISOString();
		return rows.find((r) => r.closedAt === null) ?? rows.find((r) => r.closedAt !== null && r.closedAt >= since);
	};
	if (ballot) {
		const known = lookUp();
		if (known && ballotOf(db, known.id, ballot)) return { kind: 'found', vote: toVote(known) };
	}
	for (const [limiter, key] of [
		[voteCodeLimiter, client],
		[voteCodeFailureLimiter, ALL_CLIENTS]
	] as const) {
		const limit = limiter.refuses(key, at);
		if (!limit.allowed) return { kind: 'too-many', retryAfterSeconds: limit.retryAfterSeconds };
	}
	const vote = lookUp();
	if (vote) return { kind: 'found', vote: toVote(vote) };
	voteCodeLimiter.hit(client, at);
	voteCodeFailureLimiter.hit(ALL_CLIENTS, at);
	return { kind: 'wrong' };
}

/** The dots this device gave in a vote so far, or null. */
export function ballotOf(db: Db, voteId: number, token: string): Allocation | null {
	const row = db
		.select({ allocation: voteBallots.allocation })
		.from(voteBallots)
		.where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.ballotHash, hashBallot(token))))
		.get();
	return row ? (JSON.parse(row.allocation) as Allocation) : null;
}

export type BallotOutcome =
	| { kind: 'saved'; allocation: Allocation }
	| { kind: 'invalid'; check: Extract<AllocationCheck, { ok: false }> }
	| { kind: 'closed' }
	| { kind: 'full' }
	| { kind: 'too-many'; retryAfterSeconds: number };

/**
 * Saves one device's dots (`raw[i]` for the i-th option), replacing what it gave before. Refused:
 * an invalid set (see checkAllocation), a closed vote, a new ballot when the vote is full or the
 * client has started too many just now.
 */
export function castBallot(db: Db, voteId: number, token: string, raw: readonly (string | undefined)[], client: string): BallotOutcome {
	const outcome = db.transaction((transaction): BallotOutcome & { pilotId?: number } => {
		const tx = transaction as unknown as Db;
		expireVotes(tx);
		const row = tx.select().from(votes).where(eq(votes.id, voteId)).get();
		if (!row || row.closedAt !== null) return { kind: 'closed' };
		const check = checkAllocation(toVote(row).options, raw);
		if (!check.ok) return { kind: 'invalid', check };
		const hash = hashBallot(token);
		const allocation = JSON.stringify(check.allocation);
		const mine = and(eq(voteBallots.voteId, voteId), eq(voteBallots.ballotHash, hash));
		if (tx.select({ id: voteBallots.id }).from(voteBallots).where(mine).get()) {
			tx.update(voteBallots).set({ allocation, updatedAt: day() }).where(mine).run();
		} else {
			const ballots = tx.select({ n: count() }).from(voteBallots).where(eq(voteBallots.voteId, voteId)).get()!.n;
			if (ballots >= MAX_BALLOTS) return { kind: 'full' };
			for (const limiter of [ballotStartLimiter, ballotTotalLimiter]) {
				const limit = limiter.hit(`${voteId}\n${client}`);
				if (!limit.allowed) return { kind: 'too-many', retryAfterSeconds: limit.retryAfterSeconds };
			}
			tx.insert(voteBallots).values({ voteId, ballotHash: hash, allocation, updatedAt: day() }).run();
		}
		return { kind: 'saved', allocation: check.allocation, pilotId: row.pilotId };
	});
	if (outcome.kind === 'saved') {
		notifyVote(outcome.pilotId!);
		return { kind: 'saved', allocation: outcome.allocation };
	}
	return outcome;
}
