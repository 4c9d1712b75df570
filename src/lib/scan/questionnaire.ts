// What one respondent is asked: the pages (one per theme) and the answer keys of a scan in a given
// variant and role, and the check of one answer value against its question.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { ScanDefinition, ScanItem, ScanRole, ScanTheme } from './schema';
import { langOf } from './translation';

export type Variant = 'full' | 'short';

export const DONT_KNOW = 'weet_niet';

/** One answerable question on a page. Its `key` is what is stored and exported. */
/**
 * Where a translated scan still shows Dutch (a text not translated yet, or translated for other
 * Dutch), `lang` says so for the question's text and `stepLangs` for each ladder step, so the page
 * marks them lang="nl" (see $lib/scan/translation).
 */
type Marks = { lang?: 'nl'; stepLangs?: ('nl' | undefined)[] };
export type Question = Marks &
	(
		| { kind: 'likert'; key: string; item: ScanItem & { type: 'likert' }; number: number }
		| { kind: 'mirror'; key: string; item: ScanItem & { type: 'likert' }; number: number; targetLabel: string }
		| { kind: 'ladder-now' | 'ladder-desired'; key: string; item: ScanItem & { type: 'ladder' } }
		| { kind: 'open'; key: string; item: ScanItem & { type: 'open' } }
		/** The one fixed question of a follow-up round (see CHANGE_KEY); its answers are the steps. */
		| { kind: 'change'; key: string; item: { id: string; text: string; steps: string[]; short: true } }
	);

export type Page = { theme: ScanTheme; index: number; questions: Question[]; titleLang?: 'nl'; subtitleLang?: 'nl' };

export type Answer = { kind: 'score'; score: 1 | 2 | 3 | 4 | 5 } | { kind: 'dontKnow' } | { kind: 'text'; text: string };

/** `followUp`: the pilot is a later round of an earlier one, so the change question is asked last. */
export type QuestionnaireOptions = { variant: Variant; mirror: boolean; role: string; followUp?: boolean };

/**
 * The one extra question of a follow-up round, the same for every scan and role: did the
 * respondent see something change since the last scan. Stored under this fixed key as a score:
 * 1 = ja, 2 = een beetje, 3 = nee (the order it is asked in), or "weet niet". A dotted key can
 * never be an item id (ids are slugs), and this one is no mirror or ladder key either.
 */
export const CHANGE_KEY = 'ronde.verandering';
/** The stored scores of the change question's answers, in the order they are asked, as exports name them. */
export const CHANGE_CODES = ['ja', 'een_beetje', 'nee'] as const;
/** The page of the change question: not a theme of the scan, so its id is no slug. */
export const CHANGE_PAGE_ID = '_vorige_meting';

/** Whether a pilot asks the change question: it follows up an earlier round. */
export const isFollowUp = (pilot: { previousPilotId: number | null }) => pilot.previousPilotId !== null;

/** What every questionnaire of a pilot is built with, in one place: its version, mirror questions and round. */
export function questionnaireOptions(pilot: { variant: Variant; mirror: boolean; previousPilotId: number | null }, role: string) {
	return { variant: pilot.variant, mirror: pilot.mirror, role, followUp: isFollowUp(pilot) };
}

/** The change question's page, in the language of the scan it ends (so a printed form stays in one language). */
function changePage(scan: ScanDefinition, index: number): Page {
	const locale = { locale: (scan.localized?.locale ?? 'nl') as Locale };
	const text = m.rd_change_question({}, locale);
	return {
		theme: { id: CHANGE_PAGE_ID, title: m.rd_change_page_title({}, locale), items: [] } as unknown as ScanTheme,
		index,
		questions: [
			{
				kind: 'change',
				key: CHANGE_KEY,
				item: {
					id: CHANGE_KEY,
					text,
					steps: [m.rd_change_yes({}, locale), m.rd_change_little({}, locale), m.rd_change_no({}, locale)],
					// Asked in both versions.
					short: true
				}
			}
		]
	};
}

