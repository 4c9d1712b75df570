import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { parseAnswers } from './answers';
import { parseScanText } from './parse';
import {
	allAnswerKeys,
	allQuestions,
	buildPages,
	CHANGE_KEY,
	DONT_KNOW,
	estimatedMinutes,
	estimatedSeconds,
	estimateRange,
	fillIntro,
	formatAnswer,
	ladderKeys,
	mirrorKey,
	parseAnswerValue,
	pilotMinutes,
	minutesText,
	SECONDS_PER_ANSWER,
	withoutControlCharacters,
	type Page,
	type Variant
} from './questionnaire';

const REAL_FILE = path.resolve('scans/clientenparticipatie-werk-en-inkomen.yaml');
const realSource = fs.readFileSync(REAL_FILE, 'utf8');
const real = parseScanText(REAL_FILE, realSource);
const MINIMAL_FILE = path.resolve('tests/fixtures/scans/minimal.yaml');
const minimal = parseScanText(MINIMAL_FILE, fs.readFileSync(MINIMAL_FILE, 'utf8'));

// The raw YAML, read without our schema, so the expectations below come from the file itself.
type RawItem = { id: string; type: 'likert' | 'ladder' | 'open'; short?: boolean; mirror?: boolean; maxLength?: number };
const rawThemes = (parseYaml(realSource) as { themes: { id: string; items: RawItem[] }[] }).themes;
const rawItems = (variant: Variant) => rawThemes.flatMap((t) => t.items).filter((i) => variant === 'full' || i.short === true);
/** The answer keys a respondent gets, in order, computed straight from the raw YAML. */
function expectedKeys(variant: Variant, withMirror: boolean): string[] {
	return rawItems(variant).flatMap((i) => {
		if (i.type === 'likert') return withMirror && i.mirror ? [i.id, `${i.id}.spiegel`] : [i.id];
		if (i.type === 'ladder') return [`${i.id}.nu`, `${i.id}.gewenst`];
		return [i.id];
	});
}

const keysOf = (variant: Variant, mirror: boolean, role: string) =>
	allQuestions(buildPages(real, { variant, mirror, role })).map((q) => q.key);

describe('buildPages on the real scan', () => {
	it('full variant: one page per theme with every item', () => {
		const pages = buildPages(real, { variant: 'full', mirror: false, role: 'raad' });
		expect(pages.map((p) => p.theme.id)).toEqual(rawThemes.map((t) => t.id));
		expect(pages.map((p) => p.index)).toEqual(rawThemes.map((_, i) => i + 1));
		expect(allQuestions(pages).map((q) => q.key)).toEqual(expectedKeys('full', false));
	});

	it('short variant: only the items with short: true', () => {
		const pages = buildPages(real, { variant: 'short', mirror: false, role: 'raad' });
		const questions = allQuestions(pages);
		expect(questions.map((q) => q.key)).toEqual(expectedKeys('short', false));
		expect(questions.every((q) => q.item.short)).toBe(true);
		const likert = questions.filter((q) => q.kind === 'likert');
		expect(likert).toHaveLength(rawItems('short').filter((i) => i.type === 'likert').length);
		expect(likert.length).toBeLessThan(48);
		// Every theme of this file has short items, so the short variant still has all pages.
		expect(pages).toHaveLength(8);
	});

	it('numbers the statements 1..n across pages, and mirrors share the number of their statement', () => {
		const questions = allQuestions(buildPages(real, { variant: 'full', mirror: true, role: 'raad' }));
		const likert = questions.filter((q) => q.kind === 'likert');
		expect(likert.map((q) => q.number)).toEqual(likert.map((_, i) => i + 1));
		expect(likert).toHaveLength(48);
		questions.forEach((q, i) => {
			if (q.kind === 'mirror') {
				const before = questions[i - 1];
				expect(before.kind).toBe('likert');
				expect(before.key).toBe(q.item.id);
				expect(q.number).toBe(before.kind === 'likert' ? before.number : NaN);
			}
		});
	});

	it('a ladder gives two questions: now and desired', () => {
		const ladderIds = rawItems('full')
			.filter((i) => i.type === 'ladder')
			.map((i) => i.id);
		expect(ladderIds.length).toBeGreaterThan(0);
		const questions = allQuestions(buildPages(real, { variant: 'full', mirror: false, role: 'gemeente' }));
		for (const id of ladderIds) {
			const ladder = questions.filter((q) => q.item.id === id);
			expect(ladder.map((q) => [q.kind, q.key])).toEqual([
				['ladder-now', `${id}.nu`],
				['ladder-desired', `${id}.gewenst`]
			]);
			expect(ladderKeys(id)).toEqual({ now: `${id}.nu`, desired: `${id}.gewenst` });
		}
	});
});

