// Pilots: one municipality and its council doing one round of one scan. Creating, editing while
// in draft, opening and closing, and the response figures per role for the facilitator.
import { MAX_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '$lib/analysis/group-size';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { dayOf } from '$lib/dates';
import { listAnd } from '$lib/forms/lists';
import { m } from '$lib/paraglide/messages';
import type { ScanDefinition } from '$lib/scan/schema';
import { z } from '$lib/validation';
import type { Db } from './db';
import { invitations, pilots, responses, scanSnapshots, type Pilot } from './db/schema';
import { getLocale } from '$lib/i18n';
import { ensureSnapshot, findScan, scanIn, snapshotDefinition } from './scans';

export { MIN_GROUP_SIZE_FLOOR };

const optionalDay = z
	.string()
	.trim()
	.transform((s) => (s === '' ? null : s))
	.pipe(z.iso.date({ error: () => m.fac_valid_date() }).nullable());

/** Whom respondents can ask: optional, staff only; '' becomes null. */
export const contactSchema = z
	.string()
	.trim()
	.max(200, { error: () => m.fac_max_chars({ max: 200 }) })
	.default('')
	.transform((s) => (s === '' ? null : s));

export const pilotFormSchema = z
	.object({
		municipality: z
			.string()
			.trim()
			.min(2, { error: () => m.fac_pf_municipality_min() })
			.max(100, { error: () => m.fac_max_chars({ max: 100 }) }),
		roundLabel: z
			.string()
			.trim()
			.min(1, { error: () => m.fac_pf_round_required() })
			.max(60, { error: () => m.fac_max_chars({ max: 60 }) }),
		cbsCode: z
			.string()
			.trim()
			.toUpperCase()
			.transform((s) => (s === '' ? null : s))
			.pipe(
				z
					.string()
					.regex(/^GM\d{4}$/, { error: () => m.fac_pf_cbs_invalid() })
					.nullable()
			),
		councilType: z.enum(['clientenraad', 'adviesraad-werkgroep', 'adviesraad'], { error: () => m.fac_pf_council_required() }),
		scan: z.string().regex(/^[a-z0-9-]+@\d+$/, { error: () => m.fac_pf_scan_required() }),
		variant: z.enum(['full', 'short'], { error: () => m.fac_pf_variant_required() }),
		mirror: z.boolean(),
		roles: z.array(z.string()).min(2, { error: () => m.fac_pf_roles_min() }),
		minGroupSize: z.coerce
			.number({ error: () => m.fac_number_required() })
			.int({ error: () => m.fac_whole_number() })
			.min(MIN_GROUP_SIZE_FLOOR, { error: () => m.fac_pf_min_group_floor({ floor: MIN_GROUP_SIZE_FLOOR }) })
			.max(MAX_MIN_GROUP_SIZE, { error: () => m.fac_pf_min_group_max({ max: MAX_MIN_GROUP_SIZE }) }),
		opensOn: optionalDay,
		closesOn: optionalDay,
		benchmarkConsent: z.boolean(),
		contact: contactSchema,
		/** The earlier round of the same municipality ('' for none); who may choose which is checked in rounds.ts. */
		previousPilotId: z
			.string()
			.trim()
			.default('')
			.refine((s) => s === '' || (/^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2 ** 31), { error: () => m.rd_previous_invalid() })
			.transform((s) => (s === '' ? null : Number(s)))
			.optional()
	})
	.refine((p) => !p.opensOn || !p.closesOn || p.opensOn <= p.closesOn, {
		path: ['closesOn'],
		error: () => m.fac_pf_dates_order()
	});

export type PilotForm = z.infer<typeof pilotFormSchema>;

/** A rule about pilots that a form cannot check by itself; its message is in the request's language. */
export class PilotError extends Error {
	/** The form field the message belongs to; none for a message about the whole form. */
	constructor(
		message: string,
		readonly field?: 'previousPilotId'
	) {
		super(message);
	}
}

function resolveScan(form: PilotForm) {
	const [id, version] = form.scan.split('@');
	const scan = findScan(id, Number(version));
	if (!scan) throw new PilotError(m.fac_pilot_scan_gone());
	const unknown = form.roles.filter((r) => !scan.definition.roles.some((role) => role.id === r));
	if (unknown.length) throw new PilotError(m.fac_pilot_unknown_role({ roles: unknown.join(', ') }));
	const [a, b] = scan.definition.comparison;
	if (!form.roles.includes(a) || !form.roles.includes(b)) {
		const roles = scanIn(scan.definition, scan.contentHash, getLocale()).roles;
		const label = (id: string) => roles.find((r) => r.id === id)?.label ?? id;
		throw new PilotError(m.fac_pilot_comparison_roles({ roles: listAnd([label(a), label(b)]) }));
	}
	// Keep the scan's own role order, whatever order the form sent.
	const roles = scan.definition.roles.map((r) => r.id).filter((id) => form.roles.includes(id));
	return { scan, roles };
}

function columns(form: PilotForm, roles: string[]) {
	return {
		municipality: form.municipality,
		roundLabel: form.roundLabel,
		cbsCode: form.cbsCode,
		councilType: form.councilType,
		variant: form.variant,
		mirror: form.mirror,
		roles,
		minGroupSize: form.minGroupSize,
		opensOn: form.opensOn,
		closesOn: form.closesOn,
		benchmarkConsent: form.benchmarkConsent,
		contact: form.contact,
		previousPilotId: form.previousPilotId ?? null
	};
}

export function createPilot(db: Db, form: PilotForm, ownerId: number | null): number {
	const { scan, roles } = resolveScan(form);
	return db.transaction((tx) => {
		const snapshotId = ensureSnapshot(tx as unknown as Db, scan);
		return tx
			.insert(pilots)
			.values({ ...columns(form, roles), snapshotId, ownerId })
			.returning({ id: pilots.id })
			.get().id;
	});
}

/** Only a draft can change: once links are out, the questions must stay what they were. */
export function updatePilot(db: Db, id: number, form: PilotForm): void {
	const { scan, roles } = resolveScan(form);
	db.transaction((tx) => {
		const pilot = tx.select().from(pilots).where(eq(pilots.id, id)).get();
		if (!pilot) throw new PilotError(m.fac_pilot_not_found());
		if (pilot.status !== 'draft') throw new PilotError(m.fac_pilot_not_draft());
		const snapshotId = ensureSnapshot(tx as unknown as Db, scan);
		tx.update(pilots)
			.set({ ...columns(form, roles), snapshotId })
			.where(eq(pilots.id, id))
			.run();
	});
}

/** The contact can change at any time (someone goes on leave), unlike the rest of an opened pilot. */
export function setPilotContact(db: Db, id: number, contact: string | null): void {
	db.update(pilots).set({ contact }).where(eq(pilots.id, id)).run();
}

export function setPilotStatus(db: Db, id: number, status: Pilot['status']): void {
	const pilot = db.select({ status: pilots.status }).from(pilots).where(eq(pilots.id, id)).get();
	if (!pilot) throw new PilotError(m.fac_pilot_not_found());
	const allowed: Record<Pilot['status'], Pilot['status'][]> = { draft: ['open'], open: ['closed'], closed: ['open'] };
	if (!allowed[pilot.status].includes(status))
		throw new PilotError(status === 'closed' ? m.fac_pilot_close_only_open() : m.fac_pilot_already_open());
	db.update(pilots).set({ status }).where(eq(pilots.id, id)).run();
}

/** Removes a pilot and everything that belongs to it (links, responses, answers, imports, shares). */
export function deletePilot(db: Db, id: number): boolean {
	// Foreign keys cascade from the pilot; one transaction makes it all or nothing.
	return db.transaction((tx) => tx.delete(pilots).where(eq(pilots.id, id)).run().changes > 0);
}

export type PilotWithScan = Pilot & { scan: ScanDefinition; scanHash: string };

export function getPilot(db: Db, id: number): PilotWithScan | undefined {
	const row = db
		.select({ pilot: pilots, hash: scanSnapshots.contentHash })
		.from(pilots)
		.innerJoin(scanSnapshots, eq(scanSnapshots.id, pilots.snapshotId))
		.where(eq(pilots.id, id))
		.get();
	return row && withScan(db, row.pilot, row.hash);
}

/** A pilot row with its scan snapshot (from the snapshot cache). */
export function withScan(db: Db, pilot: Pilot, hash: string): PilotWithScan {
	return { ...pilot, scan: snapshotDefinition(db, pilot.snapshotId, hash), scanHash: hash };
}

export type AcceptState = 'open' | 'not-yet-open' | 'closed';

/** Whether respondents may answer now: the status decides, and the dates narrow it. */
export function acceptState(pilot: Pick<Pilot, 'status' | 'opensOn' | 'closesOn'>, today?: string): AcceptState {
	if (pilot.status === 'closed') return 'closed';
	if (pilot.status === 'draft') return 'not-yet-open';
	// Today is only looked up when a date can narrow it (every autosave asks).
	if (!pilot.opensOn && !pilot.closesOn) return 'open';
	today ??= dayOf();
	if (pilot.opensOn && today < pilot.opensOn) return 'not-yet-open';
	if (pilot.closesOn && today > pilot.closesOn) return 'closed';
	return 'open';
}

export type RoleCounts = { invited: number; started: number; submitted: number };

export function responseCounts(db: Db, pilotId: number): Record<string, RoleCounts> {
	const counts: Record<string, RoleCounts> = {};
	const get = (role: string) => (counts[role] ??= { invited: 0, started: 0, submitted: 0 });
	const invited = db
		.select({ role: invitations.role, n: sql<number>`count(*)` })
		.from(invitations)
		.where(
			and(eq(invitations.pilotId, pilotId), eq(invitations.kind, 'personal'), isNull(invitations.parentId), eq(invitations.revoked, false))
		)
		.groupBy(invitations.role)
		.all();
	for (const r of invited) if (r.role) get(r.role).invited = r.n;
	const byStatus = db
		.select({ role: responses.role, status: responses.status, n: sql<number>`count(*)` })
		.from(responses)
		.where(eq(responses.pilotId, pilotId))
		.groupBy(responses.role, responses.status)
		.all();
	for (const r of byStatus) {
		if (r.status === 'submitted') get(r.role).submitted += r.n;
		else get(r.role).started += r.n;
	}
	return counts;
}

export type PilotSummary = Pilot & { scanTitle: string; scanVersion: number; counts: Record<string, RoleCounts> };

/** Pilots with their response figures; `ids` null means every pilot (for an admin). */
export function listPilots(db: Db, ids: number[] | null): PilotSummary[] {
	if (ids && ids.length === 0) return [];
	const rows = db
		.select({ pilot: pilots, definition: scanSnapshots.definition, version: scanSnapshots.version })
		.from(pilots)
		.innerJoin(scanSnapshots, eq(scanSnapshots.id, pilots.snapshotId))
		.where(ids ? inArray(pilots.id, ids) : undefined)
		.orderBy(desc(pilots.id))
		.all();
	return rows.map((r) => ({
		...r.pilot,
		scanTitle: (r.definition as ScanDefinition).title,
		scanVersion: r.version,
		counts: responseCounts(db, r.pilot.id)
	}));
}
