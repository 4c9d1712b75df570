// The live vote: opening stores the agenda and snapshots its topics, one open vote per pilot,
// one ballot per device id (changeable until closing), a closed vote takes nothing, the tally and
// the latest closed result, and the limits on guessing codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '$lib/analysis/test-scan';
import { loadAgenda } from './agenda';
import type { Db } from './db';
import { createPilot } from './pilots';
import { voteCodeFailureLimiter, voteCodeLimiter } from './rate-limit';
import { createTestDb, testPilotForm } from './test-db';
import {
	agendaVoteOptions,
	ballotOf,
	castBallot,
	closeVote,
	currentTally,
	findVote,
	formatVoteCode,
	latestVoteResult,
	MAX_BALLOTS,
	MAX_OPEN_HOURS,
	newBallotToken,
	normaliseVoteCode,
	openVote,
	type Vote
} from './vote';

let db: Db;
let cleanup: () => void;
let pilotId: number;
let otherPilot: number;
const results = run();
const title = (e: { key: string | null; title: string | null }) => ({ nl: e.title ?? e.key ?? '', en: `en ${e.key}` });
const open = (pilot = pilotId): Vote => {
	const outcome = openVote(db, pilot, (tx) => agendaVoteOptions(tx, pilot, results, title));
	if (outcome.kind !== 'opened') throw new Error(outcome.kind);
	return outcome.vote;
};
// Every test its own client address, so the limits of one do not reach another.
let client = 0;
const nextClient = () => `10.0.0.${++client}`;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilotId = createPilot(db, testPilotForm(), null);
	otherPilot = createPilot(db, testPilotForm({ municipality: 'Noorddorp' }), null);
});
afterEach(() => cleanup());

