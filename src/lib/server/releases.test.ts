// Releases and four eyes: figures change only by whole groups of at least k people per role, and
// one account can never make a typed-in form count on its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { createPilot, getPilot, type PilotWithScan } from './pilots';
import { checkRelease, latestRelease, listReleases, makeRelease, releasedResponseIds } from './releases';
import { confirmTypedIn, insertCompletedResponse, pendingTypedIn } from './responses';
import { countable, countingResponses, loadStored } from './results';
import { createTestDb, testPilotForm } from './test-db';

let db: Db;
let cleanup: () => void;
let pilot: PilotWithScan;
let anna: number;
let bram: number;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilot = getPilot(db, createPilot(db, testPilotForm({ roles: ['raad', 'gemeente'], minGroupSize: 3 }), null))!;
	const user = db.$client.prepare("INSERT INTO users (email, password_hash, role) VALUES (?, 'x', 'facilitator') RETURNING id");
	anna = (user.get('anna@example.nl') as { id: number }).id;
	bram = (user.get('bram@example.nl') as { id: number }).id;
});
afterEach(() => cleanup());

const score = (n: number): Answer => ({ kind: 'score', score: n as 1 | 2 | 3 | 4 | 5 });
function online(role: string, value = 4) {
	return insertCompletedResponse(db, { pilotId: pilot.id, role, source: 'online', answers: [['doel-1', score(value)]] }).id;
}
function paper(role: string, enteredBy: number | null, value = 2) {
	return insertCompletedResponse(db, { pilotId: pilot.id, role, source: 'paper', answers: [['doel-1', score(value)]], enteredBy }).id;
}
const raadMean = () => latestRelease(db, pilot.id)?.results.themes[0].items.find((i) => i.id === 'doel-1')?.byRole.raad?.mean ?? null;

describe('releases', () => {
	it('do not exist before the first; the first holds everything that counts, whatever the numbers', () => {
		expect(latestRelease(db, pilot.id)).toBeNull();
		const ids = [online('raad'), online('raad'), online('raad'), online('gemeente')];
		expect(checkRelease(db, pilot)).toMatchObject({ first: true, allowed: true, added: { raad: 3, gemeente: 1 } });
		const made = makeRelease(db, pilot, 'close', anna);
		expect(made.ok).toBe(true);
		const release = latestRelease(db, pilot.id)!;
		expect(release).toMatchObject({
			number: 1,
			reason: 'close',
			counts: { raad: { responses: 3, typedIn: 0 }, gemeente: { responses: 1, typedIn: 0 } }
		});
		expect(releasedResponseIds(db, release.id)).toEqual(new Set(ids));
		// The small role is suppressed inside the release, as everywhere.
		expect(release.results.roles.find((r) => r.role === 'gemeente')).toMatchObject({ suppressed: true, respondents: null });
	});

	it('stay as they were while fewer than k new responses of a changed role arrive, and say how many more', () => {
		for (let i = 0; i < 3; i++) online('raad', 4);
		makeRelease(db, pilot, 'close', anna);
		expect(raadMean()).toBe(4);
		online('raad', 1);
		expect(checkRelease(db, pilot)).toMatchObject({ first: false, allowed: false, missing: { raad: 2 }, nothingNew: false });
		const refused = makeRelease(db, pilot, 'explicit', anna);
		expect(refused.ok).toBe(false);
		// The figures did not move: nobody can subtract release 1 from anything to find the fourth person.
		expect(raadMean()).toBe(4);
		expect(listReleases(db, pilot.id)).toHaveLength(1);
		online('raad', 1);
		online('raad', 1);
		expect(checkRelease(db, pilot)).toMatchObject({ allowed: true, missing: {}, added: { raad: 3, gemeente: 0 } });
		expect(makeRelease(db, pilot, 'explicit', anna).ok).toBe(true);
		expect(raadMean()).toBe(2.5);
		expect(listReleases(db, pilot.id).map((r) => r.number)).toEqual([2, 1]);
	});

	it('are refused when nothing new arrived since the last one', () => {
		for (let i = 0; i < 3; i++) online('raad');
		makeRelease(db, pilot, 'close', anna);
		expect(checkRelease(db, pilot)).toMatchObject({ nothingNew: true, allowed: false });
		expect(makeRelease(db, pilot, 'close', anna).ok).toBe(false);
	});
});

