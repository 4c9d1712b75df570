// Pilots for the benchmark's tests (unit and browser): closed, released, with scores on one
// statement (doel-1, so the theme "doel" score is their mean) per role. Made through the app's
// own modules: createPilot, insertCompletedResponse, setPilotStatus, makeRelease. Test code only.
import type { CouncilType } from '$lib/benchmark/rules';
import type { Db } from './db';
import { createPilot, getPilot, pilotFormSchema, setPilotStatus, type PilotWithScan } from './pilots';
import { makeRelease } from './releases';
import { insertCompletedResponse } from './responses';

export type BenchmarkPilotSetup = {
	municipality: string;
	councilType?: CouncilType;
	consent?: boolean;
	/** Per role: the scores (1-5) its respondents give on doel-1, one per respondent. */
	scores: Record<string, number[]>;
	minGroupSize?: number;
	ownerId?: number | null;
	scan?: string;
};

/** A closed pilot with its first release; the caller refreshes the benchmark snapshot when it wants. */
export function seedBenchmarkPilot(db: Db, setup: BenchmarkPilotSetup): PilotWithScan {
	const form = pilotFormSchema.parse({
		municipality: setup.municipality,
		roundLabel: 'Nulmeting',
		cbsCode: '',
		councilType: setup.councilType ?? 'clientenraad',
		scan: setup.scan ?? 'clientenparticipatie-werk-en-inkomen@1',
		variant: 'full',
		mirror: true,
		roles: Object.keys(setup.scores),
		minGroupSize: setup.minGroupSize ?? 3,
		opensOn: '',
		closesOn: '',
		benchmarkConsent: setup.consent ?? true
	});
	const id = createPilot(db, form, setup.ownerId ?? null);
	setPilotStatus(db, id, 'open');
	for (const [role, scores] of Object.entries(setup.scores))
		for (const score of scores)
			insertCompletedResponse(db, {
				pilotId: id,
				role,
				source: 'online',
				answers: [['doel-1', { kind: 'score', score: score as 1 | 2 | 3 | 4 | 5 }]]
			});
	setPilotStatus(db, id, 'closed');
	const pilot = getPilot(db, id)!;
	const release = makeRelease(db, pilot, 'close', setup.ownerId ?? null);
	if (!release.ok) throw new Error('benchmark fixture: release refused');
	return pilot;
}

/** `n` of the same score. */
export const times = (n: number, score: number) => Array.from({ length: n }, () => score);
