// The tiny scan, the answer shorthand and the hand-computed data set that the analysis tests
// share (examples in aggregate.test.ts, aggregate.suppression.test.ts, aggregate.statements.test.ts,
// ranking.test.ts and pairs.test.ts; properties in aggregate.properties.test.ts). Test code only.
import type { Answer } from '$lib/scan/questionnaire';
import { parseScanText } from '$lib/scan/parse';
import { analysePilot, type AnalysisInput, type ItemResult, type PilotResults, type ResponseData } from './aggregate';

// A tiny scan, small enough to compute every figure by hand. Three roles: raad and gemeente
// predict each other, burger predicts raad. Short items: a-1, a-3, a-ladder, a-open, b-1.
export const SCAN = parseScanText(
	'aggregate-test.yaml',
	`
id: analyse-test
version: 1
title: Analysetest
roles:
  - id: raad
    label: Lid van de raad
    choice: lid van de raad
    mirrorTarget: gemeente
    mirrorLabel: de gemeente
  - id: gemeente
    label: Gemeente
    choice: medewerker van de gemeente
    mirrorTarget: raad
    mirrorLabel: de raad
  - id: burger
    label: Inwoner
    choice: inwoner
    mirrorTarget: raad
    mirrorLabel: de raad
comparison: [raad, gemeente]
themes:
  - id: thema-a
    title: Thema A
    items:
      - { id: a-1, type: likert, text: Stelling A1., short: true, mirror: true }
      - { id: a-2, type: likert, text: Stelling A2., mirror: true }
      - { id: a-3, type: likert, text: Stelling A3., short: true }
      - id: a-ladder
        type: ladder
        text: Hoe werken we samen?
        short: true
        steps: [informeren, raadplegen, adviseren, coproduceren, meebeslissen]
      - { id: a-open, type: open, text: Wat wilt u nog kwijt?, short: true }
  - id: thema-b
    title: Thema B
    items:
      - { id: b-1, type: likert, text: Stelling B1., short: true }
      - { id: b-2, type: likert, text: Stelling B2. }
      - { id: b-3, type: likert, text: Stelling B3. }
      - { id: b-open, type: open, text: Nog iets over B? }
`
);

/** A number is a score, '?' is "weet niet", any other string is an open answer; absent = not answered. */
export type Raw = number | string;

export function response(role: string, raw: Record<string, Raw>): ResponseData {
	const answers = new Map<string, Answer>();
	for (const [key, v] of Object.entries(raw)) {
		if (typeof v === 'number') answers.set(key, { kind: 'score', score: v as 1 | 2 | 3 | 4 | 5 });
		else if (v === '?') answers.set(key, { kind: 'dontKnow' });
		else answers.set(key, { kind: 'text', text: v });
	}
	return { role, answers };
}

const respondentsOf = (role: string, list: Record<string, Raw>[]) => list.map((raw) => response(role, raw));

