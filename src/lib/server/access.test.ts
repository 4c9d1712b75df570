// Who may manage or view a pilot: admins, owners, and accounts the pilot is shared with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listShares, pilotAccess, ShareError, sharePilot, unsharePilot, viewablePilot, visiblePilotIds } from './access';
import type { SessionUser } from './auth';
import type { Db } from './db';
import { createPilot, deletePilot, getPilot } from './pilots';
import { createTestDb, testPilotForm } from './test-db';

/** The pilot if this user may manage it (what requirePilot(event, 'manage') lets through). */
const managed = (user: Parameters<typeof viewablePilot>[1], id: number) => {
	const found = viewablePilot(db, user, id);
	return found?.access === 'manage' ? found.pilot : null;
};

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

/** A user row without argon2 (slow on purpose): access never needs a password. */
function insertUser(email: string, role: SessionUser['role'], active = true): SessionUser {
	const row = db.$client
		.prepare("INSERT INTO users (email, name, password_hash, role, active) VALUES (?, '', 'geen-hash', ?, ?) RETURNING id")
		.get(email, role, active ? 1 : 0) as { id: number };
	return { id: row.id, email, name: '', role };
}

function newPilot(ownerId: number | null, municipality = 'Zuidstad'): number {
	return createPilot(db, testPilotForm({ municipality }), ownerId);
}

const byNumber = (a: number, b: number) => a - b;
const accessOf = (user: SessionUser, pilotId: number) => pilotAccess(db, user, getPilot(db, pilotId)!);

describe('pilotAccess', () => {
	it('an admin manages every pilot, also one without an owner', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		for (const id of [newPilot(owner.id), newPilot(null)]) {
			expect(accessOf(admin, id)).toBe('manage');
			expect(managed(admin, id)?.id).toBe(id);
		}
	});

	it('the owning facilitator manages; another facilitator gets nothing', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const other = insertUser('ander@example.nl', 'facilitator');
		const id = newPilot(owner.id);
		expect(accessOf(owner, id)).toBe('manage');
		expect(managed(owner, id)?.municipality).toBe('Zuidstad');
		expect(accessOf(other, id)).toBeNull();
		expect(managed(other, id)).toBeNull();
		expect(viewablePilot(db, other, id)).toBeNull();
		expect(pilotAccess(db, null, getPilot(db, id)!)).toBeNull();
	});

	it('a pilot that does not exist is neither managed nor viewable', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		expect(managed(admin, 999)).toBeNull();
		expect(viewablePilot(db, admin, 999)).toBeNull();
	});
});

describe('sharing', () => {
	it("share 'viewer' gives 'view', not 'manage'", () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const viewer = insertUser('kijker@example.nl', 'viewer');
		const id = newPilot(owner.id);
		sharePilot(db, id, 'Kijker@Example.nl ', 'viewer');
		expect(accessOf(viewer, id)).toBe('view');
		expect(viewablePilot(db, viewer, id)?.access).toBe('view');
		expect(managed(viewer, id)).toBeNull();
	});

	it("share 'facilitator' lets a facilitator manage; a viewer account is refused", () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const colleague = insertUser('collega@example.nl', 'facilitator');
		const viewer = insertUser('kijker@example.nl', 'viewer');
		const id = newPilot(owner.id);
		sharePilot(db, id, colleague.email, 'facilitator');
		expect(accessOf(colleague, id)).toBe('manage');
		expect(managed(colleague, id)?.id).toBe(id);
		expect(() => sharePilot(db, id, viewer.email, 'facilitator')).toThrow(ShareError);
		expect(accessOf(viewer, id)).toBeNull();
		expect(listShares(db, id).map((s) => [s.email, s.access])).toEqual([['collega@example.nl', 'facilitator']]);
	});

	it('a viewer account never manages, even with a co-manager share in the database', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const viewer = insertUser('kijker@example.nl', 'viewer');
		const id = newPilot(owner.id);
		db.$client.prepare("INSERT INTO pilot_shares (pilot_id, user_id, access) VALUES (?, ?, 'facilitator')").run(id, viewer.id);
		expect(accessOf(viewer, id)).toBe('view');
		expect(managed(viewer, id)).toBeNull();
	});

	it('sharing again changes the access instead of adding a second share', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const colleague = insertUser('collega@example.nl', 'facilitator');
		const id = newPilot(owner.id);
		sharePilot(db, id, colleague.email, 'facilitator');
		sharePilot(db, id, colleague.email, 'viewer');
		expect(listShares(db, id)).toHaveLength(1);
		expect(accessOf(colleague, id)).toBe('view');
	});

	it('refuses unknown, inactive, admin and owner accounts', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		insertUser('beheer@example.nl', 'admin');
		insertUser('weg@example.nl', 'facilitator', false);
		const id = newPilot(owner.id);
		for (const email of ['niemand@example.nl', 'weg@example.nl', 'beheer@example.nl', 'eigenaar@example.nl']) {
			expect(() => sharePilot(db, id, email, 'viewer'), email).toThrow(ShareError);
		}
		expect(listShares(db, id)).toEqual([]);
	});

	it('unsharePilot removes the access; removing it twice reports nothing removed', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const colleague = insertUser('collega@example.nl', 'facilitator');
		const id = newPilot(owner.id);
		sharePilot(db, id, colleague.email, 'facilitator');
		expect(unsharePilot(db, id, colleague.id)).toBe(true);
		expect(accessOf(colleague, id)).toBeNull();
		expect(visiblePilotIds(db, colleague)).toEqual([]);
		expect(unsharePilot(db, id, colleague.id)).toBe(false);
	});

	it('deleting a pilot removes its shares', () => {
		const owner = insertUser('eigenaar@example.nl', 'facilitator');
		const colleague = insertUser('collega@example.nl', 'facilitator');
		const id = newPilot(owner.id);
		sharePilot(db, id, colleague.email, 'viewer');
		deletePilot(db, id);
		expect(listShares(db, id)).toEqual([]);
		expect(visiblePilotIds(db, colleague)).toEqual([]);
	});
});

describe('visiblePilotIds', () => {
	it('admin: all (null); facilitator: owned and shared; viewer: shared only', () => {
		const admin = insertUser('beheer@example.nl', 'admin');
		const anna = insertUser('anna@example.nl', 'facilitator');
		const bert = insertUser('bert@example.nl', 'facilitator');
		const kees = insertUser('kees@example.nl', 'viewer');
		const annasPilot = newPilot(anna.id, 'Noordstad');
		const bertsPilot = newPilot(bert.id, 'Zuidstad');
		const bertsOther = newPilot(bert.id, 'Oostdorp');
		sharePilot(db, bertsPilot, anna.email, 'viewer');
		sharePilot(db, bertsOther, kees.email, 'viewer');
		expect(visiblePilotIds(db, admin)).toBeNull();
		expect(visiblePilotIds(db, anna)?.sort(byNumber)).toEqual([annasPilot, bertsPilot].sort(byNumber));
		expect(visiblePilotIds(db, bert)?.sort(byNumber)).toEqual([bertsPilot, bertsOther].sort(byNumber));
		expect(visiblePilotIds(db, kees)).toEqual([bertsOther]);
	});
});