describe('four eyes on typed-in forms', () => {
	it('a typed-in form counts only after another account confirmed it', () => {
		for (let i = 0; i < 2; i++) online('raad', 4);
		paper('raad', anna, 1);
		expect(pendingTypedIn(db, pilot.id)).toEqual([
			{ enteredBy: anna, enteredByEmail: 'anna@example.nl', role: 'raad', source: 'paper', forms: 1 }
		]);
		// Anna alone cannot lift the council over k = 3 with a form she typed in herself.
		expect(confirmTypedIn(db, pilot.id, { id: anna })).toBe(0);
		makeRelease(db, pilot, 'close', anna);
		expect(latestRelease(db, pilot.id)!.results.roles.find((r) => r.role === 'raad')).toMatchObject({ suppressed: true });
		expect(confirmTypedIn(db, pilot.id, { id: bram })).toBe(1);
		expect(pendingTypedIn(db, pilot.id)).toEqual([]);
	});

	it('a release says per role how many forms were typed in', () => {
		online('raad');
		paper('raad', anna);
		paper('raad', null);
		expect(confirmTypedIn(db, pilot.id, { id: bram })).toBe(2);
		makeRelease(db, pilot, 'close', anna);
		expect(latestRelease(db, pilot.id)!.counts.raad).toEqual({ responses: 3, typedIn: 2 });
	});
});

describe('what any sequence of events can reveal', () => {
	type Event =
		| { kind: 'online'; role: 'raad' | 'gemeente' }
		| { kind: 'paper'; role: 'raad' | 'gemeente'; by: 'anna' | 'bram' }
		| { kind: 'confirm'; by: 'anna' | 'bram' }
		| { kind: 'release' };
	const role = fc.constantFrom<'raad' | 'gemeente'>('raad', 'gemeente');
	const who = fc.constantFrom<'anna' | 'bram'>('anna', 'bram');
	const event = fc.oneof(
		{ weight: 5, arbitrary: role.map((r): Event => ({ kind: 'online', role: r })) },
		{ weight: 2, arbitrary: fc.record({ role, by: who }).map((e): Event => ({ kind: 'paper', ...e })) },
		{ weight: 1, arbitrary: who.map((by): Event => ({ kind: 'confirm', by })) },
		{ weight: 2, arbitrary: fc.constant<Event>({ kind: 'release' }) }
	);

	it('no release shows a role on fewer than k counted people, and two releases never differ by fewer than k of a role', () => {
		fc.assert(
			fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 3, max: 5 }), (events, k) => {
				db.$client.prepare('DELETE FROM pilots').run();
				pilot = getPilot(db, createPilot(db, testPilotForm({ roles: ['raad', 'gemeente'], minGroupSize: k }), null))!;
				const users = { anna, bram };
				let value = 0;
				for (const e of events) {
					if (e.kind === 'online') online(e.role, (value++ % 5) + 1);
					else if (e.kind === 'paper') paper(e.role, users[e.by], (value++ % 5) + 1);
					else if (e.kind === 'confirm') confirmTypedIn(db, pilot.id, { id: users[e.by] });
					else makeRelease(db, pilot, 'explicit', anna);
				}
				// The release check (SQL) and the release itself (JS) apply the same rule of what counts.
				expect(countingResponses(db, pilot.id).map((r) => r.id)).toEqual(
					loadStored(db, pilot.id)
						.filter(countable)
						.map((r) => r.id)
				);
				const releases = listReleases(db, pilot.id).reverse();
				const roleOf = new Map(
					(
						db.$client
							.prepare('SELECT id, role, source, confirmed_on, confirmed_by, entered_by FROM responses WHERE pilot_id = ?')
							.all(pilot.id) as {
							id: number;
							role: string;
							source: string;
							confirmed_on: string | null;
							confirmed_by: number | null;
							entered_by: number | null;
						}[]
					).map((r) => [r.id, r])
				);
				let before = new Set<number>();
				for (const summary of releases) {
					const held = releasedResponseIds(db, summary.id);
					for (const id of held) {
						const r = roleOf.get(id)!;
						// Everything held counts: online, or typed in and confirmed by someone else.
						expect(r.source === 'online' || (r.confirmed_on !== null && r.confirmed_by !== r.entered_by)).toBe(true);
					}
					// Figures only of roles with at least k held responses.
					const release = db.$client.prepare('SELECT results FROM releases WHERE id = ?').get(summary.id) as { results: string };
					for (const r of JSON.parse(release.results).roles as { role: string; suppressed: boolean; respondents: number | null }[]) {
						const n = [...held].filter((id) => roleOf.get(id)!.role === r.role).length;
						if (!r.suppressed) expect(n).toBeGreaterThanOrEqual(k);
						if (!r.suppressed) expect(r.respondents).toBe(n);
					}
					// The difference with the release before: none or at least k per role.
					for (const roleId of ['raad', 'gemeente']) {
						const added = [...held].filter((id) => !before.has(id) && roleOf.get(id)!.role === roleId).length;
						const removed = [...before].filter((id) => !held.has(id)).length;
						expect(removed).toBe(0);
						if (before.size > 0 || summary.number > 1) expect(added === 0 || added >= k).toBe(true);
					}
					before = held;
				}
			}),
			{ numRuns: 60 }
		);
	});
});
