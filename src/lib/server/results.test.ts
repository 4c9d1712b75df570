import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer } from '$lib/scan/questionnaire';
import type { Db } from './db';
import { getPilot } from './pilots';
import { insertCompletedResponse, loadAnswers, saveAnswers, submitResponse } from './responses';
import { loadSubmitted } from './results';
import { createTestDb, createTestPilot } from './test-db';

let db: Db;
let cleanup: () => void;
let pilotId: number;
beforeEach(() => {
	({ db, cleanup } = createTestDb());
	pilotId = createTestPilot(db);
});
afterEach(() => cleanup());

/** A response someone is still filling in (as a personal link would start it). */
function startResponse(pilot: number, role: string): number {
	const row = db.$client
		.prepare(
			"INSERT INTO responses (public_id, pilot_id, role, source, status, started_on) VALUES (?, ?, ?, 'online', 'in_progress', '2026-11-01') RETURNING id"
		)
		.get(`bezig-${Math.random()}`, pilot, role) as { id: number };
	return row.id;
}

const answer = fc.oneof(
	fc.integer({ min: 1, max: 5 }).map((score): Answer => ({ kind: 'score', score: score as 1 | 2 | 3 | 4 | 5 })),
	fc.constant<Answer>({ kind: 'dontKnow' }),
	fc.string({ minLength: 1, maxLength: 40 }).map((text): Answer => ({ kind: 'text', text }))
);
const key = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4})?(\.(spiegel|nu|gewenst))?$/);

describe('loadSubmitted', () => {
	it('reads back exactly the answers of every submitted response, in order, and nothing of responses in progress', () => {
		const pilot = getPilot(db, pilotId)!;
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...pilot.roles), fc.dictionary(key, answer, { maxKeys: 12 })), { maxLength: 6 }),
				(forms) => {
					db.$client.exec('DELETE FROM responses');
					const stored = forms.map(([role, answers]) => ({
						id: insertCompletedResponse(db, { pilotId, role, source: 'paper', answers: Object.entries(answers) }).id,
						role
					}));
					// A response still being filled in never counts.
					const busy = startResponse(pilotId, pilot.roles[0]);
					saveAnswers(db, busy, [['doel-1', { kind: 'score', score: 4 }]]);
					const loaded = loadSubmitted(db, pilotId);
					expect(loaded.map((r) => r.role)).toEqual(stored.map((s) => s.role));
					loaded.forEach((r, i) => expect(Object.fromEntries(r.answers)).toEqual(Object.fromEntries(loadAnswers(db, stored[i].id))));
					loaded.forEach((r, i) => expect(r.answers.size).toBe(Object.keys(forms[i][1]).length));
				}
			),
			{ numRuns: 60 }
		);
	});

	it('counts a response once it is submitted, and only for its own pilot', () => {
		const other = createTestPilot(db);
		const response = startResponse(pilotId, 'raad');
		saveAnswers(db, response, [['doel-1', { kind: 'dontKnow' }]]);
		insertCompletedResponse(db, { pilotId: other, role: 'raad', source: 'paper', answers: [['doel-1', { kind: 'score', score: 2 }]] });
		expect(loadSubmitted(db, pilotId)).toEqual([]);
		submitResponse(db, response);
		expect(loadSubmitted(db, pilotId)).toEqual([{ role: 'raad', answers: new Map([['doel-1', { kind: 'dontKnow' }]]) }]);
		expect(loadSubmitted(db, other)).toHaveLength(1);
	});

	it('leaves out a score that is not 1 to 5 (a hand-edited database) instead of failing', () => {
		const { id } = insertCompletedResponse(db, {
			pilotId,
			role: 'raad',
			source: 'paper',
			answers: [['doel-1', { kind: 'score', score: 4 }]]
		});
		db.$client.prepare("INSERT INTO answers (response_id, key, score, dont_know) VALUES (?, 'doel-2', 2.5, 0)").run(id);
		expect(loadSubmitted(db, pilotId)).toEqual([{ role: 'raad', answers: new Map([['doel-1', { kind: 'score', score: 4 }]]) }]);
	});
});
