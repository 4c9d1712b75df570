import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale, getLocale, type Locale } from '$lib/paraglide/runtime';
import { formValues, parseAnswers, questionProgress, resumeAt, unansweredByPage } from './answers';
import { parseScanText } from './parse';
import { questionInList, questionLegend } from './question-text';
import { allQuestions, buildPages, type Answer, type Question } from './questionnaire';

const FILE = path.resolve('scans/clientenparticipatie-werk-en-inkomen.yaml');
const scan = parseScanText(FILE, fs.readFileSync(FILE, 'utf8'));
const pages = buildPages(scan, { variant: 'short', mirror: true, role: 'raad' });
const questions = allQuestions(pages);
const choices = questions.filter((q) => q.kind !== 'open');

const score = (n: 1 | 2 | 3 | 4 | 5): Answer => ({ kind: 'score', score: n });
const answered = (qs: Question[]) =>
	new Map<string, Answer>(qs.map((q) => [q.key, q.kind === 'open' ? { kind: 'text', text: 'x' } : score(3)]));

/** Runs `work` with every message in `locale`, as a request in that language would. */
function inLocale<T>(locale: Locale, work: () => T): T {
	const before = getLocale;
	overwriteGetLocale(() => locale);
	try {
		return work();
	} finally {
		overwriteGetLocale(before);
	}
}

describe('parseAnswers', () => {
	it('normalises every kind of value and keeps an empty value as a cleared answer', () => {
		const open = questions.find((q) => q.kind === 'open')!;
		const parsed = parseAnswers(questions, {
			[choices[0].key]: ' 5 ',
			[choices[1].key]: 'weet_niet',
			[choices[2].key]: '',
			[open.key]: ' tekst '
		});
		expect(parsed).toEqual({
			ok: true,
			entries: [
				[choices[0].key, score(5)],
				[choices[1].key, { kind: 'dontKnow' }],
				[choices[2].key, null],
				[open.key, { kind: 'text', text: 'tekst' }]
			]
		});
	});

	it('names each wrong key, in the language of the moment', () => {
		const parsed = parseAnswers(questions.slice(0, 1), { [questions[0].key]: '7', elders: '3' });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual([questions[0].key, 'elders'].sort());
		expect(parsed.errors.elders).toBe('Deze vraag hoort niet bij uw vragenlijst.');
		const english = inLocale('en', () => parseAnswers(questions.slice(0, 1), { elders: '3' }));
		expect(english).toEqual({ ok: false, errors: { elders: 'This question is not part of your questionnaire.' } });
	});
});

describe('progress through the questionnaire', () => {
	it('formValues gives back what the inputs hold', () => {
		const values = formValues(
			new Map<string, Answer>([
				['a', score(2)],
				['b', { kind: 'dontKnow' }],
				['c', { kind: 'text', text: 'Zo.' }]
			])
		);
		expect(values).toEqual({ a: '2', b: 'weet_niet', c: 'Zo.' });
	});

	it('starts at the first question when nothing is answered yet', () => {
		expect(resumeAt(pages, new Map())).toEqual({ page: 1, question: 0 });
	});

	it('resumes after the furthest answered question, not at a question skipped earlier', () => {
		// Themes 1 to 4 answered, one question of theme 1 skipped: on at the start of theme 5.
		const upToFour = answered(pages.slice(0, 4).flatMap((p) => p.questions));
		upToFour.delete(pages[0].questions[0].key);
		expect(resumeAt(pages, upToFour)).toEqual({ page: 5, question: 0 });
		// Stopped halfway through theme 3 (its first two questions): on at its third.
		const halfway = answered([...pages[0].questions, ...pages[2].questions.slice(0, 2)]);
		expect(resumeAt(pages, halfway)).toEqual({ page: 3, question: 2 });
		// Only a later question answered (the earlier ones skipped): still after it.
		expect(resumeAt(pages, answered([pages[1].questions[1]]))).toEqual({ page: 2, question: 2 });
	});

	it('goes to the overview once the last question, or every choice question, is answered', () => {
		const last = pages.at(-1)!.questions.at(-1)!;
		expect(resumeAt(pages, answered([last]))).toBe('controle');
		expect(resumeAt(pages, answered(choices))).toBe('controle');
		expect(resumeAt(pages, answered(questions))).toBe('controle');
	});

	it('starts at the first question when the answers belong to no question asked (another role)', () => {
		expect(resumeAt(pages, new Map([['elders', score(3)]]))).toEqual({ page: 1, question: 0 });
	});

	it('lists per page every unanswered question with its number in the theme, and counts the same questions', () => {
		const firstPageDone = answered(pages[0].questions);
		const open = unansweredByPage(pages, firstPageDone);
		expect(open.map((p) => p.index)).toEqual(pages.slice(1).map((p) => p.index));
		// The second theme: all its questions, open ones too, numbered as its page counts them.
		expect(open[0].missing.map((x) => x.number)).toEqual(pages[1].questions.map((_, i) => i + 1));
		expect(open[0].missing.map((x) => x.question.key)).toEqual(pages[1].questions.map((q) => q.key));
		expect(open.flatMap((p) => p.missing).some((x) => x.question.kind === 'open')).toBe(true);
		// Only the open questions left: those are listed, with the number they have on their page.
		const onlyOpen = unansweredByPage(pages, answered(choices));
		expect(onlyOpen.flatMap((p) => p.missing).every((x) => x.question.kind === 'open')).toBe(true);
		const page = pages.find((p) => p.index === onlyOpen[0].index)!;
		expect(page.questions[onlyOpen[0].missing[0].number - 1]).toBe(onlyOpen[0].missing[0].question);
		expect(unansweredByPage(pages, answered(questions))).toEqual([]);
		expect(questionProgress(pages, firstPageDone)).toEqual({ answered: pages[0].questions.length, total: questions.length });
		expect(questionProgress(pages, answered(choices))).toEqual({ answered: choices.length, total: questions.length });
	});
});

describe('question texts', () => {
	const mirror = choices.find((q) => q.kind === 'mirror')!;
	const ladder = choices.find((q) => q.kind === 'ladder-now')!;

	it('word a mirror and a ladder question in Dutch, or in the language asked for', () => {
		expect(questionLegend(mirror)).toBe('Wat denkt u dat de gemeente hier antwoordt?');
		expect(questionLegend(mirror, 'en')).toBe('What do you think de gemeente would answer here?');
		expect(questionLegend(ladder)).toBe(`${ladder.item.text} Hoe is het nu?`);
		expect(questionLegend(choices[0])).toBe(choices[0].item.text);
	});

	it('in a list, a mirror question names its statement', () => {
		expect(questionInList(mirror)).toBe(`Wat denkt u dat de gemeente antwoordt bij: "${mirror.item.text}"`);
		expect(questionInList(ladder, 'en')).toBe(`${ladder.item.text} (now)`);
	});
});
