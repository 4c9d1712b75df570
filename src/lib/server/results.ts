// Loads the submitted responses of a pilot and runs the analysis on them. Only submitted
// responses count: answers of someone still busy can change and are not theirs to show yet.
import { and, eq } from 'drizzle-orm';
import { analysePilot, type PilotResults, type ResponseData } from '$lib/analysis/aggregate';
import type { Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { answers, responses } from './db/schema';
import type { PilotWithScan } from './pilots';

export function loadSubmitted(db: Db, pilotId: number): ResponseData[] {
	// Rows as arrays (`values()`), not objects: this is the hot path of every results page.
	const rows = db
		.select({ id: responses.id, role: responses.role, key: answers.key, score: answers.score, dontKnow: answers.dontKnow, text: answers.text })
		.from(responses)
		.leftJoin(answers, eq(answers.responseId, responses.id))
		.where(and(eq(responses.pilotId, pilotId), eq(responses.status, 'submitted')))
		.values() as [number, string, string | null, number | null, number | null, string | null][];
	const byId = new Map<number, { role: string; answers: Map<string, Answer> }>();
	for (const [id, role, key, score, dontKnow, text] of rows) {
		let response = byId.get(id);
		if (!response) byId.set(id, (response = { role, answers: new Map() }));
		if (key === null) continue;
		if (score !== null) response.answers.set(key, { kind: 'score', score: score as 1 | 2 | 3 | 4 | 5 });
		else if (dontKnow) response.answers.set(key, { kind: 'dontKnow' });
		else if (text !== null) response.answers.set(key, { kind: 'text', text });
	}
	return [...byId.values()];
}

export function pilotResults(db: Db, pilot: PilotWithScan): PilotResults {
	return analysePilot({
		scan: pilot.scan,
		variant: pilot.variant,
		mirror: pilot.mirror,
		roles: pilot.roles,
		minGroupSize: pilot.minGroupSize,
		responses: loadSubmitted(db, pilot.id),
		shuffleSeed: pilot.id
	});
}