describe('opening and closing', () => {
	it('stores the draft agenda and offers its topics by id, with a six-character code', () => {
		expect(loadAgenda(db, pilotId, results).saved).toBe(false);
		const vote = open();
		const agenda = loadAgenda(db, pilotId, results);
		expect(agenda.saved).toBe(true);
		expect(vote.options.map((o) => o.key)).toEqual(agenda.entries.map((e) => `topic:${e.id}`));
		expect(vote.options.length).toBeGreaterThan(1);
		expect(vote.options[0]).toMatchObject({
			title: agenda.entries[0].key,
			titles: { nl: agenda.entries[0].key, en: `en ${agenda.entries[0].key}` }
		});
		expect(vote.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
		expect(vote.open).toBe(true);
	});

	it('keeps one open vote per pilot, and opens nothing without options', () => {
		open();
		expect(openVote(db, pilotId, (tx) => agendaVoteOptions(tx, pilotId, results, title)).kind).toBe('already-open');
		expect(openVote(db, otherPilot, () => []).kind).toBe('no-options');
		expect(currentTally(db, otherPilot)).toBeNull();
	});

	it('closes only the open vote of its own pilot, and a new vote keeps the old result', () => {
		const first = open();
		expect(closeVote(db, otherPilot)).toBeNull();
		castBallot(db, first.id, newBallotToken(), ['3'], nextClient());
		expect(closeVote(db, pilotId)).toBe(first.id);
		expect(closeVote(db, pilotId)).toBeNull();
		const second = open();
		expect(second.id).not.toBe(first.id);
		expect(currentTally(db, pilotId)).toMatchObject({ voteId: second.id, open: true, ballots: 0 });
		// The report reads the latest closed vote, not the one that is open.
		expect(latestVoteResult(db, pilotId)).toMatchObject({ voteId: first.id, open: false, ballots: 1 });
		expect(latestVoteResult(db, pilotId)!.options[0].points).toBe(3);
		expect(latestVoteResult(db, otherPilot)).toBeNull();
	});
});

describe('ballots', () => {
	it('one ballot per device id: voting again replaces the dots, and the tally adds up', () => {
		const vote = open();
		const [a, b] = [newBallotToken(), newBallotToken()];
		expect(castBallot(db, vote.id, a, ['2', '1'], nextClient())).toEqual({
			kind: 'saved',
			allocation: { [vote.options[0].key]: 2, [vote.options[1].key]: 1 }
		});
		expect(castBallot(db, vote.id, b, ['1'], nextClient()).kind).toBe('saved');
		expect(castBallot(db, vote.id, a, ['', '', '3'], nextClient()).kind).toBe('saved');
		const tally = currentTally(db, pilotId)!;
		expect(tally.ballots).toBe(2);
		expect(tally.options.slice(0, 3).map((o) => o.points)).toEqual([1, 0, 3]);
		expect(ballotOf(db, vote.id, a)).toEqual({ [vote.options[2].key]: 3 });
		expect(ballotOf(db, vote.id, newBallotToken())).toBeNull();
	});

	it('refuses a forged total and stores nothing', () => {
		const vote = open();
		const token = newBallotToken();
		expect(castBallot(db, vote.id, token, ['99'], nextClient())).toMatchObject({ kind: 'invalid', check: { problem: 'malformed' } });
		expect(castBallot(db, vote.id, token, ['3', '3'], nextClient())).toMatchObject({
			kind: 'invalid',
			check: { problem: 'too-many', total: 6 }
		});
		expect(castBallot(db, vote.id, token, [], nextClient())).toMatchObject({ kind: 'invalid', check: { problem: 'none' } });
		expect(currentTally(db, pilotId)!.ballots).toBe(0);
	});

	it('a closed vote takes no ballots, new or changed', () => {
		const vote = open();
		const token = newBallotToken();
		castBallot(db, vote.id, token, ['1'], nextClient());
		closeVote(db, pilotId);
		expect(castBallot(db, vote.id, token, ['3'], nextClient()).kind).toBe('closed');
		expect(castBallot(db, vote.id, newBallotToken(), ['3'], nextClient()).kind).toBe('closed');
		expect(castBallot(db, 9999, newBallotToken(), ['3'], nextClient()).kind).toBe('closed');
		expect(latestVoteResult(db, pilotId)!.options[0].points).toBe(1);
	});

	it('limits new ballots per client, never a change to an own ballot', () => {
		const vote = open();
		const room = nextClient();
		const first = newBallotToken();
		for (let i = 0; i < 60; i++) expect(castBallot(db, vote.id, i === 0 ? first : newBallotToken(), ['1'], room).kind).toBe('saved');
		expect(castBallot(db, vote.id, newBallotToken(), ['1'], room).kind).toBe('too-many');
		expect(castBallot(db, vote.id, first, ['2'], room).kind).toBe('saved');
		expect(castBallot(db, vote.id, newBallotToken(), ['1'], nextClient()).kind).toBe('saved');
	});

	it('a full vote takes no new ballots', () => {
		const vote = open();
		const insert = db.$client.prepare("INSERT INTO vote_ballots (vote_id, ballot_hash, allocation, updated_at) VALUES (?, ?, '{}', '')");
		for (let i = 0; i < MAX_BALLOTS; i++) insert.run(vote.id, `h${i}`);
		expect(castBallot(db, vote.id, newBallotToken(), ['1'], nextClient()).kind).toBe('full');
	});
});

describe('codes', () => {
	it('reads a code forgivingly: case, spaces, dashes and look-alikes', () => {
		const vote = open();
		const typed = formatVoteCode(vote.code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
		expect(normaliseVoteCode(` ${typed} `)).toBe(vote.code);
		expect(findVote(db, typed, nextClient())).toMatchObject({ kind: 'found', vote: { id: vote.id } });
		expect(normaliseVoteCode('ABCDE')).toBeNull();
		expect(normaliseVoteCode('ABCDEU')).toBeNull();
	});

	it('finds a closed vote as closed; slips are not counted, wrong codes are, up to the limit', () => {
		const vote = open();
		closeVote(db, pilotId);
		const me = nextClient();
		expect(findVote(db, vote.code, me)).toMatchObject({ kind: 'found', vote: { open: false } });
		expect(findVote(db, '', me).kind).toBe('empty');
		expect(findVote(db, 'ab', me).kind).toBe('malformed');
		const wrong = vote.code === '000000' ? '000001' : '000000';
		for (let i = 0; i < voteCodeLimiter.limit; i++) expect(findVote(db, wrong, me).kind).toBe('wrong');
		// Over the limit, not even a right code is looked up.
		expect(findVote(db, vote.code, me).kind).toBe('too-many');
		expect(findVote(db, vote.code, nextClient()).kind).toBe('found');
	});

	it('a closed code is forgotten after a day', () => {
		const vote = open();
		closeVote(db, pilotId);
		expect(findVote(db, vote.code, nextClient(), Date.now() + 25 * 3_600_000).kind).toBe('wrong');
	});

	it('caps wrong codes from all clients together', () => {
		const wrong = '000000';
		const at = Date.now() + 10 * 3_600_000;
		for (let i = 0; i < voteCodeFailureLimiter.limit; i++) findVote(db, wrong, `c${i}`, at);
		expect(findVote(db, wrong, nextClient(), at).kind).toBe('too-many');
	});

	it('a device that voted keeps reaching its vote when the limits refuse everyone else', () => {
		const vote = open();
		const me = nextClient();
		const token = newBallotToken();
		expect(castBallot(db, vote.id, token, ['3'], me).kind).toBe('saved');
		const at = Date.now() + 20 * 60_000;
		const wrong = vote.code === '000000' ? '000001' : '000000';
		for (let i = 0; i < voteCodeLimiter.limit; i++) findVote(db, wrong, me, at);
		expect(findVote(db, vote.code, me, at).kind).toBe('too-many');
		expect(findVote(db, vote.code, me, at, token)).toMatchObject({ kind: 'found', vote: { id: vote.id } });
		// A ballot id of nothing in this vote does not open the way.
		expect(findVote(db, vote.code, me, at, newBallotToken()).kind).toBe('too-many');
	});

	it('a vote left open is closed after MAX_OPEN_HOURS: no more dots, and a new vote can open', () => {
		const vote = open();
		// Well past MAX_OPEN_HOURS, and past the windows of the code limits earlier tests filled at later hours.
		const later = Date.now() + (MAX_OPEN_HOURS + 36) * 3_600_000;
		expect(findVote(db, vote.code, nextClient(), later)).toMatchObject({ kind: 'found', vote: { open: false } });
		expect(castBallot(db, vote.id, newBallotToken(), ['1'], nextClient()).kind).toBe('closed');
		expect(open().id).not.toBe(vote.id);
	});
});
