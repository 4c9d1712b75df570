// Demo data: a programme of fictitious municipalities (demo-programme.ts) with synthetic answers
// that differ per role, theme and municipality, one municipality with two rounds, an agenda and a
// plan van aanpak. Made in one transaction on a new database, and again by `npm run demo:reset`.
// Every demo pilot is flagged `demo`, so a reset removes exactly those. The numbers are made up.
import { asc, eq } from 'drizzle-orm';
import { buildPages, questionnaireOptions, type Answer, type Question } from '$lib/scan/questionnaire';
import { answerColumns } from '$lib/scan/answer-codec';
import { linkTargets } from '$lib/plan/rules';
import { agendaCandidates } from '$lib/analysis/agenda';
import type { PilotResults } from '$lib/analysis/aggregate';
import { dayOf } from '$lib/dates';
import type { Db } from './db';
import { pilots, releases, users } from './db/schema';
import { createPilot, deletePilot, getPilot, type PilotWithScan } from './pilots';
import type { LoadedScan } from './scans';
import { makeRelease } from './releases';
import { randomToken } from './tokens';
import { addAction, addProgress } from './plan';
import { changeAgenda, markQuote, storeAgenda } from './agenda';
import {
	DEMO_AGENDA_NOTES,
	DEMO_PLAN,
	DEMO_PROFILES,
	ITEM_TENDENCY,
	MORE_OPEN_ANSWERS,
	OPEN_ANSWERS,
	PLAN_PILOT,
	ROLE_TENDENCY,
	type DemoProfile,
	type Shifts
} from './demo-programme';

/** A small seeded PRNG (mulberry32) so the demo looks the same on every machine. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The demo pilots' ids by their key in DEMO_PROFILES. */
export type DemoSeed = Record<string, number>;

function draw(random: () => number, mean: number): Answer {
	if (random() < 0.07) return { kind: 'dontKnow' };
	const noisy = mean + (random() + random() + random() - 1.5) * 1.6;
	return { kind: 'score', score: Math.min(5, Math.max(1, Math.round(noisy))) as 1 | 2 | 3 | 4 | 5 };
}

const shift = (shifts: Shifts | undefined, id: string, role: string) => (shifts?.[id]?.[role] ?? 0) + (shifts?.[id]?.['*'] ?? 0);

/** The mean a respondent of `role` tends to give on a statement of theme number `t` in this municipality. */
function meanOf(profile: DemoProfile, role: string, t: number, themeId: string, itemId: string): number {
	const base = (ROLE_TENDENCY[role] ?? ROLE_TENDENCY.gemeente)[t % 8];
	if (profile.legacy) return base;
	return (
		base +
		(profile.climate ?? 0) +
		shift(profile.themes, themeId, role) +
		shift(ITEM_TENDENCY, itemId, role) +
		shift(profile.items, itemId, role)
	);
}

/** One respondent's answers: the municipality's tendency, the person's own mood and some noise. */
function answersOf(
	profile: DemoProfile,
	role: string,
	mirrorTarget: string | undefined,
	pages: ReturnType<typeof buildPages>,
	random: () => number,
	changeRandom: () => number
) {
	// The first pilot draws exactly as the original demo did, so its figures stay the same.
	const mood = profile.legacy ? 0 : (random() - 0.5) * 0.9;
	const texts = profile.legacy ? OPEN_ANSWERS : [...OPEN_ANSWERS, ...MORE_OPEN_ANSWERS];
	const out: [string, Answer][] = [];
	pages.forEach((page, t) => {
		const theme = page.theme.id;
		for (const q of page.questions as Question[]) {
			// Since the last round most saw something change, a few did not or cannot say.
			if (q.kind === 'change') {
				const r = changeRandom();
				out.push([q.key, r < 0.1 ? { kind: 'dontKnow' } : { kind: 'score', score: r < 0.45 ? 1 : r < 0.85 ? 2 : 3 }]);
				continue;
			}
			if (random() < 0.03) continue; // an unanswered question now and then
			if (q.kind === 'likert') out.push([q.key, draw(random, meanOf(profile, role, t, theme, q.item.id) + mood)]);
			// People tend to expect the other side to be more positive than it is.
			else if (q.kind === 'mirror') out.push([q.key, draw(random, meanOf(profile, mirrorTarget ?? role, t, theme, q.item.id) + 0.6)]);
			else if (q.kind === 'ladder-now')
				out.push([q.key, draw(random, (role === 'raad' ? 2.2 : 3.0) + (profile.legacy ? 0 : shift(profile.themes, theme, role) + mood))]);
			else if (q.kind === 'ladder-desired') out.push([q.key, draw(random, 4.0)]);
			else if (random() < 0.5) out.push([q.key, { kind: 'text', text: texts[Math.floor(random() * texts.length)] }]);
		}
	});
	return out;
}

