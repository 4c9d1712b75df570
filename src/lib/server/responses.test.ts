import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import {
	createPersonalLinks,
	ensureGroupLink,
	GROUP_LINK_DEFAULT_USES,
	GROUP_LINK_MAX_USES,
	GroupLinkFullError,
	listLinks,
	resolveToken,
	revokeLink,
	spawnFromGroup
} from './invitations';
import { responseCounts } from './pilots';
import {
	countAnswers,
	findResponseForInvitation,
	getOrStartResponse,
	insertCompletedResponse,
	loadAnswers,
	ResponseLockedError,
	saveAnswers,
	submitResponse
} from './responses';
import { createTestDb, createTestPilot } from './test-db';
import { deriveLinkToken, hashToken, TOKEN_PATTERN } from './tokens';

let db: Db;
let cleanup: () => void;
let secret: Buffer;
let pilotId: number;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	secret = crypto.randomBytes(32);
	pilotId = createTestPilot(db);
});
afterEach(() => cleanup());

/** A personal link for `role` and the invitation row behind it. */
function personal(role = 'raad') {
	const [link] = createPersonalLinks(db, secret, pilotId, role, 1);
	const invitation = resolveToken(db, link.token)!.invitation;
	return { link, invitation };
}

const answerRows = (responseId: number) =>
	db.$client.prepare('SELECT key, score, dont_know, text FROM answers WHERE response_id = ? ORDER BY key').all(responseId) as {
		key: string;
		score: number | null;
		dont_know: number;
		text: string | null;
	}[];
const countRows = (table: 'responses' | 'answers') => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const score = (n: 1 | 2 | 3 | 4 | 5): Answer => ({ kind: 'score', score: n });

describe('personal links and tokens', () => {
	it('issues distinct 22-character tokens with consecutive numbers', () => {
		const first = createPersonalLinks(db, secret, pilotId, 'raad', 3);
		const second = createPersonalLinks(db, secret, pilotId, 'gemeente', 2);
		const all = [...first, ...second];
		for (const link of all) expect(link.token).toMatch(TOKEN_PATTERN);
		expect(new Set(all.map((l) => l.token)).size).toBe(all.length);
		expect(all.map((l) => l.number)).toEqual(all.map((_, i) => i + 1));
		expect(all.map((l) => l.role)).toEqual(['raad', 'raad', 'raad', 'gemeente', 'gemeente']);
	});

	it('refuses a count outside 1..500', () => {
		expect(() => createPersonalLinks(db, secret, pilotId, 'raad', 0)).toThrow(RangeError);
		expect(() => createPersonalLinks(db, secret, pilotId, 'raad', 501)).toThrow(RangeError);
		expect(() => createPersonalLinks(db, secret, pilotId, 'raad', 1.5)).toThrow(RangeError);
	});

	it('resolveToken finds the invitation and its pilot by token, and nothing by a wrong token', () => {
		const [a, b] = createPersonalLinks(db, secret, pilotId, 'raad', 2);
		const found = resolveToken(db, a.token);
		expect(found?.invitation.id).toBe(a.id);
		expect(found?.invitation.kind).toBe('personal');
		expect(found?.pilot.id).toBe(pilotId);
		expect(resolveToken(db, b.token)?.invitation.id).toBe(b.id);
		// One character off, a random token, and the stored hash itself all find nothing.
		const flipped = a.token.slice(0, -1) + (a.token.endsWith('A') ? 'B' : 'A');
		expect(resolveToken(db, flipped)).toBeUndefined();
		expect(resolveToken(db, crypto.randomBytes(16).toString('base64url'))).toBeUndefined();
		expect(resolveToken(db, found!.invitation.tokenHash)).toBeUndefined();
	});

	it('stores only the hash of a token: no column of invitations holds the token text', () => {
		const links = createPersonalLinks(db, secret, pilotId, 'raad', 3);
		const rows = db.$client.prepare('SELECT * FROM invitations').all() as Record<string, unknown>[];
		expect(rows).toHaveLength(links.length);
		for (const link of links) {
			const row = rows.find((r) => r.id === link.id)!;
			expect(row.token_hash).toBe(hashToken(link.token));
			expect(row.token_hash).not.toBe(link.token);
			for (const r of rows) for (const value of Object.values(r)) expect(String(value)).not.toContain(link.token);
		}
	});

	it('deriveLinkToken(secret, salt) reproduces the issued token, and only with the same secret', () => {
		const links = createPersonalLinks(db, secret, pilotId, 'gemeente', 2);
		for (const link of links) {
			const { salt } = resolveToken(db, link.token)!.invitation;
			expect(deriveLinkToken(secret, salt)).toBe(link.token);
			expect(deriveLinkToken(crypto.randomBytes(32), salt)).not.toBe(link.token);
		}
	});

	it('listLinks gives the issued tokens back from the secret and salt', () => {
		const links = createPersonalLinks(db, secret, pilotId, 'raad', 2);
		const listed = listLinks(db, secret, pilotId);
		expect(listed.map((l) => [l.id, l.token, l.status])).toEqual(links.map((l) => [l.id, l.token, 'new']));
	});
});

