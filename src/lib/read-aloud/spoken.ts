// What is read aloud, in which language: the words a respondent needs to answer a question (the
// question itself, then its answers) and the essentials of the intro. Pure, so the pages, the
// background job that makes the audio and the tests all say exactly the same thing.
import { dontKnowLabel, scaleLabels } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { questionLegend } from '$lib/scan/question-text';
import { buildPages, type Question } from '$lib/scan/questionnaire';
import type { ScanDefinition } from '$lib/scan/schema';

/** One stretch of speech in one language (a statement not translated yet is read in Dutch). */
export type SpokenPart = { text: string; lang: string };

/** What a page needs for one read-aloud control: the file, and (for the device's own voice) the text and its language. */
export type Aloud = { src: string; text: string | null; lang: string };

/** A scan's words that its speech engine says wrongly, with what to say instead (`pronunciation` in the scan file). */
export type Pronunciation = Record<string, string>;

/** A sentence ends with a full stop, so the voice pauses before the next part. */
const sentence = (text: string) => (/[.?!:]["”’)]*$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The answers in a row: "Helemaal oneens, Oneens, …, Weet niet." */
const choices = (labels: readonly string[]) => sentence(labels.join(', '));

/**
 * The question as asked on the page, then what can be chosen. Each part is said (and its sound
 * made) on its own: the answers of a statement are the same part for every statement, so their
 * sound is made once and joined to each question's file (see $lib/server/speech/synthesize.js).
 */
export function questionSpoken(question: Question, locale: Locale): SpokenPart[] {
	const lang = (question.lang ?? locale) as string;
	const choose = m.ra_choose_from({}, { locale });
	const scale = { text: `${choose} ${choices([...scaleLabels(locale), dontKnowLabel(locale)])}`, lang: locale };
	switch (question.kind) {
		case 'open':
			return [
				{ text: sentence(question.item.text), lang },
				{ text: m.resp_open_hint({ max: question.item.maxLength }, { locale }), lang: locale }
			];
		case 'ladder-now':
		case 'ladder-desired': {
			const legend = { text: sentence(questionLegend(question, locale)), lang };
			const steps = [...question.item.steps.map((step, i) => ({ text: sentence(step), lang: question.stepLangs?.[i] ?? locale }))];
			steps.push({ text: sentence(dontKnowLabel(locale)), lang: locale });
			// The steps in one part (the same for "nu" and "gewenst"), unless some are still in Dutch.
			if (steps.every((s) => s.lang === locale)) return [legend, { text: [choose, ...steps.map((s) => s.text)].join(' '), lang: locale }];
			return [legend, { text: choose, lang: locale }, ...steps];
		}
		case 'mirror':
			return [
				{ text: sentence(questionLegend(question, locale)), lang: locale },
				{ text: sentence(m.resp_mirror_about({ text: question.item.text }, { locale })), lang },
				scale
			];
		default:
			return [{ text: sentence(question.item.text), lang }, scale];
	}
}

/** The intro's essentials: what the questionnaire is, how long it takes and until when. */
export function introSpoken(lead: string, closesOn: string | null, locale: Locale): SpokenPart[] {
	const text = [lead, closesOn && `${m.resp_closes_on({}, { locale })} ${closesOn}`].filter((t): t is string => !!t).map(sentence);
	return [{ text: text.join(' '), lang: locale }];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The parts as the engine should say them: each listed word (whole words, any case) replaced. */
export function withPronunciation(parts: SpokenPart[], pronunciation: Pronunciation | undefined): SpokenPart[] {
	const words = Object.entries(pronunciation ?? {});
	if (words.length === 0) return parts;
	// Longest first, so "cliëntenraad" is replaced before "cliënt" could be.
	words.sort(([a], [b]) => b.length - a.length);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(([w]) => escapeRegExp(w)).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	const say = new Map(words.map(([w, s]) => [w.toLocaleLowerCase(), s]));
	return parts.map((p) => ({ ...p, text: p.text.replace(pattern, (word) => say.get(word.toLocaleLowerCase()) ?? word) }));
}

/**
 * Every question any respondent of this scan can get, in the language the scan was localized to:
 * all themes (the full version holds the short one), every role's mirror questions. The intro is
 * not here: it holds a pilot's own time and closing date, so it is made when first shown.
 */
export function scanQuestions(scan: ScanDefinition): Question[] {
	const byKey = new Map<string, Question>();
	for (const role of scan.roles)
		for (const page of buildPages(scan, { variant: 'full', mirror: true, role: role.id }))
			for (const question of page.questions)
				byKey.set(`${question.key}\n${question.kind === 'mirror' ? question.targetLabel : ''}`, question);
	return [...byKey.values()];
}