/** `days` before today as YYYY-MM-DD (the seed's own clock, so tests can fix it). */
function dayBefore(today: string, days: number): string {
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
}

function statements(db: Db) {
	const sqlite = db.$client;
	return {
		response: sqlite.prepare(
			`INSERT INTO responses (public_id, pilot_id, role, source, status, started_on, submitted_on, confirmed_on)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
		),
		answer: sqlite.prepare('INSERT INTO answers (response_id, key, score, dont_know, text) VALUES (?, ?, ?, ?, ?)')
	};
}

/** Creates one profile's pilot with its answers; closed pilots get their release as on closing. */
function seedPilot(
	db: Db,
	scan: LoadedScan,
	profile: DemoProfile,
	ownerId: number | null,
	previousId: number | null,
	today: string
): { pilot: PilotWithScan; results: PilotResults | null } {
	const def = scan.definition;
	const roles = profile.legacy || profile.status === 'draft' ? def.roles.map((r) => r.id) : Object.keys(profile.sizes);
	const day = dayBefore(today, profile.daysAgo);
	const pilotId = createPilot(
		db,
		{
			municipality: profile.municipality,
			roundLabel: profile.roundLabel,
			cbsCode: null,
			councilType: profile.councilType,
			scan: `${def.id}@${def.version}`,
			variant: 'full',
			mirror: true,
			roles,
			minGroupSize: 5,
			opensOn: profile.status === 'open' ? dayBefore(today, 14) : null,
			closesOn: profile.status === 'open' ? dayBefore(today, -21) : null,
			benchmarkConsent: profile.benchmarkConsent,
			contact: profile.contact ?? null
		},
		ownerId
	);
	db.update(pilots).set({ demo: true, status: profile.status, previousPilotId: previousId }).where(eq(pilots.id, pilotId)).run();
	const pilot = getPilot(db, pilotId)!;
	const random = seededRandom(profile.seed);
	const { response, answer } = statements(db);
	for (const role of roles) {
		const target = def.roles.find((r) => r.id === role)?.mirrorTarget;
		const pages = buildPages(def, questionnaireOptions(pilot, role));
		// A follow-up round's change question is drawn apart, so the scan's own answers stay as they were.
		const changeRandom = seededRandom(profile.seed + 1);
		const submitted = profile.sizes[role] ?? 0;
		for (let n = 0; n < submitted + (profile.inProgress?.[role] ?? 0); n++) {
			const done = n < submitted;
			const answers = answersOf(profile, role, target, pages, random, changeRandom);
			// Someone still busy has answered the first themes only.
			const kept = done ? answers : answers.slice(0, Math.floor(answers.length / 3));
			// The demo's paper forms count as confirmed by a second person.
			const source = done && n % 4 === 3 ? 'paper' : 'online';
			const row = response.get(
				randomToken(9),
				pilotId,
				role,
				source,
				done ? 'submitted' : 'in_progress',
				day,
				done ? day : null,
				source === 'paper' ? day : null
			) as { id: number };
			for (const [key, a] of kept) {
				const c = answerColumns(a);
				answer.run(row.id, key, c.score, c.dontKnow ? 1 : 0, c.text);
			}
		}
	}
	if (profile.status !== 'closed') return { pilot, results: null };
	const outcome = makeRelease(db, getPilot(db, pilotId)!, 'close', ownerId);
	if (!outcome.ok) throw new Error(`demo: ${profile.municipality} could not be released`);
	if (profile.daysAgo > 0) {
		// Dated with the answers, so an earlier round also looks earlier.
		db.update(releases)
			.set({ createdAt: `${day}T16:00:00Z` })
			.where(eq(releases.id, outcome.release.id))
			.run();
		db.update(pilots)
			.set({ createdAt: `${dayBefore(today, profile.daysAgo + 21)}T09:00:00Z` })
			.where(eq(pilots.id, pilotId))
			.run();
	}
	return { pilot, results: outcome.release.results };
}

const monthAfter = (day: string, months: number) => {
	const d = new Date(`${day.slice(0, 7)}-15T12:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 7);
};

/**
 * Round 1's conversation and plan: the agenda stored with notes (the statements the plan is about
 * are put on it when the draft lacks them) and a quote, then the actions with their progress.
 */
function seedPlan(db: Db, pilot: PilotWithScan, results: PilotResults, start: string): void {
	let entries = storeAgenda(db, pilot.id, results);
	const topicOf = (itemId: string) => entries.find((e) => e.topic?.itemId === itemId);
	for (const [itemId, notes] of Object.entries(DEMO_AGENDA_NOTES)) {
		const candidate = agendaCandidates(results).find((c) => c.itemId === itemId);
		if (!topicOf(itemId) && candidate) {
			changeAgenda(db, pilot.id, results, { kind: 'add', key: candidate.key });
			entries = storeAgenda(db, pilot.id, results);
		}
		const entry = topicOf(itemId);
		if (entry?.id) changeAgenda(db, pilot.id, results, { kind: 'notes', topic: String(entry.id), notes });
	}
	changeAgenda(db, pilot.id, results, { kind: 'own', title: 'Hoe houden we elkaar op de hoogte?' });
	const quote = results.themes.flatMap((t) => t.open).find((q) => q.byRole.raad?.length);
	if (quote) markQuote(db, pilot.id, results, { itemId: quote.id, role: 'raad', text: quote.byRole.raad![0] });
	const targets = linkTargets(pilot.scan, pilot.variant);
	for (const action of DEMO_PLAN) {
		const topic = action.links.map((l) => (l.kind === 'item' ? topicOf(l.ref) : undefined)).find(Boolean);
		const added = addAction(
			db,
			pilot.id,
			{
				title: action.title,
				whyTopicId: topic?.id ?? null,
				whyText: action.whyText,
				ownerKind: action.ownerKind,
				ownerName: '',
				dueMonth: monthAfter(start, action.dueIn),
				priority: action.priority,
				status: action.status,
				successSign: action.successSign,
				links: action.links
			},
			targets
		);
		if (!added.ok) throw new Error(`demo: action "${action.title}" refused (${added.reason})`);
		for (const [after, text] of action.progress) addProgress(db, pilot.id, added.value, { day: dayBefore(start, -after), text });
	}
}

/** Makes the whole demo programme in one transaction; the ids by profile key. */
export function seedDemo(db: Db, scan: LoadedScan, ownerId: number | null, today = dayOf()): DemoSeed {
	// One connection: the app's functions called with `db` run inside this transaction.
	return db.transaction(() => {
		const ids: DemoSeed = {};
		for (const profile of DEMO_PROFILES) {
			const previous = profile.previous ? ids[profile.previous] : null;
			const made = seedPilot(db, scan, profile, ownerId, previous, today);
			ids[profile.key] = made.pilot.id;
			if (profile.key === PLAN_PILOT && made.results) seedPlan(db, made.pilot, made.results, dayBefore(today, profile.daysAgo));
		}
		return ids;
	});
}

/** The ids of the pilots the demo made. */
export function demoPilotIds(db: Db): number[] {
	return db
		.select({ id: pilots.id })
		.from(pilots)
		.where(eq(pilots.demo, true))
		.all()
		.map((r) => r.id);
}

/** Who owns a remade demo: the owner of the oldest demo pilot, else the first admin account. */
function demoOwner(db: Db, ids: number[]): number | null {
	if (ids.length)
		return (
			db
				.select({ o: pilots.ownerId })
				.from(pilots)
				.where(eq(pilots.id, Math.min(...ids)))
				.get()?.o ?? null
		);
	return db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id)).limit(1).get()?.id ?? null;
}

/**
 * Removes every demo pilot (and all that belongs to it) and makes the demo again, in one
 * transaction: other pilots are not touched, even one named "… (demo)" by hand.
 */
export function resetDemo(db: Db, scan: LoadedScan, today = dayOf()): { removed: number; seed: DemoSeed } {
	return db.transaction(() => {
		const ids = demoPilotIds(db);
		const owner = demoOwner(db, ids);
		for (const id of ids) deletePilot(db, id);
		return { removed: ids.length, seed: seedDemo(db, scan, owner, today) };
	});
}