describe('group links', () => {
	it('ensureGroupLink returns the same link when asked again', () => {
		const a = ensureGroupLink(db, secret, pilotId, null);
		const b = ensureGroupLink(db, secret, pilotId, null);
		expect(b.id).toBe(a.id);
		expect(b.token).toBe(a.token);
		expect(ensureGroupLink(db, secret, pilotId, 'raad').id).not.toBe(a.id);
		expect(resolveToken(db, a.token)?.invitation.kind).toBe('group');
	});

	it('spawnFromGroup makes a personal link with parentId, for the chosen role', () => {
		const group = ensureGroupLink(db, secret, pilotId, null);
		const groupInvitation = resolveToken(db, group.token)!.invitation;
		const spawned = spawnFromGroup(db, secret, groupInvitation, 'gemeente');
		expect(spawned.token).not.toBe(group.token);
		const invitation = resolveToken(db, spawned.token)!.invitation;
		expect(invitation).toMatchObject({ id: spawned.id, kind: 'personal', role: 'gemeente', parentId: groupInvitation.id, pilotId });
		// Not one of the links the facilitator handed out.
		expect(listLinks(db, secret, pilotId).map((l) => l.id)).toEqual([group.id]);
		// And a personal link cannot spawn.
		expect(() => spawnFromGroup(db, secret, invitation, 'raad')).toThrow();
	});
});

describe('group link caps', () => {
	it('a group link hands out at most its cap of personal links, counted on the links page', () => {
		const group = ensureGroupLink(db, secret, pilotId, 'raad', 3);
		const invitation = resolveToken(db, group.token)!.invitation;
		for (let i = 0; i < 3; i++) spawnFromGroup(db, secret, invitation, 'raad');
		expect(() => spawnFromGroup(db, secret, invitation, 'raad')).toThrow(GroupLinkFullError);
		expect(listLinks(db, secret, pilotId).find((l) => l.id === group.id)).toMatchObject({ uses: 3, maxUses: 3 });
		// Asking for the same group link again raises the cap; the link stays the same.
		expect(ensureGroupLink(db, secret, pilotId, 'raad', 5).token).toBe(group.token);
		spawnFromGroup(db, secret, invitation, 'raad');
		expect(listLinks(db, secret, pilotId).find((l) => l.id === group.id)).toMatchObject({ uses: 4, maxUses: 5 });
	});

	it('has a sensible default and refuses a cap outside 1..the maximum', () => {
		const group = ensureGroupLink(db, secret, pilotId, null);
		expect(listLinks(db, secret, pilotId).find((l) => l.id === group.id)?.maxUses).toBe(GROUP_LINK_DEFAULT_USES);
		expect(() => ensureGroupLink(db, secret, pilotId, null, 0)).toThrow(RangeError);
		expect(() => ensureGroupLink(db, secret, pilotId, null, GROUP_LINK_MAX_USES + 1)).toThrow(RangeError);
	});
});

describe('revokeLink', () => {
	it('marks the link revoked, only within its own pilot', () => {
		const otherPilot = createTestPilot(db, { municipality: 'Noorddorp' });
		const [link] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		expect(revokeLink(db, otherPilot, link.id)).toBe(false);
		expect(resolveToken(db, link.token)?.invitation.revoked).toBe(false);
		expect(revokeLink(db, pilotId, link.id)).toBe(true);
		expect(resolveToken(db, link.token)?.invitation.revoked).toBe(true);
		expect(listLinks(db, secret, pilotId)[0].revoked).toBe(true);
		expect(revokeLink(db, pilotId, link.id + 1000)).toBe(false);
	});
});