describe('mirror questions', () => {
	const mirrorsOf = (scan: typeof real, variant: Variant, mirror: boolean, role: string) =>
		allQuestions(buildPages(scan, { variant, mirror, role })).filter((q) => q.kind === 'mirror');

	it('appear for raad when the pilot asks for them, about "de gemeente"', () => {
		for (const variant of ['full', 'short'] as const) {
			const mirrors = mirrorsOf(real, variant, true, 'raad');
			const expected = rawItems(variant)
				.filter((i) => i.type === 'likert' && i.mirror)
				.map((i) => mirrorKey(i.id));
			expect(expected.length).toBeGreaterThan(0);
			expect(mirrors.map((q) => q.key)).toEqual(expected);
			for (const q of mirrors) expect(q.kind === 'mirror' && q.targetLabel).toBe('de gemeente');
		}
		expect(keysOf('full', true, 'raad')).toEqual(expectedKeys('full', true));
	});

	it('are about "de raad" for gemeente', () => {
		const mirrors = mirrorsOf(real, 'full', true, 'gemeente');
		expect(mirrors.length).toBeGreaterThan(0);
		for (const q of mirrors) expect(q.kind === 'mirror' && q.targetLabel).toBe('de raad');
	});

	it('never appear when the pilot has the mirror option off', () => {
		for (const role of real.roles.map((r) => r.id)) expect(mirrorsOf(real, 'full', false, role)).toEqual([]);
	});

	it('never appear for a role without a mirrorTarget, or an unknown role', () => {
		expect(minimal.roles.find((r) => r.id === 'burger')?.mirrorTarget).toBeUndefined();
		expect(mirrorsOf(minimal, 'full', true, 'burger')).toEqual([]);
		expect(mirrorsOf(minimal, 'full', true, 'onbekend')).toEqual([]);
		// …while a role of the same scan with a target does get them (a-1 and a-2 have mirror: true).
		expect(mirrorsOf(minimal, 'full', true, 'raad').map((q) => q.key)).toEqual(['a-1.spiegel', 'a-2.spiegel']);
	});

	it('only for statements with mirror: true', () => {
		const keys = mirrorsOf(minimal, 'full', true, 'gemeente').map((q) => q.key);
		expect(keys).not.toContain('b-1.spiegel');
		expect(keys).not.toContain('b-2.spiegel');
	});
});

describe('allAnswerKeys', () => {
	it('contains every key any variant or role can produce, and nothing else', () => {
		const all = allAnswerKeys(real);
		const union = new Set<string>();
		for (const variant of ['full', 'short'] as const)
			for (const role of real.roles.map((r) => r.id)) for (const key of keysOf(variant, true, role)) union.add(key);
		// A follow-up round adds the change question.
		for (const q of allQuestions(buildPages(real, { variant: 'short', mirror: false, role: 'raad', followUp: true }))) union.add(q.key);
		expect(new Set(all.keys())).toEqual(union);
		expect(all.get('invloed-ladder.nu')).toBe('ladder-now');
		expect(all.get('doel-1.spiegel')).toBe('mirror');
		expect(all.get('doel-open')).toBe('open');
	});
});

