import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScanText, ScanFileError } from './parse';
import { HARD_WORDS, hardWordsIn, joinedClaimsIn, longSentencesIn, negationsIn, plainLanguageWarnings } from './plain-language';
import type { ScanDefinition } from './schema';

const fixture = parseScanText('minimal.yaml', fs.readFileSync('tests/fixtures/scans/minimal.yaml', 'utf8'));

/** The fixture with one statement, a glossary entry and extra hard words of the scan's own. */
function scanWith(
	statement: string,
	extra: Partial<ScanDefinition> = {},
	accepted?: ScanDefinition['themes'][0]['items'][0]['plainLanguageAccepted']
) {
	const [theme, ...rest] = fixture.themes;
	return {
		...fixture,
		intro: [],
		paperIntro: undefined,
		glossary: [],
		...extra,
		themes: [
			{
				...theme,
				items: [{ id: 'x-1', type: 'likert' as const, text: statement, short: true, mirror: false, plainLanguageAccepted: accepted }]
			},
			...rest.map((t) => ({ ...t, items: [] }))
		]
	} as ScanDefinition;
}
const kindsOf = (scan: ScanDefinition) => plainLanguageWarnings(scan).map((w) => `${w.kind}:${w.found}`);

describe('negations', () => {
	it('finds niet, geen, nooit, niemand and zonder as words', () => {
		expect(negationsIn('De gemeente vraagt nooit advies.')).toEqual(['nooit']);
		expect(negationsIn('Niemand weet het, niet één.')).toEqual(['niemand', 'niet']);
		expect(negationsIn('Informatie zonder vaktaal.')).toEqual(['zonder']);
	});
	it('leaves words that only contain one alone', () => {
		expect(negationsIn('Het is niettemin een geenszins moeilijke tekst.')).toEqual([]);
		expect(negationsIn('De raad krijgt genoeg tijd.')).toEqual([]);
	});
});

describe('two claims', () => {
	it('fires on "en" with a verb on both sides, and on two question words', () => {
		expect(joinedClaimsIn('De raad is kritisch én denkt mee.')).toEqual(['en denkt mee']);
		expect(joinedClaimsIn('De raad weet hoe en wanneer dat kan.')).toEqual(['en wanneer dat kan']);
		expect(joinedClaimsIn('De gemeente vraagt advies of de raad geeft het zelf.')).toHaveLength(1);
	});
	it('leaves joined subjects and nouns alone', () => {
		expect(joinedClaimsIn('Raad en gemeente bespreken problemen samen.')).toEqual([]);
		expect(joinedClaimsIn('De raad heeft budget voor vergaderen, reizen of activiteiten.')).toEqual([]);
		expect(joinedClaimsIn('Het is duidelijk wat de raad en de gemeente samen willen bereiken.')).toEqual([]);
	});
	it('counts a statement of two sentences as two claims', () => {
		expect(kindsOf(scanWith('De raad krijgt tijd. Hij geeft advies.'))).toEqual(['two-claims:2 zinnen']);
	});
});

describe('long sentences', () => {
	it('fires above 15 words per sentence, not at 15', () => {
		const fifteen = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien.';
		expect(longSentencesIn(fifteen)).toEqual([]);
		expect(longSentencesIn(`${fifteen} Kort.`)).toEqual([]);
		expect(longSentencesIn(fifteen.replace('.', ' zestien.'))).toEqual([16]);
	});
});

describe('hard words', () => {
	it('finds a listed word, also inside a compound, each word once', () => {
		expect(hardWordsIn('Beleidsmedewerkers maken beleid en beleid.', HARD_WORDS)).toEqual(['beleidsmedewerkers', 'beleid']);
		expect(hardWordsIn('De raad krijgt op tijd informatie.', HARD_WORDS)).toEqual([]);
	});
	it('takes the hard words of the scan too', () => {
		expect(kindsOf(scanWith('De raad leest de nota.'))).toEqual([]);
		expect(kindsOf(scanWith('De raad leest de nota.', { hardWords: ['nota'] }))).toEqual(['hard-word:nota']);
	});
});

describe('plainLanguageWarnings', () => {
	it('checks statements for negations and two claims, other texts only for length and hard words', () => {
		const scan = scanWith('De raad krijgt geen beleid.', {
			intro: ['Er zijn geen goede of foute antwoorden.'],
			glossary: [{ term: 'Verordening', text: 'Een verordening is een regel van de gemeenteraad.' }]
		});
		expect(kindsOf(scan)).toEqual(['negation:geen', 'hard-word:beleid']);
	});
	it('marks a kind the item keeps as accepted', () => {
		const warnings = plainLanguageWarnings(scanWith('De raad geeft nooit advies.', {}, ['negation']));
		expect(warnings.map((w) => [w.kind, w.accepted])).toEqual([['negation', true]]);
	});
	it('finds nothing in a plain statement', () => {
		expect(kindsOf(scanWith('De raad krijgt op tijd de informatie die nodig is.'))).toEqual([]);
	});
});

describe('the scan fields for plain language', () => {
	const source = fs.readFileSync('tests/fixtures/scans/minimal.yaml', 'utf8');
	const withFields = (kind: string) =>
		source
			.replace('comparison: [raad, gemeente]', 'comparison: [raad, gemeente]\nhardWords: [nota]')
			.replace('text: Stelling A1.', `text: De raad leest nooit een nota.\n        plainLanguageAccepted: [${kind}]`);
	it('are read from the file: hardWords for the scan, plainLanguageAccepted per item', () => {
		const scan = parseScanText('b1.yaml', withFields('negation'));
		expect(
			plainLanguageWarnings(scan)
				.filter((w) => w.address[1] === 'a-1')
				.map((w) => [w.kind, w.found, w.accepted])
		).toEqual([
			['negation', 'nooit', true],
			['hard-word', 'nota', false]
		]);
	});
	it('refuse an unknown kind of warning', () => {
		expect(() => parseScanText('b1.yaml', withFields('vaag'))).toThrow(ScanFileError);
	});
});
