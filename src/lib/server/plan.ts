// The stored plan van aanpak of a pilot: its actions in order, each with the themes and statements
// it is linked to and a dated progress log. Every change names the pilot, so an action id of
// another pilot changes nothing; links must name themes and statements of the pilot's own scan.
import { and, asc, count, eq, inArray, max, type SQL } from 'drizzle-orm';
import { linksExist, MAX_ACTIONS, MAX_PROGRESS, type LinkTargets, type PlanAction, type PlanLink, type PlanStatus } from '$lib/plan/rules';
import type { Db } from './db';
import { agendaTopics, planActionLinks, planActions, planProgress } from './db/schema';

/** What a form sets on an action; `status` is left alone when absent (a new action is gepland). */
export type ActionInput = Omit<PlanAction, 'id' | 'position' | 'status' | 'progress'> & { status?: PlanStatus };

/** Why a change was not made: the plan is full, a link or topic is not this pilot's, or the action is gone. */
export type PlanRefusal = 'full' | 'links' | 'topic' | 'gone';
export type PlanResult<T = true> = { ok: true; value: T } | { ok: false; reason: PlanRefusal };

const now = () => new Date().toISOString().slice(0, 19) + 'Z';
const refuse = (reason: PlanRefusal) => ({ ok: false, reason }) as const;

/** The plan of a pilot: every action in the plan's order, with its links and its progress (oldest first). */
export function loadPlan(db: Db, pilotId: number): PlanAction[] {
	const rows = db.select().from(planActions).where(eq(planActions.pilotId, pilotId)).orderBy(asc(planActions.position)).all();
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const links = db.select().from(planActionLinks).where(inArray(planActionLinks.actionId, ids)).all();
	const progress = db
		.select()
		.from(planProgress)
		.where(inArray(planProgress.actionId, ids))
		.orderBy(asc(planProgress.day), asc(planProgress.id))
		.all();
	return rows.map((r) => ({
		id: r.id,
		position: r.position,
		title: r.title,
		whyTopicId: r.whyTopicId,
		whyText: r.whyText,
		ownerKind: r.ownerKind,
		ownerName: r.ownerName,
		dueMonth: r.dueMonth,
		priority: r.priority,
		status: r.status,
		successSign: r.successSign,
		links: links
			.filter((l) => l.actionId === r.id)
			.map((l) => ({ kind: l.kind, ref: l.ref }))
			.sort((a, b) => a.kind.localeCompare(b.kind) || a.ref.localeCompare(b.ref)),
		progress: progress.filter((p) => p.actionId === r.id).map((p) => ({ id: p.id, day: p.day, text: p.text }))
	}));
}

/** One action of this pilot, or null (also for an action of another pilot). */
export function getAction(db: Db, pilotId: number, actionId: number): PlanAction | null {
	return loadPlan(db, pilotId).find((a) => a.id === actionId) ?? null;
}

const ofPilot = (pilotId: number, actionId: number) => and(eq(planActions.id, actionId), eq(planActions.pilotId, pilotId));

