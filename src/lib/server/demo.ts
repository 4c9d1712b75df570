// Demo data for a new database: one closed pilot with synthetic answers in every role, so a
// first-time user sees results straight away. The numbers are made up and say so.
import { buildPages, type Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { pilots, responses } from './db/schema';
import { createPilot, getPilot } from './pilots';
import type { LoadedScan } from './scans';
import { insertCompletedResponse } from './responses';
import { and, eq, ne } from 'drizzle-orm';
import { dayOf } from '$lib/dates';
import { makeRelease } from './releases';

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

// How positive each role is on average, per theme (index in scan order); the council is more
// critical about timing, influence and support, which gives the demo visible differences.
const ROLE_TENDENCY: Record<string, number[]> = {
	raad: [3.6, 3.0, 2.4, 2.8, 2.6, 3.4, 3.7, 2.5],
	ondersteuner: [3.8, 3.2, 2.9, 3.1, 2.8, 3.3, 3.9, 2.8],
	gemeente: [3.9, 3.4, 3.8, 3.9, 3.5, 3.2, 4.1, 2.9],
	bestuur: [4.2, 3.8, 4.0, 4.1, 3.6, 3.5, 4.3, 3.2]
};
const DEMO_SIZES: Record<string, number> = { raad: 9, ondersteuner: 3, gemeente: 8, bestuur: 1 };
const OPEN_ANSWERS = [
	'Dat de stem van mensen met een uitkering echt meetelt.',
	'Eerder betrokken worden, niet pas als alles al klaar is.',
	'Meer terugkoppeling over wat er met onze adviezen gebeurt.',
	'Een vaste contactpersoon bij de gemeente zou helpen.',
	'Armoede en schulden, en de kostendelersnorm.',
	'Nieuwe leden vinden, vooral jongeren.',
	'Het overleg met de wethouder is prettig en open.',
	'Minder vaktaal in de stukken.'
];

function draw(random: () => number, mean: number): Answer {
	if (random() < 0.07) return { kind: 'dontKnow' };
	const noisy = mean + (random() + random() + random() - 1.5) * 1.6;
	return { kind: 'score', score: Math.min(5, Math.max(1, Math.round(noisy))) as 1 | 2 | 3 | 4 | 5 };
}

export function seedDemo(db: Db, scan: LoadedScan, ownerId: number | null): number {
	const def = scan.definition;
	const roles = def.roles.map((r) => r.id);
	return db.transaction((tx) => {
		const t = tx as unknown as Db;
		const pilotId = createPilot(
			t,
			{
				municipality: 'Voorbeeldstad (demo)',
				roundLabel: 'Nulmeting',
				cbsCode: null,
				councilType: 'adviesraad-werkgroep',
				scan: `${def.id}@${def.version}`,
				variant: 'full',
				mirror: true,
				roles,
				minGroupSize: 5,
				opensOn: null,
				closesOn: null,
				benchmarkConsent: false,
				contact: 'Voorbeeld: de ondersteuner van de cliëntenraad, telefoon 0123 45 67 89'
			},
			ownerId
		);
		const pilot = getPilot(t, pilotId)!;
		const random = seededRandom(20261125);
		for (const role of roles) {
			const tendency = ROLE_TENDENCY[role] ?? ROLE_TENDENCY.gemeente;
			const target = def.roles.find((r) => r.id === role)?.mirrorTarget;
			const targetTendency = target ? (ROLE_TENDENCY[target] ?? tendency) : tendency;
			const pages = buildPages(def, { variant: pilot.variant, mirror: pilot.mirror, role });
			for (let n = 0; n < (DEMO_SIZES[role] ?? 5); n++) {
				const answers: [string, Answer][] = [];
				pages.forEach((page, p) => {
					for (const q of page.questions) {
						if (random() < 0.03) continue; // an unanswered question now and then
						if (q.kind === 'likert') answers.push([q.key, draw(random, tendency[p % tendency.length])]);
						// People tend to expect the other side to be more positive than it is.
						else if (q.kind === 'mirror') answers.push([q.key, draw(random, targetTendency[p % targetTendency.length] + 0.6)]);
						else if (q.kind === 'ladder-now') answers.push([q.key, draw(random, role === 'raad' ? 2.2 : 3.0)]);
						else if (q.kind === 'ladder-desired') answers.push([q.key, draw(random, 4.0)]);
						else if (random() < 0.5)
							answers.push([q.key, { kind: 'text', text: OPEN_ANSWERS[Math.floor(random() * OPEN_ANSWERS.length)] }]);
					}
				});
				insertCompletedResponse(t, { pilotId, role, source: n % 4 === 3 ? 'paper' : 'online', answers });
			}
		}
		// The demo's paper forms count as confirmed by a second person, and closing releases the figures.
		t.update(responses)
			.set({ confirmedOn: dayOf() })
			.where(and(eq(responses.pilotId, pilotId), ne(responses.source, 'online')))
			.run();
		t.update(pilots).set({ status: 'closed' }).where(eq(pilots.id, pilotId)).run();
		makeRelease(db, getPilot(t, pilotId)!, 'close', ownerId);
		return pilotId;
	});
}
