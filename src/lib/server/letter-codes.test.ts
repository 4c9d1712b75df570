// Letter codes: how they are made and written, how forgiving typing them is, and that a code finds
// its link (and only its link) under the limits on guessing.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { invitations } from './db/schema';
import {
	addMissingLetterCodes,
	createPersonalLinks,
	ensureGroupLink,
	listLinks,
	revokeLink,
	spawnFromGroup,
	tokenForLetterCode
} from './invitations';
import {
	CODE_ALPHABET,
	CODE_BITS,
	CODE_LENGTH,
	deriveLetterCode,
	formatLetterCode,
	letterCodeHash,
	normaliseLetterCode
} from './letter-codes';
import { setPilotStatus } from './pilots';
import { codeFailureLimiter } from './rate-limit';
import { openLetterCode } from './respondent';
import { createTestDb, createTestPilot } from './test-db';
import { hashToken } from './tokens';

const secret = crypto.randomBytes(32);

describe('deriveLetterCode', () => {
	it('gives 12 characters of the 32-character alphabet: 60 bits', () => {
		expect(CODE_ALPHABET).toHaveLength(32);
		expect(new Set(CODE_ALPHABET).size).toBe(32);
		expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
		expect(CODE_BITS).toBe(60);
		const code = deriveLetterCode(secret, 'zout');
		expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
	});

	it('is the same for the same salt and key, and differs for another salt or key', () => {
		expect(deriveLetterCode(secret, 'zout')).toBe(deriveLetterCode(secret, 'zout'));
		expect(deriveLetterCode(secret, 'zout2')).not.toBe(deriveLetterCode(secret, 'zout'));
		expect(deriveLetterCode(crypto.randomBytes(32), 'zout')).not.toBe(deriveLetterCode(secret, 'zout'));
	});

	it('uses every character in every position about equally often', () => {
		const n = 6400;
		const counts = Array.from({ length: CODE_LENGTH }, () => new Map<string, number>());
		for (let i = 0; i < n; i++) [...deriveLetterCode(secret, String(i))].forEach((c, p) => counts[p].set(c, (counts[p].get(c) ?? 0) + 1));
		for (const position of counts) {
			expect(position.size).toBe(32);
			// Expected 200 each; a character outside 120..280 would mean bits are lost or biased.
			for (const k of position.values()) expect([k, k > 120 && k < 280]).toEqual([k, true]);
		}
	});
});

describe('formatLetterCode and normaliseLetterCode', () => {
	it('prints three groups of four', () => {
		expect(formatLetterCode('KX7PM2Q94HNB')).toBe('KX7P-M2Q9-4HNB');
	});

	it.each(['KX7P-M2Q9-4HNB', 'kx7pm2q94hnb', ' kx7p m2q9 4hnb ', 'kx7p–m2q9—4hnb', 'KX7P.M2Q9.4HNB', 'ＫＸ７Ｐ-Ｍ２Ｑ９-４ＨＮＢ'])(
		'reads %s as KX7PM2Q94HNB',
		(typed) => {
			expect(normaliseLetterCode(typed)).toBe('KX7PM2Q94HNB');
		}
	);

	it('reads O as 0 and I or L as 1', () => {
		expect(normaliseLetterCode('OOOO-iiii-LLLL')).toBe('000011111111');
	});

	it.each(['', 'KX7P-M2Q9', 'KX7P-M2Q9-4HNB-X', 'KX7P-M2Q9-4HNU', 'KX7P-M2Q9-4HN!', 'AbCdEfGhIjKlMnOpQrStUv'])('refuses %s', (typed) => {
		expect(normaliseLetterCode(typed)).toBeNull();
	});
});