export const mirrorKey = (itemId: string) => `${itemId}.spiegel`;
export const ladderKeys = (itemId: string) => ({ now: `${itemId}.nu`, desired: `${itemId}.gewenst` });
/** The element id of a question on the page (a dot is not welcome in a URL fragment): "doel-1.spiegel" → "v-doel-1-spiegel". */
export const questionAnchor = (key: string) => `v-${key.replace(/\./g, '-')}`;

export function findRole(scan: ScanDefinition, roleId: string): ScanRole | undefined {
	return scan.roles.find((r) => r.id === roleId);
}

export function buildPages(scan: ScanDefinition, options: QuestionnaireOptions): Page[] {
	const role = findRole(scan, options.role);
	const pages: Page[] = [];
	let number = 0;
	for (const theme of scan.themes) {
		const questions: Question[] = [];
		for (const item of theme.items) {
			if (options.variant === 'short' && !item.short) continue;
			const marks = marksOf(scan, item);
			if (item.type === 'likert') {
				number++;
				questions.push({ kind: 'likert', key: item.id, item, number, ...marks });
				if (options.mirror && item.mirror && role?.mirrorTarget && role.mirrorLabel) {
					questions.push({ kind: 'mirror', key: mirrorKey(item.id), item, number, targetLabel: role.mirrorLabel, ...marks });
				}
			} else if (item.type === 'ladder') {
				const keys = ladderKeys(item.id);
				questions.push({ kind: 'ladder-now', key: keys.now, item, ...marks });
				questions.push({ kind: 'ladder-desired', key: keys.desired, item, ...marks });
			} else {
				questions.push({ kind: 'open', key: item.id, item, ...marks });
			}
		}
		if (questions.length > 0)
			pages.push({
				theme,
				index: pages.length + 1,
				questions,
				...(langOf(scan, 'themes', theme.id, 'title') && { titleLang: 'nl' as const }),
				...(theme.subtitle && langOf(scan, 'themes', theme.id, 'subtitle') && { subtitleLang: 'nl' as const })
			});
	}
	if (options.followUp) pages.push(changePage(scan, pages.length + 1));
	return pages;
}

/** The Dutch-fallback marks of an item's texts; nothing at all for a scan read in Dutch. */
function marksOf(scan: ScanDefinition, item: ScanItem): Marks {
	if (!scan.localized) return {};
	const marks: Marks = {};
	if (langOf(scan, 'items', item.id, 'text')) marks.lang = 'nl';
	if (item.type === 'ladder') {
		const steps = item.steps.map((_, i) => langOf(scan, 'items', item.id, 'steps', i));
		if (steps.some(Boolean)) marks.stepLangs = steps;
	}
	return marks;
}

export function allQuestions(pages: Page[]): Question[] {
	return pages.flatMap((p) => p.questions);
}

/** Every answer key a scan can hold, in any variant and role: used for imports and exports. */
export function allAnswerKeys(scan: ScanDefinition): Map<string, Question['kind']> {
	const keys = new Map<string, Question['kind']>();
	for (const theme of scan.themes)
		for (const item of theme.items) {
			if (item.type === 'likert') {
				keys.set(item.id, 'likert');
				if (item.mirror) keys.set(mirrorKey(item.id), 'mirror');
			} else if (item.type === 'ladder') {
				const k = ladderKeys(item.id);
				keys.set(k.now, 'ladder-now');
				keys.set(k.desired, 'ladder-desired');
			} else keys.set(item.id, 'open');
		}
	keys.set(CHANGE_KEY, 'change');
	return keys;
}

/**
 * The app's rates for the time estimate: a scored answer (a statement, its mirror question, each
 * step of a ladder) takes about 15 seconds, an open question (optional) about 30.
 */
export const SECONDS_PER_ANSWER = { scored: 15, open: 30 } as const;

/** The seconds that the questions on these pages take, every question counted (mirror questions too). */
export function estimatedSeconds(pages: Page[]): number {
	return allQuestions(pages).reduce((sum, q) => sum + (q.kind === 'open' ? SECONDS_PER_ANSWER.open : SECONDS_PER_ANSWER.scored), 0);
}

