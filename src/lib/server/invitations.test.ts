// resolveToken reads its row with a raw prepared statement (the autosave path): it must give what
// drizzle's own select gives, for every column, with and without a response.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { invitations, pilots, responses } from './db/schema';
import { createPersonalLinks, resolveToken } from './invitations';
import { getOrStartResponse, submitResponse } from './responses';
import { createTestDb, createTestPilot } from './test-db';

describe('resolveToken', () => {
	let db: Db;
	let cleanup: () => void;
	beforeEach(() => ({ db, cleanup } = createTestDb()));
	afterEach(() => cleanup());

	/** The same link read the query builder's way. */
	function viaDrizzle(id: number) {
		const invitation = db.select().from(invitations).where(eq(invitations.id, id)).get()!;
		const pilot = db.select().from(pilots).where(eq(pilots.id, invitation.pilotId)).get()!;
		const response = db.select().from(responses).where(eq(responses.invitationId, id)).get();
		return { invitation, pilot, response };
	}

	it('gives the rows drizzle gives, booleans and JSON decoded, and no response before the first answer', () => {
		const pilotId = createTestPilot(db, { mirror: false });
		const [link] = createPersonalLinks(db, Buffer.alloc(32, 7), pilotId, 'raad', 1);
		const resolved = resolveToken(db, link.token)!;
		const expected = viaDrizzle(link.id);
		expect(resolved.invitation).toStrictEqual(expected.invitation);
		expect(resolved.response).toBeUndefined();
		expect(expected.response).toBeUndefined();
		const { scan, scanHash, ...pilot } = resolved.pilot;
		expect(pilot).toStrictEqual(expected.pilot);
		expect(pilot.mirror).toBe(false);
		expect(pilot.roles).toEqual(expect.arrayContaining(['raad']));
		expect(scan.id).toBeTruthy();
		expect(scanHash).toMatch(/^[0-9a-f]+$/);
	});

	it('gives the response with the link, submitted or not, and nothing for an unknown token', () => {
		const pilotId = createTestPilot(db);
		const [link] = createPersonalLinks(db, Buffer.alloc(32, 7), pilotId, 'raad', 1);
		const started = getOrStartResponse(db, resolveToken(db, link.token)!.invitation);
		expect(resolveToken(db, link.token)!.response).toStrictEqual(started);
		submitResponse(db, started.id);
		expect(resolveToken(db, link.token)!.response).toStrictEqual(viaDrizzle(link.id).response);
		expect(resolveToken(db, link.token)!.response?.status).toBe('submitted');
		db.update(invitations).set({ revoked: true }).where(eq(invitations.id, link.id)).run();
		expect(resolveToken(db, link.token)!.invitation.revoked).toBe(true);
		expect(resolveToken(db, 'A'.repeat(22))).toBeUndefined();
	});
});
