// The scan and answers that the chart tests share: three roles, one theme with three statements (one
// with mirror questions), a ladder and an open question. Burger is below k = 3. Test code only.
import { analysePilot, type AnalysisInput, type PilotResults, type ResponseData } from '$lib/analysis/aggregate';
import { parseScanText } from '$lib/scan/parse';
import type { Answer } from '$lib/scan/questionnaire';
import { chartSource } from './chart-data';

export const SCAN = parseScanText(
	'charts-test.yaml',
	`
id: grafiek-test
version: 1
title: Grafiektest
roles:
  - { id: raad, label: Lid van de raad, choice: lid, mirrorTarget: gemeente, mirrorLabel: de gemeente }
  - { id: gemeente, label: Gemeente, choice: medewerker, mirrorTarget: raad, mirrorLabel: de raad }
  - { id: burger, label: Inwoner, choice: inwoner, mirrorTarget: raad, mirrorLabel: de raad }
comparison: [raad, gemeente]
themes:
  - id: thema-a
    title: Thema A
    items:
      - { id: a-1, type: likert, text: Stelling A1., mirror: true, short: true }
      - { id: a-2, type: likert, text: Stelling A2. }
      - { id: a-3, type: likert, text: Stelling A3. }
      - { id: a-ladder, type: ladder, text: Hoe werken we samen?, steps: [een, twee, drie, vier, vijf] }
      - { id: a-open, type: open, text: Nog iets? }
`
);

function respondent(role: string, scores: Record<string, number | '?'>): ResponseData {
	const answers = new Map<string, Answer>();
	for (const [key, v] of Object.entries(scores))
		answers.set(key, v === '?' ? { kind: 'dontKnow' } : { kind: 'score', score: v as 1 | 2 | 3 | 4 | 5 });
	return { role, answers };
}

// raad: a-1 low, a-2 high, a-3 middle; gemeente the other way round on a-1. Burger is below k.
export const RESPONSES = [
	respondent('raad', { 'a-1': 1, 'a-1.spiegel': 4, 'a-2': 5, 'a-3': 3, 'a-ladder.nu': 2, 'a-ladder.gewenst': 4 }),
	respondent('raad', { 'a-1': 2, 'a-1.spiegel': 5, 'a-2': 4, 'a-3': 3, 'a-ladder.nu': 2, 'a-ladder.gewenst': 5 }),
	respondent('raad', { 'a-1': 1, 'a-2': 4, 'a-3': '?', 'a-ladder.nu': 3, 'a-ladder.gewenst': 4 }),
	respondent('gemeente', { 'a-1': 5, 'a-1.spiegel': 2, 'a-2': 4, 'a-3': 3, 'a-ladder.nu': 3, 'a-ladder.gewenst': 3 }),
	respondent('gemeente', { 'a-1': 4, 'a-1.spiegel': 2, 'a-2': 5, 'a-3': 2, 'a-ladder.nu': 4, 'a-ladder.gewenst': 4 }),
	respondent('gemeente', { 'a-1': 5, 'a-2': 3, 'a-3': 2, 'a-ladder.nu': 3, 'a-ladder.gewenst': 4 }),
	respondent('burger', { 'a-1': 5, 'a-1.spiegel': 1, 'a-2': 1, 'a-3': 1 })
];

/** The results of the test pilot; `minStatementScores: 0` unless given, so the tiny groups show their figures. */
export function analyse(overrides: Partial<AnalysisInput> = {}): PilotResults {
	return analysePilot({
		scan: SCAN,
		variant: 'full',
		mirror: true,
		roles: ['raad', 'gemeente', 'burger'],
		minGroupSize: 3,
		responses: RESPONSES,
		shuffleSeed: 1,
		minStatementScores: 0,
		...overrides
	});
}

/** Everything the charts of the test pilot are built from (with mirror questions). */
export const source = (results = analyse()) => chartSource(results, { scan: SCAN, mirror: true });
