// Plain-language (B1) hints for the texts of a scan, for `npm run scans:check`: what a reviewer
// should look at, never an error. Simple rules on words, so they miss things and flag some good
// sentences; an item can keep a warning it was checked for (`plainLanguageAccepted`).
import { plainLanguageKinds, type ScanDefinition } from './schema';
import { addressKey, scanTexts, type TextAddress } from './translation';

export type PlainLanguageKind = (typeof plainLanguageKinds)[number];

export type PlainLanguageWarning = {
	address: TextAddress;
	kind: PlainLanguageKind;
	/** The text the warning is about. */
	text: string;
	/** What was found: the word, the words around "en", or the number of words. */
	found: string;
	/** The item says it keeps this kind of warning (`plainLanguageAccepted`). */
	accepted: boolean;
};

/** Above this many words a sentence is long for B1 readers. */
export const MAX_SENTENCE_WORDS = 15;

/** Words that turn a statement around: what would "oneens" mean? */
export const NEGATIONS = ['niet', 'geen', 'nooit', 'niemand', 'niets', 'nergens', 'noch', 'zonder'];

/**
 * Known hard words (jargon, officialese, images). A word of a text counts when it contains one of
 * these, so compounds count too ("beleidsmedewerker" has "beleid"). A scan adds its own with
 * `hardWords`.
 */
export const HARD_WORDS = [
	'participatie',
	'beleid',
	'faciliteit',
	'faciliteren',
	'meerwaarde',
	'ervaringsdeskundig',
	'ervaringskennis',
	'inbreng',
	'betrekken',
	'terugkoppeling',
	'arbeidsmarkt',
	'werkbedrijf',
	'verordening',
	'achterban',
	'integraal',
	'medezeggenschap',
	'implementatie',
	'evaluatie',
	'structureel',
	'adequaat',
	'prioriteit',
	'draagvlak',
	'randvoorwaarde',
	'ondergesneeuwd',
	'waardevol'
];

// Two claims: "en", "of" or "maar" with a verb on both sides: one before it in the sentence and one
// within the three words after it ("De raad is kritisch en denkt mee"), or followed by a question
// word ("hoe en wanneer"). Joined subjects or nouns ("Raad en gemeente bespreken", "zorg of jeugd")
// have no verb before the join, so they pass. The verbs are the finite forms that statements use;
// a verb not in the list is missed.
const JOINS = new Set(['en', 'of', 'maar']);
const QUESTION_WORDS = new Set(['hoe', 'wanneer', 'waarom', 'wat', 'waar', 'wie', 'welke']);
const FINITE_VERBS = new Set(
	(
		'is zijn wordt worden heeft hebben kan kunnen moet moeten mag mogen wil willen zal zullen weet weten krijgt krijgen ' +
		'gaat gaan doet doen komt komen geeft geven laat laten vraagt vragen denkt denken ziet zien neemt nemen maakt maken ' +
		'praat praten bespreekt bespreken helpt helpen houdt houden staat staan zit zitten voelt voelen legt leggen zegt zeggen ' +
		'luistert luisteren past passen werkt'
	).split(' ')
);

/** Sentences end at ".", "?" or "!" followed by a space (scan texts are written without abbreviations). */
export const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+/).filter((s) => s.trim() !== '');

/** The words of a text, lower case, without punctuation; "én" counts as "en". */
export const wordsOf = (text: string) =>
	text
		.toLowerCase()
		.replace(/é/g, 'e')
		.split(/\s+/)
		.map((w) => w.replace(/^[^\p{L}\p{N}{]+|[^\p{L}\p{N}}]+$/gu, ''))
		.filter((w) => w !== '');

export function negationsIn(text: string): string[] {
	return wordsOf(text).filter((w) => NEGATIONS.includes(w));
}

/** Each place where "en", "of" or "maar" seems to join two claims, as the words from it on. */
export function joinedClaimsIn(text: string): string[] {
	const found: string[] = [];
	for (const sentence of sentencesOf(text)) {
		const words = wordsOf(sentence);
		words.forEach((word, i) => {
			if (!JOINS.has(word)) return;
			const before = words.slice(0, i).some((w) => FINITE_VERBS.has(w));
			const after = words.slice(i + 1, i + 4);
			if (QUESTION_WORDS.has(after[0]) || (before && after.some((w) => FINITE_VERBS.has(w)))) found.push(words.slice(i, i + 4).join(' '));
		});
	}
	return found;
}

/** The number of words of every sentence longer than `MAX_SENTENCE_WORDS`. */
export function longSentencesIn(text: string): number[] {
	return sentencesOf(text)
		.map((s) => wordsOf(s).length)
		.filter((n) => n > MAX_SENTENCE_WORDS);
}

/** The words of a text that contain a hard word (each word once). */
export function hardWordsIn(text: string, hardWords: readonly string[]): string[] {
	const list = hardWords.map((w) => w.toLowerCase());
	return [...new Set(wordsOf(text).filter((word) => list.some((hard) => word.includes(hard))))];
}

/**
 * The B1 warnings of a scan. Every text a respondent reads is checked for long sentences and hard
 * words; statements (likert items) also for negations and two claims. Not checked: the description
 * and a theme's conversation questions (for the facilitator), and glossary terms (they name the
 * hard word they explain).
 */
export function plainLanguageWarnings(scan: ScanDefinition): PlainLanguageWarning[] {
	const items = new Map(scan.themes.flatMap((t) => t.items.map((item) => [item.id, item] as const)));
	const hardWords = [...HARD_WORDS, ...(scan.hardWords ?? [])];
	const warnings: PlainLanguageWarning[] = [];
	for (const { address, dutch } of scanTexts(scan)) {
		const key = addressKey(address);
		if (address[0] === 'description' || (address[0] === 'themes' && address[2] === 'questions')) continue;
		if (address[0] === 'glossary' && address[2] === 'term') continue;
		const item = address[0] === 'items' ? items.get(address[1]) : undefined;
		const add = (kind: PlainLanguageKind, found: string) =>
			warnings.push({ address, kind, text: dutch, found, accepted: !!item?.plainLanguageAccepted?.includes(kind) });
		const statement = item?.type === 'likert' && key === `items.${item.id}.text`;
		if (statement) {
			for (const word of negationsIn(dutch)) add('negation', word);
			for (const words of joinedClaimsIn(dutch)) add('two-claims', words);
			if (sentencesOf(dutch).length > 1) add('two-claims', `${sentencesOf(dutch).length} zinnen`);
		}
		for (const count of longSentencesIn(dutch)) add('long', `${count} woorden`);
		// A glossary text may use the hard word its own term explains.
		const term = address[0] === 'glossary' ? scan.glossary[address[1]].term.toLowerCase() : '';
		for (const word of hardWordsIn(dutch, hardWords)) if (!term.includes(word)) add('hard-word', word);
	}
	return warnings;
}

/** The warning in Dutch, for the output of `npm run scans:check`. */
export function describeWarning(w: PlainLanguageWarning): string {
	switch (w.kind) {
		case 'negation':
			return `ontkenning "${w.found}": wat betekent "oneens" hier?`;
		case 'two-claims':
			return `misschien twee beweringen in één stelling ("${w.found}")`;
		case 'long':
			return `lange zin (${w.found}; B1: hoogstens ${MAX_SENTENCE_WORDS})`;
		case 'hard-word':
			return `moeilijk woord "${w.found}"`;
	}
}
