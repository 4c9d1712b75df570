// Responses and their answers. Saving is an idempotent upsert per (response, key); a submitted
// response never changes. Only the day is kept of any date, and nothing that identifies a person.
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Answer } from '$lib/scan/questionnaire';
import { dayOf } from '$lib/dates';
import type { Db } from './db';
import { answers, responses, users, type Invitation, type ResponseRow } from './db/schema';
import { prepared } from './db/prepared';
import { randomToken } from './tokens';
import { answerColumns, answerFromColumns } from '$lib/scan/answer-codec';

/** Thrown when answers reach a response that was handed in; the respondent's words for it live in the route. */
export class ResponseLockedError extends Error {
	constructor() {
		super('response already submitted: its answers can no longer change');
	}
}

export function findResponseForInvitation(db: Db, invitationId: number): ResponseRow | undefined {
	return db.select().from(responses).where(eq(responses.invitationId, invitationId)).get();
}

/** The response behind a personal link, created on first use. */
export function getOrStartResponse(db: Db, invitation: Invitation, today = dayOf()): ResponseRow {
	if (invitation.kind !== 'personal' || !invitation.role) throw new Error('only personal links with a role have a response');
	const existing = findResponseForInvitation(db, invitation.id);
	if (existing) return existing;
	return (
		db
			.insert(responses)
			.values({
				publicId: randomToken(9),
				pilotId: invitation.pilotId,
				invitationId: invitation.id,
				role: invitation.role,
				source: 'online',
				startedOn: today
			})
			.onConflictDoNothing()
			.returning()
			.get() ?? findResponseForInvitation(db, invitation.id)!
	);
}

/**
 * The statements of saveAnswers, prepared once per connection (every autosave runs them), and the
 * transaction around them: IMMEDIATE, so the check of the status and the writes hold one lock.
 */
function saveStatements(db: Db) {
	return prepared(db, 'saveAnswers', () => {
		const statements = {
			status: db
				.select({ status: responses.status })
				.from(responses)
				.where(eq(responses.id, sql.placeholder('responseId')))
				.prepare(),
			remove: db
				.delete(answers)
				.where(and(eq(answers.responseId, sql.placeholder('responseId')), eq(answers.key, sql.placeholder('key'))))
				.prepare(),
			upsert: db
				.insert(answers)
				.values({
					responseId: sql.placeholder('responseId'),
					key: sql.placeholder('key'),
					score: sql.placeholder('score'),
					dontKnow: sql.placeholder('dontKnow'),
					text: sql.placeholder('text')
				})
				.onConflictDoUpdate({
					target: [answers.responseId, answers.key],
					set: { score: sql`excluded.score`, dontKnow: sql`excluded.dont_know`, text: sql`excluded.text` }
				})
				.prepare()
		};
		const save = db.$client.transaction((responseId: number, entries: [string, Answer | null][]) => {
			const response = statements.status.get({ responseId });
			if (!response) throw new Error(`response ${responseId} does not exist`);
			if (response.status === 'submitted') throw new ResponseLockedError();
			for (const [key, answer] of entries) {
				if (answer === null) statements.remove.run({ responseId, key });
				else statements.upsert.run({ responseId, key, ...answerColumns(answer) });
			}
		});
		return { save };
	});
}

/**
 * Stores answers (null clears one) in one transaction. Saving the same value again changes
 * nothing, so a retried request after a dropped connection is harmless.
 */
export function saveAnswers(db: Db, responseId: number, entries: [string, Answer | null][]): void {
	saveStatements(db).save.immediate(responseId, entries);
}

export function loadAnswers(db: Db, responseId: number): Map<string, Answer> {
	const rows = db.select().from(answers).where(eq(answers.responseId, responseId)).all();
	const map = new Map<string, Answer>();
	for (const r of rows) {
		const answer = answerFromColumns(r.score, r.dontKnow, r.text);
		if (answer) map.set(r.key, answer);
	}
	return map;
}

export function submitResponse(db: Db, responseId: number, today = dayOf()): void {
	db.update(responses)
		.set({ status: 'submitted', submittedOn: today })
		.where(and(eq(responses.id, responseId), eq(responses.status, 'in_progress')))
		.run();
}

/** A complete response that arrived on paper or from a file: stored submitted, in one go. */
export function insertCompletedResponse(
	db: Db,
	input: {
		pilotId: number;
		role: string;
		source: ResponseRow['source'];
		answers: [string, Answer][];
		publicId?: string;
		enteredBy?: number | null;
	},
	today = dayOf()
): ResponseRow {
	return db.transaction((tx) => {
		const row = tx
			.insert(responses)
			.values({
				publicId: input.publicId ?? randomToken(9),
				pilotId: input.pilotId,
				role: input.role,
				source: input.source,
				status: 'submitted',
				startedOn: today,
				submittedOn: today,
				enteredBy: input.enteredBy ?? null
			})
			.returning()
			.get();
		for (const [key, answer] of input.answers)
			tx.insert(answers)
				.values({ responseId: row.id, key, ...answerColumns(answer) })
				.run();
		return row;
	});
}

export function countAnswers(db: Db, responseId: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(answers)
			.where(eq(answers.responseId, responseId))
			.get()?.n ?? 0
	);
}

/** Typed-in forms (paper, import) that wait for a second account to confirm them, per person and role. */
export type PendingBatch = {
	enteredBy: number | null;
	enteredByEmail: string | null;
	role: string;
	source: 'paper' | 'import';
	forms: number;
};

export function pendingTypedIn(db: Db, pilotId: number): PendingBatch[] {
	return db
		.select({
			enteredBy: responses.enteredBy,
			enteredByEmail: users.email,
			role: responses.role,
			source: responses.source,
			forms: sql<number>`count(*)`
		})
		.from(responses)
		.leftJoin(users, eq(users.id, responses.enteredBy))
		.where(
			and(eq(responses.pilotId, pilotId), eq(responses.status, 'submitted'), ne(responses.source, 'online'), isNull(responses.confirmedOn))
		)
		.groupBy(responses.enteredBy, responses.role, responses.source)
		.all() as PendingBatch[];
}

/**
 * Four eyes: another account than the one who typed them in confirms that the paper forms exist.
 * Confirms every waiting form of the pilot not entered by `user`; returns how many.
 */
export function confirmTypedIn(db: Db, pilotId: number, user: { id: number }, today = dayOf()): number {
	return db
		.update(responses)
		.set({ confirmedBy: user.id, confirmedOn: today })
		.where(
			and(
				eq(responses.pilotId, pilotId),
				eq(responses.status, 'submitted'),
				ne(responses.source, 'online'),
				isNull(responses.confirmedOn),
				or(isNull(responses.enteredBy), ne(responses.enteredBy, user.id))
			)
		)
		.run().changes;
}