describe('the change question of a follow-up round', () => {
	const change = allQuestions(buildPages(real, { variant: 'short', mirror: false, role: 'raad', followUp: true })).find(
		(q) => q.key === CHANGE_KEY
	)!;
	it('takes 1 to 3 or "weet niet", and says which when it gets something else', () => {
		expect(parseAnswerValue(change, '2')).toEqual({ ok: true, answer: { kind: 'score', score: 2 } });
		expect(parseAnswerValue(change, DONT_KNOW)).toEqual({ ok: true, answer: { kind: 'dontKnow' } });
		expect(parseAnswerValue(change, '4')).toEqual({ ok: false, error: 'kies 1 (ja), 2 (een beetje), 3 (nee) of "weet niet"' });
	});
});

/** The answers as parseAnswers gives them (it throws on an error), or whether they pass. */
function parsed(pages: Page[], raw: Record<string, string>) {
	const result = parseAnswers(allQuestions(pages), raw);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return Object.fromEntries(result.entries);
}
const passes = (pages: Page[], raw: Record<string, string>) => parseAnswers(allQuestions(pages), raw).ok;

describe('parseAnswers against a questionnaire', () => {
	const pages = buildPages(real, { variant: 'full', mirror: true, role: 'raad' });
	const likertKey = 'doel-1';
	const openItem = rawItems('full').find((i) => i.type === 'open')!;
	const openMax = openItem.maxLength!;

	it.each(['1', '2', '3', '4', '5'])('accepts %s as a score', (value) => {
		expect(parsed(pages, { [likertKey]: value })).toEqual({ [likertKey]: { kind: 'score', score: Number(value) } });
	});

	it('accepts weet_niet, and the empty value as null (clearing an answer)', () => {
		expect(parsed(pages, { [likertKey]: DONT_KNOW })).toEqual({ [likertKey]: { kind: 'dontKnow' } });
		expect(parsed(pages, { [likertKey]: '' })).toEqual({ [likertKey]: null });
		expect(parsed(pages, { [likertKey]: ' 4 ' })).toEqual({ [likertKey]: { kind: 'score', score: 4 } });
	});

	it('accepts the mirror and ladder keys of this respondent, and a partial answer set', () => {
		const answers = parsed(pages, { 'doel-1.spiegel': '2', 'invloed-ladder.nu': '1', 'invloed-ladder.gewenst': '5' });
		expect(answers).toEqual({
			'doel-1.spiegel': { kind: 'score', score: 2 },
			'invloed-ladder.nu': { kind: 'score', score: 1 },
			'invloed-ladder.gewenst': { kind: 'score', score: 5 }
		});
		expect(parsed(pages, {})).toEqual({});
	});

	it.each(['0', '6', '3.5', 'ja', '1 2', '-1', '05', 'weet niet'])('rejects %j for a statement', (value) => {
		expect(parseAnswers(allQuestions(pages), { [likertKey]: value })).toEqual({
			ok: false,
			errors: { [likertKey]: 'kies 1 tot en met 5 of "weet niet"' }
		});
	});

	it('rejects unknown keys, including keys this respondent was not asked', () => {
		expect(passes(pages, { 'bestaat-niet': '3' })).toBe(false);
		const noMirror = buildPages(real, { variant: 'full', mirror: false, role: 'raad' });
		expect(passes(noMirror, { 'doel-1.spiegel': '3' })).toBe(false);
		const short = buildPages(real, { variant: 'short', mirror: false, role: 'raad' });
		const fullOnly = rawItems('full').find((i) => i.type === 'likert' && !i.short)!.id;
		expect(passes(short, { [fullOnly]: '3' })).toBe(false);
		expect(passes(pages, { [fullOnly]: '3' })).toBe(true);
	});

	it('open answers: trimmed text, empty is null, at most maxLength characters', () => {
		expect(parsed(pages, { [openItem.id]: '  Goed overleg, maar\nte laat.  ' })).toEqual({
			[openItem.id]: { kind: 'text', text: 'Goed overleg, maar\nte laat.' }
		});
		expect(parsed(pages, { [openItem.id]: '   ' })).toEqual({ [openItem.id]: null });
		expect(passes(pages, { [openItem.id]: 'x'.repeat(openMax) })).toBe(true);
		const tooLong = parseAnswers(allQuestions(pages), { [openItem.id]: 'x'.repeat(openMax + 1) });
		expect(tooLong).toEqual({ ok: false, errors: { [openItem.id]: `Uw antwoord is te lang. U kunt tot ${openMax} letters typen.` } });
	});

	it('open answers keep newlines and tabs and lose NUL and every other control character', () => {
		expect(parsed(pages, { [openItem.id]: 'Eerst\r\nDan\u0000 nu\tdit\u001b[31m rood\u0085\u007f.' })).toEqual({
			[openItem.id]: { kind: 'text', text: 'Eerst\nDan nu\tdit[31m rood.' }
		});
		expect(parsed(pages, { [openItem.id]: '\u0000\u0001\r' })).toEqual({ [openItem.id]: null });
	});

	it("uses each open item's own maxLength", () => {
		const item = minimal.themes[0].items.find((i) => i.id === 'a-open');
		expect(item?.type === 'open' && item.maxLength).toBe(50);
		const small = buildPages(minimal, { variant: 'full', mirror: false, role: 'raad' });
		expect(passes(small, { 'a-open': 'x'.repeat(50) })).toBe(true);
		expect(passes(small, { 'a-open': 'x'.repeat(51) })).toBe(false);
	});
});

