// Rounds: a pilot that follows up an earlier pilot of the same municipality. Which earlier pilots a
// facilitator may choose (and the check of that choice), the two releases a comparison reads, and
// carrying the open actions of the earlier plan van aanpak into the new one, once.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { PreviousOption } from '$lib/forms/pilot-form';
import { linksExist, linkTargets, type LinkTargets, type PlanAction } from '$lib/plan/rules';
import { renamedBetween } from '$lib/rounds/compare';
import { carriedLinks, isOpen } from '$lib/rounds/carry';
import type { SessionUser } from './auth';
import { pilotAccess, viewablePilot, visiblePilotIds } from './access';
import type { Db } from './db';
import { planActionLinks, planActions, pilots, releases } from './db/schema';
import { loadPlan } from './plan';
import { PilotError, type PilotWithScan } from './pilots';
import { latestRelease, type Release } from './releases';
import { MAX_ACTIONS } from '$lib/plan/rules';

/** Municipality names compare without case and outer spaces ("Zuidstad" and "zuidstad "). */
const sameMunicipality = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** The pilot being edited, when there is one: it is never its own earlier round. */
type Self = { id: number; previousPilotId: number | null } | null;

/**
 * The pilots a user may name as an earlier round: ones they manage that have a release (a round
 * without released figures has nothing to compare), never the pilot itself. The earlier round a
 * draft already names stays on the list even when the user no longer manages it: keeping a link is
 * not a new choice, and saving the draft must not drop it unseen. The form lists them all; the
 * check below also asks for the same municipality as the form.
 */
export function previousOptions(db: Db, user: SessionUser, self: Self = null): PreviousOption[] {
	const ids = visiblePilotIds(db, user);
	const released =
		ids && ids.length === 0
			? []
			: db
					.selectDistinct({ id: pilots.id, municipality: pilots.municipality, roundLabel: pilots.roundLabel, ownerId: pilots.ownerId })
					.from(pilots)
					.innerJoin(releases, eq(releases.pilotId, pilots.id))
					.where(ids ? inArray(pilots.id, ids) : undefined)
					.orderBy(pilots.municipality, pilots.id)
					.all();
	const options = released
		.filter((p) => p.id !== self?.id && pilotAccess(db, user, p) === 'manage')
		.map(({ id, municipality, roundLabel }) => ({ id, municipality, roundLabel }));
	const stored = self?.previousPilotId ?? null;
	if (stored === null || options.some((o) => o.id === stored)) return options;
	const kept = db
		.select({ id: pilots.id, municipality: pilots.municipality, roundLabel: pilots.roundLabel })
		.from(pilots)
		.where(eq(pilots.id, stored))
		.get();
	return kept ? [...options, kept] : options;
}

/**
 * Refuses an earlier round this user may not choose for a pilot of `municipality`: one they do not
 * manage (the same message as one that does not exist) unless the draft already names it, without
 * a release, of another municipality, or the pilot itself. Only drafts are saved, and a draft never
 * has a release, so a chain of rounds cannot loop back on itself.
 */
export function checkPrevious(db: Db, user: SessionUser, municipality: string, previousId: number | null, self: Self): void {
	if (previousId === null) return;
	const option = previousOptions(db, user, self).find((o) => o.id === previousId);
	if (!option) throw new PilotError(m.rd_previous_unknown(), 'previousPilotId');
	if (!sameMunicipality(option.municipality, municipality))
		throw new PilotError(m.rd_previous_other_municipality({ municipality: option.municipality }), 'previousPilotId');
}

/** The two releases a round comparison reads, or why there is none. */
export type RoundPair =
	{ kind: 'pair'; previous: PilotWithScan; before: Release; after: Release } | { kind: 'none' | 'no-access' | 'no-release' };

/**
 * The earlier round of a pilot the caller may see, with both latest releases. Seeing the earlier
 * round's figures and plan needs access to that pilot too: linking two pilots shares nothing.
 */