describe('responses', () => {
	it('getOrStartResponse twice returns the same response', () => {
		const { invitation } = personal('gemeente');
		const first = getOrStartResponse(db, invitation, '2026-03-02');
		const second = getOrStartResponse(db, invitation, '2026-03-09');
		expect(second.id).toBe(first.id);
		expect(second.publicId).toBe(first.publicId);
		expect(first).toMatchObject({
			role: 'gemeente',
			pilotId,
			source: 'online',
			status: 'in_progress',
			startedOn: '2026-03-02',
			invitationId: invitation.id
		});
		expect(countRows('responses')).toBe(1);
		expect(findResponseForInvitation(db, invitation.id)?.id).toBe(first.id);
	});

	it('getOrStartResponse refuses a group link', () => {
		const group = ensureGroupLink(db, secret, pilotId, null);
		expect(() => getOrStartResponse(db, resolveToken(db, group.token)!.invitation)).toThrow();
		expect(countRows('responses')).toBe(0);
	});

	it('saving the same answer twice stores one row; a changed value overwrites it', () => {
		const response = getOrStartResponse(db, personal().invitation);
		saveAnswers(db, response.id, [['doel-1', score(4)]]);
		saveAnswers(db, response.id, [['doel-1', score(4)]]);
		expect(answerRows(response.id)).toEqual([{ key: 'doel-1', score: 4, dont_know: 0, text: null }]);

		saveAnswers(db, response.id, [['doel-1', score(2)]]);
		expect(answerRows(response.id)).toEqual([{ key: 'doel-1', score: 2, dont_know: 0, text: null }]);

		// Switching kinds clears the other columns.
		saveAnswers(db, response.id, [['doel-1', { kind: 'dontKnow' }]]);
		expect(answerRows(response.id)).toEqual([{ key: 'doel-1', score: null, dont_know: 1, text: null }]);
		expect(loadAnswers(db, response.id)).toEqual(new Map([['doel-1', { kind: 'dontKnow' }]]));
	});

	it('null deletes an answer and leaves the others', () => {
		const response = getOrStartResponse(db, personal().invitation);
		saveAnswers(db, response.id, [
			['doel-1', score(5)],
			['doel-2', { kind: 'dontKnow' }],
			['doel-open', { kind: 'text', text: 'Meer overleg, graag.' }]
		]);
		expect(countAnswers(db, response.id)).toBe(3);
		saveAnswers(db, response.id, [['doel-2', null]]);
		expect(loadAnswers(db, response.id)).toEqual(
			new Map<string, Answer>([
				['doel-1', score(5)],
				['doel-open', { kind: 'text', text: 'Meer overleg, graag.' }]
			])
		);
		// Clearing an answer that is not there is harmless.
		saveAnswers(db, response.id, [['doel-2', null]]);
		expect(countAnswers(db, response.id)).toBe(2);
	});

	it('one bad answer in a batch stores none of the batch', () => {
		const response = getOrStartResponse(db, personal().invitation);
		saveAnswers(db, response.id, [['doel-1', score(1)]]);
		expect(() =>
			saveAnswers(db, response.id, [
				['doel-1', score(3)],
				['doel-2', { kind: 'score', score: 6 as never }]
			])
		).toThrow();
		expect(answerRows(response.id)).toEqual([{ key: 'doel-1', score: 1, dont_know: 0, text: null }]);
	});

	it('after submitResponse, saveAnswers throws ResponseLockedError and nothing changes', () => {
		const response = getOrStartResponse(db, personal().invitation);
		saveAnswers(db, response.id, [
			['doel-1', score(3)],
			['doel-2', score(4)]
		]);
		submitResponse(db, response.id, '2026-03-05');
		const before = answerRows(response.id);

		expect(() => saveAnswers(db, response.id, [['doel-1', score(1)]])).toThrow(ResponseLockedError);
		expect(() => saveAnswers(db, response.id, [['doel-3', score(1)]])).toThrow(ResponseLockedError);
		expect(() => saveAnswers(db, response.id, [['doel-2', null]])).toThrow(ResponseLockedError);
		expect(answerRows(response.id)).toEqual(before);

		// Submitting again keeps the first date.
		submitResponse(db, response.id, '2026-03-20');
		expect(findResponseForInvitation(db, response.invitationId!)).toMatchObject({ status: 'submitted', submittedOn: '2026-03-05' });
	});

	it('saveAnswers on a response that does not exist throws', () => {
		expect(() => saveAnswers(db, 9999, [['doel-1', score(3)]])).toThrow(/does not exist/);
		expect(countRows('answers')).toBe(0);
	});

	it('insertCompletedResponse stores a submitted response with its answers', () => {
		const row = insertCompletedResponse(
			db,
			{
				pilotId,
				role: 'raad',
				source: 'paper',
				answers: [
					['doel-1', score(2)],
					['doel-open', { kind: 'text', text: 'Op papier' }]
				]
			},
			'2026-04-01'
		);
		expect(row).toMatchObject({
			status: 'submitted',
			source: 'paper',
			startedOn: '2026-04-01',
			submittedOn: '2026-04-01',
			invitationId: null
		});
		expect(loadAnswers(db, row.id).get('doel-open')).toEqual({ kind: 'text', text: 'Op papier' });
		expect(() => saveAnswers(db, row.id, [['doel-1', score(5)]])).toThrow(ResponseLockedError);
	});
});