describe('parseAnswerValue', () => {
	const questions = allQuestions(buildPages(real, { variant: 'full', mirror: true, role: 'raad' }));
	const choices = questions.filter((q) => q.kind !== 'open');
	const VALID = new Set(['', '1', '2', '3', '4', '5', DONT_KNOW]);

	it('accepts exactly 1-5, weet_niet and empty (after trimming) for every choice question', () => {
		const values = fc.oneof(
			fc.string(),
			fc.constantFrom('1', '5', ' 3 ', '0', '6', '05', '3.5', 'weet_niet', ' weet_niet', 'weet niet', 'WEET_NIET', '', '\t', '1\n')
		);
		fc.assert(
			fc.property(fc.constantFrom(...choices), values, (question, raw) => {
				const parsed = parseAnswerValue(question, raw);
				expect(parsed.ok).toBe(VALID.has(raw.trim()));
				if (parsed.ok && parsed.answer) expect(formatAnswer(parsed.answer)).toBe(raw.trim());
				if (parsed.ok && raw.trim() === '') expect(parsed.answer).toBeNull();
			})
		);
	});

	it('accepts any open text up to its maximum length, without control characters, and nothing longer', () => {
		// The small scan's open question (at most 50 characters) keeps the generated texts short.
		const open = allQuestions(buildPages(minimal, { variant: 'full', mirror: false, role: 'raad' })).find((q) => q.kind === 'open')!;
		const max = open.kind === 'open' ? open.item.maxLength : 0;
		// Pieces of text mixed with control characters and spaces, from empty to about twice the maximum.
		const controls = fc.constantFrom('\u0000', '\r', '\t', '\n', '\u001b', '\u0085', '\u007f', ' ', 'é');
		const texts = fc.array(fc.oneof(controls, fc.string({ maxLength: 8 })), { maxLength: 25 }).map((parts) => parts.join(''));
		fc.assert(
			fc.property(texts, (raw) => {
				const parsed = parseAnswerValue(open, raw);
				expect(parsed.ok).toBe(raw.length <= max);
				if (parsed.ok && parsed.answer?.kind === 'text') {
					expect(parsed.answer.text).toBe(withoutControlCharacters(raw).trim());
					expect(parsed.answer.text).not.toMatch(/^\s|\s$/);
				}
			})
		);
	});
});

describe('parseAnswerValue and formatAnswer', () => {
	it('round-trip every kind of answer', () => {
		const questions = allQuestions(buildPages(real, { variant: 'full', mirror: true, role: 'raad' }));
		const [likert, open] = ['likert', 'open'].map((kind) => questions.find((q) => q.kind === kind)!);
		for (const raw of ['1', '5', DONT_KNOW]) {
			const answer = parseAnswerValue(likert, raw);
			expect(answer.ok && answer.answer && formatAnswer(answer.answer)).toBe(raw);
		}
		const text = parseAnswerValue(open, 'Meer overleg');
		expect(text.ok && text.answer && formatAnswer(text.answer)).toBe('Meer overleg');
	});
});