/**
 * The one time estimate: the questions someone really gets, rounded up to 5 minutes (better to
 * finish early than to run late, for slow readers most of all), at least 5. Every place that shows
 * an estimate (intro, letters, paper form, pilot form) gets it from here or from estimateRange.
 */
export function estimatedMinutes(pages: Page[]): number {
	return Math.max(5, Math.ceil(estimatedSeconds(pages) / 300) * 5);
}

export type MinutesRange = { min: number; max: number };

/** The estimate for each of several questionnaires (roles, mirror or not): the lowest and highest. */
export function estimateRange(scan: ScanDefinition, options: QuestionnaireOptions[]): MinutesRange {
	const minutes = options.map((o) => estimatedMinutes(buildPages(scan, o)));
	return minutes.length ? { min: Math.min(...minutes), max: Math.max(...minutes) } : { min: 5, max: 5 };
}

/**
 * What a pilot's letters, intro and paper form say ("25", or "20 tot 25"): the estimate for these
 * roles of the pilot, with mirror questions when the pilot asks them. One role: its own estimate.
 */
export function pilotMinutes(
	scan: ScanDefinition,
	pilot: { variant: Variant; mirror: boolean; followUp?: boolean },
	roles: readonly string[],
	locale?: Locale
): string {
	return minutesText(
		estimateRange(
			scan,
			roles.map((role) => ({ variant: pilot.variant, mirror: pilot.mirror, role, followUp: pilot.followUp }))
		),
		locale
	);
}

/** "25", or "20 tot 25" when the questionnaires differ; placed before the word "minuten". */
export function minutesText(range: MinutesRange, locale?: Locale): string {
	return range.min === range.max ? String(range.min) : m.minutes_range({ min: range.min, max: range.max }, locale && { locale });
}

/**
 * The intro paragraphs of a scan (online or printed) with their placeholders filled in: the
 * smallest group that is shown, and the time the questionnaire takes.
 */
export function fillIntro(paragraphs: string[], values: { minimum: number; minutes: number | string }): string[] {
	return paragraphs.map((p) => p.replaceAll('{minimum}', String(values.minimum)).replaceAll('{minuten}', String(values.minutes)));
}

/**
 * Open answers keep their newlines and tabs, and lose every other control character (NUL, a
 * carriage return, escape codes): they would only break exports and the programs that read them.
 */
export function withoutControlCharacters(text: string): string {
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

export type ParsedValue = { ok: true; answer: Answer | null } | { ok: false; error: string };

const SCORE = /^[1-5]$/;
const CHANGE_SCORE = /^[1-3]$/;

/**
 * One raw answer value ('1'..'5', 'weet_niet' or text) checked and normalised for its question.
 * An empty value means "no answer" and gives null, so clearing an answer is possible. Hand-written
 * rather than a schema: it runs for every autosave, and it is all the checking an answer needs.
 */
export function parseAnswerValue(question: Question, raw: string): ParsedValue {
	if (question.kind === 'open') {
		const max = question.item.maxLength;
		if (raw.length > max) return { ok: false, error: m.resp_answer_too_long({ max }) };
		const text = withoutControlCharacters(raw).trim();
		return { ok: true, answer: text === '' ? null : { kind: 'text', text } };
	}
	const value = raw.trim();
	if (value === '') return { ok: true, answer: null };
	if (value === DONT_KNOW) return { ok: true, answer: { kind: 'dontKnow' } };
	if (question.kind === 'change' && !CHANGE_SCORE.test(value)) return { ok: false, error: m.rd_change_choose() };
	if (SCORE.test(value)) return { ok: true, answer: { kind: 'score', score: Number(value) as 1 | 2 | 3 | 4 | 5 } };
	return { ok: false, error: m.resp_answer_choose() };
}

export function formatAnswer(answer: Answer): string {
	if (answer.kind === 'score') return String(answer.score);
	if (answer.kind === 'dontKnow') return DONT_KNOW;
	return answer.text;
}