function rowCount(db: Db, table: typeof planActions | typeof planProgress, where: SQL | undefined): number {
	return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

function exists(db: Db, pilotId: number, actionId: number): boolean {
	return !!db.select({ id: planActions.id }).from(planActions).where(ofPilot(pilotId, actionId)).get();
}

/** The checks every add and save share: links in the pilot's scan, a reason topic on the pilot's agenda. */
function check(db: Db, pilotId: number, input: ActionInput, targets: LinkTargets): PlanRefusal | null {
	if (!linksExist(input.links, targets)) return 'links';
	if (input.whyTopicId !== null) {
		const topic = db
			.select({ id: agendaTopics.id })
			.from(agendaTopics)
			.where(and(eq(agendaTopics.id, input.whyTopicId), eq(agendaTopics.pilotId, pilotId)))
			.get();
		if (!topic) return 'topic';
	}
	return null;
}

function fields(input: ActionInput) {
	return {
		title: input.title,
		whyTopicId: input.whyTopicId,
		whyText: input.whyText,
		ownerKind: input.ownerKind,
		// A name only belongs to an owner of its own; gemeente, raad and samen need none.
		ownerName: input.ownerKind === 'anders' ? input.ownerName : '',
		dueMonth: input.dueMonth,
		priority: input.priority,
		successSign: input.successSign,
		...(input.status ? { status: input.status } : {})
	};
}

function setLinks(db: Db, actionId: number, links: readonly PlanLink[]) {
	db.delete(planActionLinks).where(eq(planActionLinks.actionId, actionId)).run();
	const unique = new Map(links.map((l) => [`${l.kind}\n${l.ref}`, l]));
	for (const l of unique.values()) db.insert(planActionLinks).values({ actionId, kind: l.kind, ref: l.ref }).run();
}

/** Adds an action at the end of the plan; its id. */
export function addAction(db: Db, pilotId: number, input: ActionInput, targets: LinkTargets): PlanResult<number> {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		const refusal = check(tx, pilotId, input, targets);
		if (refusal) return refuse(refusal);
		const last = tx
			.select({ n: max(planActions.position) })
			.from(planActions)
			.where(eq(planActions.pilotId, pilotId))
			.get()?.n;
		if (rowCount(tx, planActions, eq(planActions.pilotId, pilotId)) >= MAX_ACTIONS) return refuse('full');
		const id = tx
			.insert(planActions)
			.values({ pilotId, position: (last ?? 0) + 1, ...fields(input) })
			.returning({ id: planActions.id })
			.get().id;
		setLinks(tx, id, input.links);
		return { ok: true, value: id } as const;
	});
}

/** Saves every field and link of an action of this pilot. */
export function updateAction(db: Db, pilotId: number, actionId: number, input: ActionInput, targets: LinkTargets): PlanResult {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		if (!exists(tx, pilotId, actionId)) return refuse('gone');
		const refusal = check(tx, pilotId, input, targets);
		if (refusal) return refuse(refusal);
		tx.update(planActions)
			.set({ ...fields(input), updatedAt: now() })
			.where(ofPilot(pilotId, actionId))
			.run();
		setLinks(tx, actionId, input.links);
		return { ok: true, value: true } as const;
	});
}

/** Moves an action one place up (-1) or down (1); at either end it stays where it is. */
export function moveAction(db: Db, pilotId: number, actionId: number, by: -1 | 1): boolean {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		const rows = tx
			.select({ id: planActions.id })
			.from(planActions)
			.where(eq(planActions.pilotId, pilotId))
			.orderBy(asc(planActions.position), asc(planActions.id))
			.all();
		const at = rows.findIndex((r) => r.id === actionId);
		if (at < 0) return false;
		const to = at + by;
		if (to < 0 || to >= rows.length) return true;
		[rows[at], rows[to]] = [rows[to], rows[at]];
		// Renumbered 1..n, so positions stay dense whatever was deleted before.
		rows.forEach((r, i) =>
			tx
				.update(planActions)
				.set({ position: i + 1 })
				.where(eq(planActions.id, r.id))
				.run()
		);
		return true;
	});
}

/** Deletes an action of this pilot with its links and progress. */
export function deleteAction(db: Db, pilotId: number, actionId: number): boolean {
	return db.delete(planActions).where(ofPilot(pilotId, actionId)).run().changes > 0;
}

/** Adds a progress entry (`day` YYYY-MM-DD) to an action of this pilot. */
export function addProgress(db: Db, pilotId: number, actionId: number, entry: { day: string; text: string }): PlanResult<number> {
	return db.transaction((transaction) => {
		const tx = transaction as unknown as Db;
		if (!exists(tx, pilotId, actionId)) return refuse('gone');
		if (rowCount(tx, planProgress, eq(planProgress.actionId, actionId)) >= MAX_PROGRESS) return refuse('full');
		const id = tx
			.insert(planProgress)
			.values({ actionId, ...entry })
			.returning({ id: planProgress.id })
			.get().id;
		tx.update(planActions).set({ updatedAt: now() }).where(ofPilot(pilotId, actionId)).run();
		return { ok: true, value: id } as const;
	});
}
