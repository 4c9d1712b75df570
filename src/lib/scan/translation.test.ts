import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScanText, parseTranslationText, ScanFileError } from './parse';
import { allAnswerKeys, buildPages } from './questionnaire';
import type { ScanDefinition } from './schema';
import { langOf, localizeScan, scanTexts, sha256Hex, sourceHash, translationGaps } from './translation';

const read = (file: string) => fs.readFileSync(path.resolve(file), 'utf8');
const SCAN_FILE = 'tests/fixtures/scans/minimal.yaml';
const EN_FILE = 'tests/fixtures/scans/minimal.en.yaml';
const scan = parseScanText(SCAN_FILE, read(SCAN_FILE));
const enSource = read(EN_FILE);
const en = parseTranslationText(EN_FILE, enSource, scan).translation;

const itemText = (def: ScanDefinition, id: string) => def.themes.flatMap((t) => t.items).find((i) => i.id === id)!.text;

/** Replaces one exact piece of a text; fails loudly when the piece is not there once. */
function mutate(source: string, from: string, to: string): string {
	expect(source.split(from).length - 1, `"${from}" should occur exactly once`).toBe(1);
	return source.replace(from, to);
}

const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

function translationError(source: string, def: ScanDefinition = scan): ScanFileError {
	try {
		parseTranslationText('scans/kapot.en.yaml', source, def);
	} catch (e) {
		expect(e).toBeInstanceOf(ScanFileError);
		expect((e as ScanFileError).message).toContain('scans/kapot.en.yaml');
		return e as ScanFileError;
	}
	throw new Error('parseTranslationText accepted an invalid translation');
}

describe('sha256Hex and sourceHash', () => {
	it('agree with node:crypto, also across block boundaries and for non-ASCII text', () => {
		const samples = [
			'',
			'a',
			'Stelling A1.',
			'cliëntenraad én “quotes” — ☃ 🙂',
			'x'.repeat(55),
			'x'.repeat(56),
			'x'.repeat(64),
			'é'.repeat(300)
		];
		for (const s of samples) expect(sha256Hex(s), JSON.stringify(s)).toBe(crypto.createHash('sha256').update(s, 'utf8').digest('hex'));
	});

	it('a source is the first 12 hex digits', () => {
		expect(sourceHash('Testscan')).toBe(crypto.createHash('sha256').update('Testscan').digest('hex').slice(0, 12));
	});
});