export function roundPair(db: Db, user: SessionUser, pilot: PilotWithScan, after: Release): RoundPair {
	if (pilot.previousPilotId === null) return { kind: 'none' };
	const found = viewablePilot(db, user, pilot.previousPilotId);
	if (!found) return { kind: 'no-access' };
	const before = latestRelease(db, found.pilot.id);
	if (!before) return { kind: 'no-release' };
	return { kind: 'pair', previous: found.pilot, before, after };
}

/** What the plan page offers to carry: the earlier round and its open actions not carried yet. */
export type CarryOffer = { previous: { municipality: string; roundLabel: string }; titles: string[] };

/** The carry offer for a pilot whose earlier round this user may see; null when there is none. */
export function carryOffer(db: Db, user: SessionUser, pilot: PilotWithScan): CarryOffer | null {
	if (pilot.previousPilotId === null) return null;
	const found = viewablePilot(db, user, pilot.previousPilotId);
	if (!found) return null;
	return {
		previous: { municipality: found.pilot.municipality, roundLabel: found.pilot.roundLabel },
		titles: carryable(db, found.pilot.id, pilot.id).map((a) => a.title)
	};
}

/**
 * Carries the earlier round's open actions into this pilot's plan, for a user who may see that
 * round; null when there is no earlier round they may see. Links follow statements the later
 * scan marks comparable, and keep only what this pilot's scan can name.
 */
export function carryFromPrevious(db: Db, user: SessionUser, pilot: PilotWithScan): CarryOutcome | null {
	if (pilot.previousPilotId === null) return null;
	const found = viewablePilot(db, user, pilot.previousPilotId);
	if (!found) return null;
	return carryActions(db, found.pilot.id, pilot.id, linkTargets(pilot.scan, pilot.variant), renamedBetween(found.pilot.scan, pilot.scan));
}

/** Ids of the earlier actions already carried into this pilot's plan. */
export function carriedIds(db: Db, pilotId: number): Set<number> {
	const rows = db
		.select({ from: planActions.carriedFromId })
		.from(planActions)
		.where(and(eq(planActions.pilotId, pilotId), isNotNull(planActions.carriedFromId)))
		.all();
	return new Set(rows.map((r) => r.from!));
}

/** The earlier plan's open actions not carried yet: what "meenemen" would add. */
export function carryable(db: Db, previousId: number, pilotId: number): PlanAction[] {
	const done = carriedIds(db, pilotId);
	return loadPlan(db, previousId).filter((a) => isOpen(a) && !done.has(a.id));
}

export type CarryOutcome = { ok: true; added: number } | { ok: false; reason: 'full' };

/**
 * Copies the open actions of the earlier plan into this pilot's plan, at its end: title, why,
 * owner, priority, sign of success and the links that still name a statement or theme of this
 * round's scan (`renamed` maps an earlier statement id to its comparable one now). Not the progress
 * log, the month or the status: the new plan decides those (the month is kept as a start). An
 * action carried before is skipped, so carrying twice adds nothing; one transaction, all or nothing.
 */
export function carryActions(
	db: Db,
	previousId: number,
	pilotId: number,
	targets: LinkTargets,
	renamed: ReadonlyMap<string, string>
): CarryOutcome {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		const todo = carryable(tx, previousId, pilotId);
		const existing = tx.select({ position: planActions.position }).from(planActions).where(eq(planActions.pilotId, pilotId)).all();
		if (existing.length + todo.length > MAX_ACTIONS) return { ok: false, reason: 'full' } as const;
		let position = Math.max(0, ...existing.map((r) => r.position));
		for (const action of todo) {
			const id = tx
				.insert(planActions)
				.values({
					pilotId,
					position: ++position,
					title: action.title,
					// The reason topic was on the earlier pilot's agenda; its words stay in whyText.
					whyTopicId: null,
					whyText: action.whyText,
					ownerKind: action.ownerKind,
					ownerName: action.ownerName,
					dueMonth: action.dueMonth,
					priority: action.priority,
					successSign: action.successSign,
					carriedFromId: action.id
				})
				.returning({ id: planActions.id })
				.get().id;
			for (const link of carriedLinks(action.links, renamed))
				if (linksExist([link], targets))
					tx.insert(planActionLinks)
						.values({ actionId: id, ...link })
						.run();
		}
		return { ok: true, added: todo.length } as const;
	});
}