describe('estimatedMinutes', () => {
	const minutes = (variant: Variant, mirror: boolean, role = 'raad') => estimatedMinutes(buildPages(real, { variant, mirror, role }));
	// The roles as the file has them: a role is asked mirror questions only when it names whom they are about.
	const rawRoles = (parseYaml(realSource) as { roles: { id: string; mirrorTarget?: string; mirrorLabel?: string }[] }).roles;

	it('equals the sum over the questions a role gets, at the rates of the app, rounded up to 5 minutes', () => {
		expect(SECONDS_PER_ANSWER).toEqual({ scored: 15, open: 30 });
		for (const variant of ['full', 'short'] as const)
			for (const mirror of [true, false])
				for (const role of rawRoles) {
					// Counted from the raw file: statements, their mirror questions, both steps of a ladder, open questions.
					const items = rawItems(variant);
					const asksMirror = mirror && !!role.mirrorTarget && !!role.mirrorLabel;
					const scored =
						items.filter((i) => i.type === 'likert').length +
						(asksMirror ? items.filter((i) => i.type === 'likert' && i.mirror).length : 0) +
						2 * items.filter((i) => i.type === 'ladder').length;
					const open = items.filter((i) => i.type === 'open').length;
					const seconds = scored * SECONDS_PER_ANSWER.scored + open * SECONDS_PER_ANSWER.open;
					const pages = buildPages(real, { variant, mirror, role: role.id });
					expect(estimatedSeconds(pages), `${variant} ${mirror} ${role.id}`).toBe(seconds);
					expect(estimatedMinutes(pages)).toBe(Math.max(5, Math.ceil(seconds / 300) * 5));
				}
		expect(estimatedMinutes([])).toBe(5);
	});

	it('counts the mirror questions: the full scan with them is 74 scored answers and 9 open ones, 23 minutes, said as 25', () => {
		const questions = allQuestions(buildPages(real, { variant: 'full', mirror: true, role: 'raad' }));
		expect(questions.filter((q) => q.kind !== 'open')).toHaveLength(74);
		expect(questions.filter((q) => q.kind === 'open')).toHaveLength(9);
		expect(minutes('full', true)).toBe(25);
		expect(minutes('full', true)).toBeGreaterThan(minutes('full', false));
		expect(minutes('short', true)).toBeLessThan(minutes('full', true));
		expect(minutes('short', false)).toBeLessThan(minutes('full', false));
	});

	it('says a range only where the questionnaires differ, and the estimate of the role itself for one role', () => {
		const both = [true, false].map((mirror) => ({ variant: 'full' as const, mirror, role: 'raad' }));
		expect(estimateRange(real, both)).toEqual({ min: minutes('full', false), max: minutes('full', true) });
		expect(minutesText(estimateRange(real, both), 'nl')).toBe(`${minutes('full', false)} tot ${minutes('full', true)}`);
		expect(minutesText(estimateRange(real, both), 'en')).toBe(`${minutes('full', false)} to ${minutes('full', true)}`);
		expect(pilotMinutes(real, { variant: 'full', mirror: true }, ['raad'])).toBe(String(minutes('full', true)));
		expect(pilotMinutes(real, { variant: 'short', mirror: false }, ['raad', 'gemeente'])).toBe(String(minutes('short', false)));
	});
});

describe('fillIntro', () => {
	it('fills in the smallest group and the minutes, wherever and however often they stand', () => {
		expect(fillIntro(['Minstens {minimum} mensen.', '{minuten} minuten, echt {minuten}.', 'Niets.'], { minimum: 5, minutes: 15 })).toEqual([
			'Minstens 5 mensen.',
			'15 minuten, echt 15.',
			'Niets.'
		]);
	});
});
