// The autosave answered before SvelteKit gives what the route gives (autosave.ts), with the
// headers and limits the hooks give every link request, and leaves every other request alone.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { autosaveHandler } from './autosave-http';
import { createPersonalLinks } from './invitations';
import { setPilotStatus } from './pilots';
import { findResponseForInvitation, loadAnswers, submitResponse } from './responses';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
let pilotId: number;
let token: string;
let server: http.Server;
let base: string;

beforeEach(async () => {
	({ db, cleanup } = createTestDb());
	pilotId = createTestPilot(db);
	setPilotStatus(db, pilotId, 'open');
	[{ token }] = createPersonalLinks(db, crypto.randomBytes(32), pilotId, 'raad', 1);
	const handle = autosaveHandler(() => db);
	// What the handler leaves alone is answered with 299 here, as SvelteKit would take it over.
	server = http.createServer((req, res) => {
		if (!handle(req, res)) res.writeHead(299).end('framework');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
	await new Promise((resolve) => server.close(resolve));
	cleanup();
});

const save = (path: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the autosave before SvelteKit', () => {
	it('stores an answer and answers as the route does, with no referrer and no caching', async () => {
		const response = await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { 'doel-1': '4' } }));
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ saved: 1 });
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const invitationId = db.$client.prepare('select id from invitations where pilot_id = ?').pluck().get(pilotId) as number;
		const stored = findResponseForInvitation(db, invitationId)!;
		expect(loadAnswers(db, stored.id).get('doel-1')).toEqual({ kind: 'score', score: 4 });
	});

	it('refuses bad input with the words of the request language', async () => {
		const bad = await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { 'doel-1': '9' } }));
		expect(bad.status).toBe(400);
		expect((await bad.json()).errors['doel-1']).toBeTruthy();
		const notJson = await save(`/s/${token}/antwoord`, 'nee', { 'accept-language': 'en' });
		expect(notJson.status).toBe(400);
		expect((await notJson.json()).message).toBe('Invalid request.');
		const dutch = await save(`/s/${token}/antwoord`, 'nee', { 'accept-language': 'en', cookie: 'taal=nl' });
		expect((await dutch.json()).message).toBe('Ongeldig verzoek.');
		const big = await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { a: 'x'.repeat(70_000) } }));
		expect(big.status).toBe(413);
	});

	it('keeps a handed-in response final and a closed pilot closed', async () => {
		await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { 'doel-1': '4' } }));
		const invitationId = db.$client.prepare('select id from invitations where pilot_id = ?').pluck().get(pilotId) as number;
		const response = findResponseForInvitation(db, invitationId)!;
		setPilotStatus(db, pilotId, 'closed');
		const closed = await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { 'doel-1': '2' } }));
		expect(closed.status).toBe(410);
		setPilotStatus(db, pilotId, 'open');
		submitResponse(db, response.id);
		const submitted = await save(`/s/${token}/antwoord`, JSON.stringify({ answers: { 'doel-1': '2' } }));
		expect(submitted.status).toBe(409);
		expect(loadAnswers(db, response.id).get('doel-1')).toEqual({ kind: 'score', score: 4 });
	});

	it('counts unknown links against the client, as every link path does', async () => {
		// An address of its own (as behind a proxy), so no other test shares the count.
		process.env.ADDRESS_HEADER = 'x-forwarded-for';
		try {
			const client = { 'x-forwarded-for': `198.51.100.${crypto.randomInt(1, 250)}` };
			const statuses: number[] = [];
			for (let i = 0; i < 32; i++)
				statuses.push((await save(`/s/${crypto.randomBytes(16).toString('base64url')}/antwoord`, '{}', client)).status);
			expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
			expect(statuses.at(-1)).toBe(429);
		} finally {
			delete process.env.ADDRESS_HEADER;
		}
	});

	it('leaves every other request to the framework', async () => {
		const body = JSON.stringify({ answers: { 'doel-1': '4' } });
		expect((await save(`/s/${token}/antwoord?taal=en`, body)).status).toBe(299);
		expect((await save(`/s/${token}/antwoord`, body, { 'content-type': 'text/plain' })).status).toBe(299);
		expect((await save(`/s/${token}/antwoord/`, body)).status).toBe(299);
		expect((await save(`/s/kort/antwoord`, body)).status).toBe(299);
		expect((await fetch(`${base}/s/${token}/antwoord`)).status).toBe(299);
	});
});