describe('letter codes of links', () => {
	let db: Db;
	let cleanup: () => void;
	let pilotId: number;

	beforeEach(() => {
		({ db, cleanup } = createTestDb());
		pilotId = createTestPilot(db);
		setPilotStatus(db, pilotId, 'open');
	});
	afterEach(() => cleanup());

	it('finds the token of a personal link from its code typed any which way, and no other', () => {
		const [a, b] = createPersonalLinks(db, secret, pilotId, 'raad', 2);
		expect(a.code).toMatch(/^[0-9A-Z]{12}$/);
		const messy = formatLetterCode(a.code!).toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
		expect(tokenForLetterCode(db, secret, messy)).toBe(a.token);
		expect(tokenForLetterCode(db, secret, b.code!)).toBe(b.token);
		// One character off opens nothing.
		const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(a.code![0]) + 1) % 32] + a.code!.slice(1);
		expect(tokenForLetterCode(db, secret, other)).toBeUndefined();
		// Under another key the code is worth nothing.
		expect(tokenForLetterCode(db, crypto.randomBytes(32), a.code!)).toBeUndefined();
	});

	it('stores only a keyed hash of the code', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		const row = db.select().from(invitations).where(eq(invitations.id, a.id)).get()!;
		expect(row.codeHash).toBe(letterCodeHash(secret, a.code!));
		expect(JSON.stringify(row)).not.toContain(a.code!);
		expect(row.codeHash).not.toBe(crypto.createHash('sha256').update(a.code!).digest('hex'));
	});

	it('shows the same code again in the list, until the respondent has started', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		expect(listLinks(db, secret, pilotId)[0].code).toBe(a.code);
		expect(listLinks(db, crypto.randomBytes(32), pilotId)[0].code).toBeNull();
	});

	it('gives group links a code, and the links they hand out none', () => {
		const group = ensureGroupLink(db, secret, pilotId, 'raad');
		expect(tokenForLetterCode(db, secret, group.code!)).toBe(group.token);
		const row = db.select().from(invitations).where(eq(invitations.id, group.id)).get()!;
		const spawned = spawnFromGroup(db, secret, row, 'raad');
		expect(spawned.code).toBeNull();
		expect(db.select().from(invitations).where(eq(invitations.id, spawned.id)).get()!.codeHash).toBeNull();
	});

	it('a revoked link keeps its code: the link page then says it no longer works', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		revokeLink(db, pilotId, a.id);
		expect(tokenForLetterCode(db, secret, a.code!)).toBe(a.token);
	});

	it('links made before codes existed get theirs at start-up, with the code their letter will show', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		db.update(invitations).set({ codeHash: null }).run();
		expect(tokenForLetterCode(db, secret, a.code!)).toBeUndefined();
		expect(addMissingLetterCodes(db, secret)).toBe(1);
		expect(tokenForLetterCode(db, secret, a.code!)).toBe(a.token);
		expect(addMissingLetterCodes(db, secret)).toBe(0);
		// A link under an older key gets none.
		db.update(invitations)
			.set({ codeHash: null, tokenHash: hashToken('x'.repeat(22)) })
			.run();
		expect(addMissingLetterCodes(db, secret)).toBe(0);
	});

	it('counts wrong codes per client and refuses that client after 30, even a right code', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		const client = `test-${crypto.randomUUID()}`;
		expect(openLetterCode(db, secret, a.code!, client)).toEqual({ kind: 'found', token: a.token });
		// Typing slips that cannot be a code are not counted.
		for (let i = 0; i < 40; i++) expect(openLetterCode(db, secret, 'KX7P', client).kind).toBe('malformed');
		expect(openLetterCode(db, secret, '  ', client).kind).toBe('empty');
		for (let i = 0; i < 30; i++) expect(openLetterCode(db, secret, '0000-0000-0000', client).kind).toBe('wrong');
		const refused = openLetterCode(db, secret, a.code!, client);
		expect(refused.kind).toBe('too-many');
		// Another client is not held up.
		expect(openLetterCode(db, secret, a.code!, `${client}-2`).kind).toBe('found');
	});

	it('refuses all clients together after 10 000 wrong codes in an hour', () => {
		const [a] = createPersonalLinks(db, secret, pilotId, 'raad', 1);
		// Past the window of the wrong codes other tests typed (the limiter is one per process, and
		// vitest gives each test file its own); keep this test last in the file.
		const then = Date.now() + 2 * 3600_000;
		for (let i = 0; i < codeFailureLimiter.limit; i++) openLetterCode(db, secret, '0000-0000-0000', `many-${i}`, then);
		expect(openLetterCode(db, secret, a.code!, 'fresh-client', then).kind).toBe('too-many');
		expect(openLetterCode(db, secret, a.code!, 'fresh-client', then + 3600_000).kind).toBe('found');
	});
});