describe('localizeScan', () => {
	const localized = localizeScan(scan, en, 'en');

	it('applies every entry whose source matches, and leaves ids, flags and numbers alone', () => {
		expect(localized.title).toBe('Test scan');
		expect(localized.roles.find((r) => r.id === 'raad')).toMatchObject({ label: 'Member of the council', mirrorLabel: 'the municipality' });
		expect(localized.themes.map((t) => t.title)).toEqual(['Theme A', 'Theme B']);
		const ladder = localized.themes[0].items.find((i) => i.id === 'a-ladder');
		expect(ladder).toMatchObject({
			type: 'ladder',
			text: 'How do we work together?',
			steps: ['informing', 'consulting', 'advising', 'co-producing', 'deciding together']
		});
		expect(localized.themes[0].items.find((i) => i.id === 'a-open')).toMatchObject({ type: 'open', maxLength: 50, short: true });
		expect(localized.comparison).toEqual(scan.comparison);
		expect(localized.analysis).toEqual(scan.analysis);
		expect(langOf(localized, 'items', 'a-1', 'text')).toBeUndefined();
		expect(langOf(localized, 'items', 'a-ladder', 'steps', 4)).toBeUndefined();
	});

	it('keeps the questionnaire the same: pages, keys and mirror targets follow the translated texts', () => {
		expect(allAnswerKeys(localized)).toEqual(allAnswerKeys(scan));
		const options = { variant: 'full', mirror: true, role: 'raad' } as const;
		const keys = (def: ScanDefinition) => buildPages(def, options).flatMap((p) => p.questions.map((q) => q.key));
		expect(keys(localized)).toEqual(keys(scan));
		const mirror = buildPages(localized, options)
			.flatMap((p) => p.questions)
			.find((q) => q.kind === 'mirror');
		expect(mirror).toMatchObject({ targetLabel: 'the municipality' });
	});

	it("translates a theme's conversation questions by position, and keeps the Dutch of a stale one", () => {
		const withQuestions = parseScanText(
			SCAN_FILE,
			mutate(read(SCAN_FILE), '  - id: thema-a\n', '  - id: thema-a\n    questions:\n      - Wat spreken we af?\n      - Wie doet wat?\n')
		);
		const translation = parseTranslationText(
			EN_FILE,
			mutate(
				enSource,
				'themes:\n  thema-a:\n',
				`themes:\n  thema-a:\n    questions:\n      - source: '${sourceHash('Wat spreken we af?')}'\n        text: What do we agree?\n      - source: '000000000000'\n        text: Who does what?\n`
			),
			withQuestions
		).translation;
		const result = localizeScan(withQuestions, translation, 'en');
		expect(result.themes[0].questions).toEqual(['What do we agree?', 'Wie doet wat?']);
		expect(langOf(result, 'themes', 'thema-a', 'questions', 1)).toBe('nl');
		expect(translationGaps(withQuestions, translation).map((g) => g.address.join('.'))).toContain('themes.thema-a.questions.1');
	});

	it('falls back to Dutch for a missing entry, and marks only that text', () => {
		expect(itemText(localized, 'b-2')).toBe('Stelling B2.');
		expect(langOf(localized, 'items', 'b-2', 'text')).toBe('nl');
		expect(localized.localized).toEqual({ locale: 'en', dutch: ['items.b-2.text'] });
	});

	it('falls back to Dutch where the Dutch text changed since the translation (source mismatch)', () => {
		const newer = parseScanText(SCAN_FILE, mutate(read(SCAN_FILE), 'text: Stelling A2.', 'text: Stelling A2, nu anders gezegd.'));
		const result = localizeScan(newer, en, 'en');
		expect(itemText(result, 'a-2')).toBe('Stelling A2, nu anders gezegd.');
		expect(langOf(result, 'items', 'a-2', 'text')).toBe('nl');
		expect(itemText(result, 'a-1')).toBe('Statement A1.');
		expect(result.localized?.dutch).toEqual(['items.a-2.text', 'items.b-2.text']);
	});

	it('without a translation every text stays Dutch and is marked', () => {
		const result = localizeScan(scan, undefined, 'en');
		expect(result.title).toBe('Testscan');
		expect(result.localized?.dutch).toHaveLength(scanTexts(scan).length);
		expect(langOf(result, 'roles', 'burger', 'choice')).toBe('nl');
	});

	it('in Dutch the definition itself comes back, with nothing marked', () => {
		expect(localizeScan(scan, en, 'nl')).toBe(scan);
		expect(langOf(scan, 'title')).toBeUndefined();
	});
});

describe('translationGaps', () => {
	it('names missing and stale texts with the Dutch and its current source', () => {
		const newer = parseScanText(SCAN_FILE, mutate(read(SCAN_FILE), 'title: Thema B', 'title: Thema Bee'));
		expect(translationGaps(newer, en)).toEqual([
			{ address: ['themes', 'thema-b', 'title'], kind: 'stale', dutch: 'Thema Bee', source: sourceHash('Thema Bee') },
			{ address: ['items', 'b-2', 'text'], kind: 'missing', dutch: 'Stelling B2.', source: sourceHash('Stelling B2.') }
		]);
	});
});

