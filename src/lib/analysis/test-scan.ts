// The tiny scan and the answer shorthand that the analysis tests share (examples in
// aggregate.test.ts, properties in aggregate.properties.test.ts). Test code only.
import type { Answer } from '$lib/scan/questionnaire';
import { parseScanText } from '$lib/scan/parse';
import type { ResponseData } from './aggregate';

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