// The hand-computed data set. Columns per key, one line per respondent.
// raad (4 respondents)
//   a-1: 4 5 4 ?     a-1.spiegel: 3 2 ? –     a-2: 1 2 2 5    a-2.spiegel: 4 4 – –
//   a-3: 3 3 4 4     a-3.spiegel: 1 – – – (a-3 has no mirror flag: must be ignored)
//   ladder now: 2 3 3 ?   desired: 4 5 5 5
//   b-1: 5 5 4 ?     b-2: ? ? ? ?     b-3: 2 2 2 2
export const RAAD = respondentsOf('raad', [
	{
		'a-1': 4,
		'a-1.spiegel': 3,
		'a-2': 1,
		'a-2.spiegel': 4,
		'a-3': 3,
		'a-3.spiegel': 1,
		'a-ladder.nu': 2,
		'a-ladder.gewenst': 4,
		'a-open': 'Raad: eerste',
		'b-1': 5,
		'b-2': '?',
		'b-3': 2,
		'b-open': 'Raad B'
	},
	{
		'a-1': 5,
		'a-1.spiegel': 2,
		'a-2': 2,
		'a-2.spiegel': 4,
		'a-3': 3,
		'a-ladder.nu': 3,
		'a-ladder.gewenst': 5,
		'b-1': 5,
		'b-2': '?',
		'b-3': 2
	},
	{
		'a-1': 4,
		'a-1.spiegel': '?',
		'a-2': 2,
		'a-3': 4,
		'a-ladder.nu': 3,
		'a-ladder.gewenst': 5,
		'a-open': 'Raad: derde',
		'b-1': 4,
		'b-2': '?',
		'b-3': 2
	},
	{ 'a-1': '?', 'a-2': 5, 'a-3': 4, 'a-ladder.nu': '?', 'a-ladder.gewenst': 5, 'a-open': 'Raad: vierde', 'b-1': '?', 'b-2': '?', 'b-3': 2 }
]);
// gemeente (3 respondents)
//   a-1: 2 4 –       a-1.spiegel: 5 4 5       a-2: 3 3 3      a-2.spiegel: ? – –
//   a-3: 3 4 4       ladder now: 1 2 –   desired: 3 ? ?
//   b-1: 1 2 ?       b-2: ? ? ?       b-3: – – ?
export const GEMEENTE = respondentsOf('gemeente', [
	{
		'a-1': 2,
		'a-1.spiegel': 5,
		'a-2': 3,
		'a-2.spiegel': '?',
		'a-3': 3,
		'a-ladder.nu': 1,
		'a-ladder.gewenst': 3,
		'a-open': 'Gemeente: eerste',
		'b-1': 1,
		'b-2': '?'
	},
	{ 'a-1': 4, 'a-1.spiegel': 4, 'a-2': 3, 'a-3': 4, 'a-ladder.nu': 2, 'a-ladder.gewenst': '?', 'b-1': 2, 'b-2': '?' },
	{ 'a-1.spiegel': 5, 'a-2': 3, 'a-3': 4, 'a-ladder.gewenst': '?', 'a-open': 'Gemeente: derde', 'b-1': '?', 'b-2': '?', 'b-3': '?' }
]);
// burger (2 respondents: below k = 3, visible at k = 2)
//   a-1: 1 3   a-1.spiegel: 5 4   a-2: 4 4   a-3: 5 5   b-1: 3 3   b-3: 1 1
export const BURGER = respondentsOf('burger', [
	{
		'a-1': 1,
		'a-1.spiegel': 5,
		'a-2': 4,
		'a-3': 5,
		'a-ladder.nu': 5,
		'a-ladder.gewenst': 5,
		'a-open': 'Burger: eerste',
		'b-1': 3,
		'b-2': '?',
		'b-3': 1
	},
	{
		'a-1': 3,
		'a-1.spiegel': 4,
		'a-2': 4,
		'a-3': 5,
		'a-ladder.nu': 4,
		'a-ladder.gewenst': 5,
		'a-open': 'Burger: tweede',
		'b-1': 3,
		'b-3': 1
	}
]);

/** Responses in an interleaved order, as they might come from the database. */
export const ALL = [RAAD[0], GEMEENTE[0], BURGER[0], RAAD[1], GEMEENTE[1], RAAD[2], BURGER[1], GEMEENTE[2], RAAD[3]];

export function run(overrides: Partial<AnalysisInput> = {}): PilotResults {
	return analysePilot({
		scan: SCAN,
		variant: 'full',
		mirror: true,
		roles: ['raad', 'gemeente', 'burger'],
		minGroupSize: 3,
		responses: ALL,
		shuffleSeed: 7,
		// The hand-computed figures of these tiny groups: the per-statement minimum has tests of its own.
		minStatementScores: 0,
		...overrides
	});
}

export function item(results: PilotResults, id: string): ItemResult {
	const found = results.themes.flatMap((t) => t.items).find((i) => i.id === id);
	if (!found) throw new Error(`item ${id} not in the results`);
	return found;
}