describe('parseTranslationText', () => {
	it('gives the line of every entry', () => {
		const { lines } = parseTranslationText(EN_FILE, enSource, scan);
		expect(lines['items.a-2.text']).toBe(lineOf(enSource, '  a-2:') + 1);
		expect(lines['title']).toBe(lineOf(enSource, 'title:'));
	});

	it('an unknown item id fails with file, line and place', () => {
		const source = mutate(enSource, '  a-2:\n', '  a-9:\n');
		const error = translationError(source);
		expect(error.problems).toEqual([`regel ${lineOf(source, '  a-9:')}, items.a-9: onbekende vraag "a-9"`]);
	});

	it('an unknown role, theme, field or place fails too', () => {
		expect(translationError(mutate(enSource, '  burger:\n', '  inwoner:\n')).problems[0]).toMatch(/roles\.inwoner: onbekende rol/);
		expect(translationError(mutate(enSource, '  thema-b:\n', '  thema-c:\n')).problems[0]).toMatch(/themes\.thema-c: onbekend thema/);
		const subtitle = mutate(
			enSource,
			'      text: Theme B\n',
			"      text: Theme B\n    subtitle:\n      source: '000000000000'\n      text: Sub\n"
		);
		expect(translationError(subtitle).problems[0]).toMatch(/themes\.thema-b\.subtitle: thema "thema-b" heeft geen subtitle/);
		const steps = mutate(
			enSource,
			'      text: Statement A1.\n',
			"      text: Statement A1.\n    steps:\n      - source: '000000000000'\n        text: x\n"
		);
		expect(translationError(steps).problems[0]).toMatch(/items\.a-1\.steps: vraag "a-1" is geen ladder/);
		const intro = `${enSource}intro:\n  - source: '000000000000'\n    text: Hello\n`;
		expect(translationError(intro).problems[0]).toMatch(/intro\[0\]: de scan heeft hier 0 alinea’s/);
		const field = mutate(enSource, '      text: Statement A1.\n', '      text: Statement A1.\n    help: x\n');
		expect(translationError(field).problems[0]).toMatch(new RegExp(`^regel ${lineOf(field, 'help: x')}, items\\.a-1: .*help`));
	});

	it('a translation of another scan, an unquoted or malformed source, or invalid YAML fails', () => {
		expect(translationError(mutate(enSource, 'scan: testscan', 'scan: andere-scan')).problems[0]).toMatch(
			/scan: dit is een vertaling van "andere-scan"/
		);
		const unquoted = mutate(enSource, "source: 'b0e6f85bab78'", 'source: 123456789012');
		expect(translationError(unquoted).problems[0]).toMatch(/items\.a-1\.text\.source: schrijf de code tussen aanhalingstekens/);
		expect(translationError(mutate(enSource, "source: 'b0e6f85bab78'", "source: 'b0e6'")).problems[0]).toMatch(/12 tekens/);
		expect(translationError(mutate(enSource, 'text: Test scan', 'text: Test: scan')).problems[0]).toMatch(/^regel \d+: geen geldige YAML/);
	});

	it('a current translation must keep the placeholders of the Dutch; a stale one is not checked', () => {
		const withPlaceholder = parseScanText(SCAN_FILE, mutate(read(SCAN_FILE), 'title: Testscan', 'title: Testscan van {minuten} minuten'));
		const current = mutate(enSource, "source: 'bbf3137fcea7'", `source: '${sourceHash('Testscan van {minuten} minuten')}'`);
		expect(translationError(current, withPlaceholder).problems[0]).toMatch(/title\.text: neem dezelfde plekhouders over .*\{minuten\}/);
		expect(() => parseTranslationText(EN_FILE, enSource, withPlaceholder)).not.toThrow();
	});
});

describe('the shipped scans', () => {
	const dir = path.resolve('scans');
	for (const name of fs.readdirSync(dir).filter((n) => /^[^.]+\.yaml$/.test(n))) {
		it(`${name} has a complete English translation, with the placeholders of the Dutch`, () => {
			const def = parseScanText(name, read(path.join('scans', name)));
			const enName = name.replace(/\.yaml$/, '.en.yaml');
			const { translation } = parseTranslationText(enName, read(path.join('scans', enName)), def);
			expect(translationGaps(def, translation)).toEqual([]);
			const localized = localizeScan(def, translation, 'en');
			expect(localized.localized?.dutch).toEqual([]);
			expect(localized.intro.some((p) => p.includes('{minuten}'))).toBe(true);
		});
	}
});

describe('the questionnaire of a translated scan', () => {
	it('marks each question and theme text that is still Dutch, and nothing else', () => {
		const localized = localizeScan(scan, en, 'en');
		const questions = buildPages(localized, { variant: 'full', mirror: true, role: 'raad' }).flatMap((p) => p.questions);
		const marked = questions.filter((q) => q.lang === 'nl').map((q) => q.key);
		expect(marked).toEqual(['b-2']);
		expect(questions.find((q) => q.key === 'a-1')?.lang).toBeUndefined();
		// A scan read in Dutch carries no marks at all.
		const dutch = buildPages(scan, { variant: 'full', mirror: true, role: 'raad' });
		expect(dutch.flatMap((p) => p.questions).some((q) => q.lang || q.stepLangs)).toBe(false);
		expect(dutch.some((p) => p.titleLang || p.subtitleLang)).toBe(false);
	});
});
