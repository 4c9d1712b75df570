// Loads the submitted responses of a pilot and runs the analysis on them. Only submitted
// responses count: answers of someone still busy can change and are not theirs to show yet; a
// typed-in one (paper, import) counts once a second account confirmed it.
import type { Statement } from 'better-sqlite3';
import { analysePilot, type PilotResults, type ResponseData } from '$lib/analysis/aggregate';
import { isFollowUp, type Answer } from '$lib/scan/questionnaire';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from './db';
import { responses } from './db/schema';
import type { PilotWithScan } from './pilots';
import { answerFromPacked } from '$lib/scan/answer-codec';

// This is the hot path of every results page, so it reads with two prepared statements instead of
// one row per answer: creating thousands of small row arrays costs more than the query itself.
// Scores and "weet niet" come as one string per response, `key=3 key=? …` (item keys are slugs
// with at most a dot, so they hold neither "=" nor a space); open answers come as rows of their own.
const PACKED_SQL = `
	SELECT r.id, r.role, r.source != 'online', r.confirmed_on IS NOT NULL, group_concat(a.key || '=' || coalesce(a.score, '?'), ' ')
	FROM responses r LEFT JOIN answers a ON a.response_id = r.id AND a.text IS NULL
	WHERE r.pilot_id = ? AND r.status = 'submitted'
	GROUP BY r.id ORDER BY r.id`;
const TEXTS_SQL = `
	SELECT a.response_id, a.key, a.text
	FROM answers a JOIN responses r ON r.id = a.response_id
	WHERE r.pilot_id = ? AND r.status = 'submitted' AND a.text IS NOT NULL`;

const statements = new WeakMap<Db, { packed: Statement; texts: Statement }>();
function prepared(db: Db) {
	let found = statements.get(db);
	if (!found) {
		found = { packed: db.$client.prepare(PACKED_SQL).raw(), texts: db.$client.prepare(TEXTS_SQL).raw() };
		statements.set(db, found);
	}
	return found;
}

/** A submitted response with its answers; a typed-in one (paper, import) counts once confirmed. */
export type StoredResponse = { id: number; role: string; typedIn: boolean; confirmed: boolean; answers: Map<string, Answer> };

/** Whether a response may count in the figures: online, or typed in and confirmed by a second account. */
export const countable = (r: Pick<StoredResponse, 'typedIn' | 'confirmed'>) => !r.typedIn || r.confirmed;

/** The same rule as `countable`, in SQL: the ids and roles of the responses that count now. */
export function countingResponses(db: Db, pilotId: number): { id: number; role: string }[] {
	return db
		.select({ id: responses.id, role: responses.role })
		.from(responses)
		.where(
			and(
				eq(responses.pilotId, pilotId),
				eq(responses.status, 'submitted'),
				or(eq(responses.source, 'online'), isNotNull(responses.confirmedOn))
			)
		)
		.all();
}

export function loadStored(db: Db, pilotId: number): StoredResponse[] {
	const { packed, texts } = prepared(db);
	const byId = new Map<number, StoredResponse>();
	for (const [id, role, typedIn, confirmed, pairs] of packed.all(pilotId) as [number, string, number, number, string | null][]) {
		const answers = new Map<string, Answer>();
		if (pairs) {
			for (const pair of pairs.split(' ')) {
				const at = pair.lastIndexOf('=');
				const value = pair.slice(at + 1);
				const answer = answerFromPacked(value);
				if (answer) answers.set(pair.slice(0, at), answer);
			}
		}
		byId.set(id, { id, role, typedIn: typedIn === 1, confirmed: confirmed === 1, answers });
	}
	for (const [id, key, text] of texts.all(pilotId) as [number, string, string][]) byId.get(id)?.answers.set(key, { kind: 'text', text });
	return [...byId.values()];
}

/** Every submitted response's role and answers, confirmed or not. */
export function loadSubmitted(db: Db, pilotId: number): ResponseData[] {
	return loadStored(db, pilotId).map(({ role, answers }) => ({ role, answers }));
}

/** The analysis of the given responses of a pilot (for a release: the ones it holds). */
export function analyseResponses(pilot: PilotWithScan, responses: readonly ResponseData[]): PilotResults {
	return analysePilot({
		scan: pilot.scan,
		variant: pilot.variant,
		mirror: pilot.mirror,
		roles: pilot.roles,
		minGroupSize: pilot.minGroupSize,
		responses,
		shuffleSeed: pilot.id,
		followUp: isFollowUp(pilot)
	});
}

/** The analysis of everything that counts now; pages show a release of it, never this itself. */
export function pilotResults(db: Db, pilot: PilotWithScan): PilotResults {
	return analyseResponses(pilot, loadStored(db, pilot.id).filter(countable));
}