describe('answers table constraints (SQL level)', () => {
	const insert = (responseId: number, key: string, score: number | null, dontKnow: 0 | 1, text: string | null) =>
		db.$client
			.prepare('INSERT INTO answers (response_id, key, score, dont_know, text) VALUES (?, ?, ?, ?, ?)')
			.run(responseId, key, score, dontKnow, text);

	it('rejects a score outside 1..5', () => {
		const response = getOrStartResponse(db, personal().invitation);
		expect(() => insert(response.id, 'doel-1', 6, 0, null)).toThrow(/CHECK constraint failed/);
		expect(() => insert(response.id, 'doel-1', 0, 0, null)).toThrow(/CHECK constraint failed/);
		insert(response.id, 'doel-1', 5, 0, null);
		expect(answerRows(response.id)).toEqual([{ key: 'doel-1', score: 5, dont_know: 0, text: null }]);
	});

	it('requires exactly one of score, weet niet and text', () => {
		const response = getOrStartResponse(db, personal().invitation);
		expect(() => insert(response.id, 'a', 3, 1, null)).toThrow(/CHECK constraint failed/);
		expect(() => insert(response.id, 'b', 3, 0, 'tekst')).toThrow(/CHECK constraint failed/);
		expect(() => insert(response.id, 'c', null, 0, null)).toThrow(/CHECK constraint failed/);
		expect(countRows('answers')).toBe(0);
	});

	it('rejects a second row for the same response and key', () => {
		const response = getOrStartResponse(db, personal().invitation);
		insert(response.id, 'doel-1', 3, 0, null);
		expect(() => insert(response.id, 'doel-1', 4, 0, null)).toThrow(/UNIQUE|PRIMARY KEY/);
	});
});

describe('responseCounts', () => {
	it('counts invited, started and submitted per role', () => {
		const raad = createPersonalLinks(db, secret, pilotId, 'raad', 4);
		const gemeente = createPersonalLinks(db, secret, pilotId, 'gemeente', 2);
		const invitationOf = (token: string) => resolveToken(db, token)!.invitation;

		// raad: one revoked (no longer invited), two started of which one submitted.
		revokeLink(db, pilotId, raad[3].id);
		getOrStartResponse(db, invitationOf(raad[0].token));
		submitResponse(db, getOrStartResponse(db, invitationOf(raad[1].token)).id);
		// gemeente: one started from a personal link, one from the group link (not an invitation).
		getOrStartResponse(db, invitationOf(gemeente[0].token));
		const group = invitationOf(ensureGroupLink(db, secret, pilotId, null).token);
		const spawned = spawnFromGroup(db, secret, group, 'gemeente');
		getOrStartResponse(db, invitationOf(spawned.token));
		// and one imported gemeente response, submitted.
		insertCompletedResponse(db, { pilotId, role: 'gemeente', source: 'import', answers: [['doel-1', score(3)]] });

		expect(responseCounts(db, pilotId)).toEqual({
			raad: { invited: raad.length - 1, started: 1, submitted: 1 },
			gemeente: { invited: gemeente.length, started: 2, submitted: 1 }
		});
	});

	it('does not count another pilot', () => {
		const other = createTestPilot(db, { municipality: 'Noorddorp' });
		createPersonalLinks(db, secret, other, 'raad', 3);
		expect(responseCounts(db, pilotId)).toEqual({});
		expect(responseCounts(db, other)).toEqual({ raad: { invited: 3, started: 0, submitted: 0 } });
	});
});

describe('which links the facilitator may see again', () => {
	it('hides a personal link once its respondent has started, and keeps group links visible', () => {
		const [fresh, started] = createPersonalLinks(db, secret, pilotId, 'raad', 2);
		const group = ensureGroupLink(db, secret, pilotId, null);
		getOrStartResponse(db, resolveToken(db, started.token)!.invitation);
		const listed = new Map(listLinks(db, secret, pilotId).map((l) => [l.id, l]));
		expect(listed.get(fresh.id)!.token).toBe(fresh.token);
		expect(listed.get(started.id)).toMatchObject({ token: null, status: 'in_progress' });
		expect(listed.get(group.id)!.token).toBe(group.token);
	});

	it('shows no link that would not work after the server key changed, and replaces the group link', () => {
		const [link] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		const group = ensureGroupLink(db, secret, pilotId, 'raad');
		const newKey = crypto.randomBytes(32);
		expect(listLinks(db, newKey, pilotId).every((l) => l.token === null)).toBe(true);
		// The old link still opens the questionnaire: only its hash was ever needed for that.
		expect(resolveToken(db, link.token)).toBeDefined();
		const replaced = ensureGroupLink(db, newKey, pilotId, 'raad');
		expect(replaced.id).not.toBe(group.id);
		expect(resolveToken(db, replaced.token)!.invitation.id).toBe(replaced.id);
		expect(resolveToken(db, group.token)!.invitation.revoked).toBe(true);
	});
});
