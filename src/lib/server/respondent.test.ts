import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { createPersonalLinks, revokeLink } from './invitations';
import { inLocale } from './locale';
import { setPilotStatus } from './pilots';
import { openLink, printLanguageChoices, printLocale, recordAnswers, respondentUrl, type PersonalLink } from './respondent';
import { findResponseForInvitation, loadAnswers, submitResponse } from './responses';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
let pilotId: number;
let token: string;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilotId = createTestPilot(db);
	setPilotStatus(db, pilotId, 'open');
	[{ token }] = createPersonalLinks(db, crypto.randomBytes(32), pilotId, 'raad', 1);
});
afterEach(() => cleanup());

function personal(): PersonalLink {
	const link = openLink(db, token);
	if (link.kind !== 'personal') throw new Error(`expected a personal link, got ${link.kind}`);
	return link;
}

describe('openLink', () => {
	it('tells an unknown, a revoked and a closed link apart', () => {
		expect(openLink(db, 'x'.repeat(22)).kind).toBe('unknown');
		setPilotStatus(db, pilotId, 'closed');
		expect(openLink(db, token)).toMatchObject({ kind: 'closed', started: false });
		setPilotStatus(db, pilotId, 'open');
		// Answers given, not handed in: the closed page says they do not count (results hold submitted responses only).
		recordAnswers(db, personal(), { 'doel-1': '4' });
		setPilotStatus(db, pilotId, 'closed');
		expect(openLink(db, token)).toMatchObject({ kind: 'closed', started: true });
		setPilotStatus(db, pilotId, 'open');
		revokeLink(db, pilotId, personal().invitation.id);
		expect(openLink(db, token).kind).toBe('revoked');
	});
});

describe('the questionnaire of a link', () => {
	it('is built once per snapshot, language, variant, mirror and role, and then shared', () => {
		const first = personal();
		const again = personal();
		expect(again.pages).toBe(first.pages);
		expect(again.questions).toBe(first.questions);
		expect([...first.questions.keys()]).toEqual(first.pages.flatMap((p) => p.questions.map((q) => q.key)));
		const english = inLocale('en', () => personal());
		expect(english.pages).not.toBe(first.pages);
		expect([...english.questions.keys()]).toEqual([...first.questions.keys()]);
		const [{ token: staffToken }] = createPersonalLinks(db, crypto.randomBytes(32), pilotId, 'gemeente', 1);
		const staff = openLink(db, staffToken);
		expect(staff.kind === 'personal' && staff.pages).not.toBe(first.pages);
	});

	it('sees a closed pilot and a submitted response on the next request: only the questions are kept', () => {
		recordAnswers(db, personal(), { 'doel-1': '4' });
		const response = findResponseForInvitation(db, personal().invitation.id)!;
		expect(personal().response?.id).toBe(response.id);
		submitResponse(db, response.id);
		expect(personal().response?.status).toBe('submitted');
		setPilotStatus(db, pilotId, 'closed');
		// The thank-you page stays; the questions are not needed for it.
		expect(personal()).toMatchObject({ kind: 'personal', pages: [] });
	});
});

describe('recordAnswers', () => {
	it('stores valid answers, normalised, and starts the response with the first one', () => {
		const outcome = recordAnswers(db, personal(), { 'doel-1': ' 4 ', 'doel-1.spiegel': 'weet_niet' });
		expect(outcome).toEqual({ kind: 'saved', count: 2 });
		const response = findResponseForInvitation(db, personal().invitation.id)!;
		expect([...loadAnswers(db, response.id)]).toEqual([
			['doel-1', { kind: 'score', score: 4 }],
			['doel-1.spiegel', { kind: 'dontKnow' }]
		]);
	});

	it('refuses a key that is not in this questionnaire, or a bad value, and stores nothing', () => {
		const outcome = recordAnswers(db, personal(), { 'doel-1': '3', 'bestaat-niet': '3' });
		expect(outcome).toEqual({ kind: 'invalid', errors: { 'bestaat-niet': 'Deze vraag hoort niet bij uw vragenlijst.' } });
		expect(recordAnswers(db, personal(), { 'doel-1': '6' }).kind).toBe('invalid');
		expect(findResponseForInvitation(db, personal().invitation.id)).toBeUndefined();
	});

	it('says what is wrong in the language of the request', () => {
		const outcome = inLocale('en', () => recordAnswers(db, personal(), { 'bestaat-niet': '3' }));
		expect(outcome).toEqual({ kind: 'invalid', errors: { 'bestaat-niet': 'This question is not part of your questionnaire.' } });
	});

	it('clearing an answer before there is a response creates no response', () => {
		expect(recordAnswers(db, personal(), { 'doel-1': '' })).toEqual({ kind: 'saved', count: 1 });
		expect(findResponseForInvitation(db, personal().invitation.id)).toBeUndefined();
	});

	it('clears an answer once the response exists, and saving the same value again changes nothing', () => {
		recordAnswers(db, personal(), { 'doel-1': '2', 'doel-2': '5' });
		recordAnswers(db, personal(), { 'doel-1': '2' });
		recordAnswers(db, personal(), { 'doel-2': '' });
		const response = findResponseForInvitation(db, personal().invitation.id)!;
		expect([...loadAnswers(db, response.id)]).toEqual([['doel-1', { kind: 'score', score: 2 }]]);
	});

	it('is locked once the response was handed in, even with a link opened before', () => {
		recordAnswers(db, personal(), { 'doel-1': '2' });
		const openedBefore = personal();
		submitResponse(db, openedBefore.response!.id);
		expect(recordAnswers(db, openedBefore, { 'doel-1': '5' })).toEqual({ kind: 'locked' });
		expect([...loadAnswers(db, openedBefore.response!.id)]).toEqual([['doel-1', { kind: 'score', score: 2 }]]);
	});
});

describe('links and printing in a language', () => {
	it('a Dutch link is the plain link; another language goes with it', () => {
		expect(respondentUrl('https://qs.example', 'abc', 'nl')).toBe('https://qs.example/s/abc');
		expect(respondentUrl('https://qs.example', 'abc', 'en')).toBe('https://qs.example/s/abc?taal=en');
	});

	it('prints in the language asked for, else in the language of the page', () => {
		expect(inLocale('nl', () => printLocale(new URL('https://qs.example/brieven?afdruktaal=en')))).toBe('en');
		expect(inLocale('en', () => printLocale(new URL('https://qs.example/brieven?afdruktaal=xx')))).toBe('en');
		expect(inLocale('nl', () => printLocale(new URL('https://qs.example/brieven')))).toBe('nl');
	});

	it('the language links keep the other choices of the page', () => {
		const choices = printLanguageChoices(new URL('https://qs.example/brieven?rol=raad&afdruktaal=nl'), 'nl');
		expect(choices).toEqual([
			{ locale: 'nl', href: '?rol=raad&afdruktaal=nl', current: true },
			{ locale: 'en', href: '?rol=raad&afdruktaal=en', current: false }
		]);
	});
});
