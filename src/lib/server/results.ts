// Loads the submitted responses of a pilot and runs the analysis on them. Only submitted
// responses count: answers of someone still busy can change and are not theirs to show yet.
import { and, eq } from 'drizzle-orm';
import { analysePilot, type PilotResults, type ResponseData } from '$lib/analysis/aggregate';
import type { Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { answers, responses } from './db/schema';
import type { PilotWithScan } from './pilots';

export function loadSubmitted(db: Db, pilotId: number): ResponseData[] {
	const rows = db
		.select({ id: responses.id, role: responses.role, key: answers.key, score: answers.score, dontKnow: answers.dontKnow, text: answers.text })
		.from(responses)
		.leftJoin(answers, eq(answers.responseId, responses.id))
		.where(and(eq(responses.pilotId, pilotId), eq(responses.status, 'submitted')))
		.all();
	const byId = new Map<number, { role: string; answers: Map<string, Answer> }>();
	for (const r of rows) {
		let response = byId.get(r.id);
		if (!response) byId.set(r.id, (response = { role: r.role, answers: new Map() }));
		if (r.key === null) continue;
		if (r.score !== null) response.answers.set(r.key, { kind: 'score', score: r.score as 1 | 2 | 3 | 4 | 5 });
		else if (r.dontKnow) response.answers.set(r.key, { kind: 'dontKnow' });
		else if (r.text !== null) response.answers.set(r.key, { kind: 'text', text: r.text });
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
