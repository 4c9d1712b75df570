// What one respondent is asked: the pages (one per theme) and the answer keys of a scan in a given
// variant and role, and the check of one answer value against its question.
import { m } from '$lib/paraglide/messages';
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
	);

export type Page = { theme: ScanTheme; index: number; questions: Question[]; titleLang?: 'nl'; subtitleLang?: 'nl' };

export type Answer = { kind: 'score'; score: 1 | 2 | 3 | 4 | 5 } | { kind: 'dontKnow' } | { kind: 'text'; text: string };

export type QuestionnaireOptions = { variant: Variant; mirror: boolean; role: string };

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
	return keys;
}

/**
 * Rough time estimate for the intro: a statement takes ~15 s, an open question (optional) ~30 s.
 * Mirror questions follow their statement and are not counted, so every place that shows the
 * estimate (intro, paper form, letters) says the same for the same variant.
 */
export function estimatedMinutes(pages: Page[]): number {
	const qs = allQuestions(pages).filter((q) => q.kind !== 'mirror');
	const open = qs.filter((q) => q.kind === 'open').length;
	const seconds = (qs.length - open) * 15 + open * 30;
	return Math.max(5, Math.round(seconds / 60 / 5) * 5);
}

/**
 * The intro paragraphs of a scan (online or printed) with their placeholders filled in: the
 * smallest group that is shown, and the time the questionnaire takes.
 */
export function fillIntro(paragraphs: string[], values: { minimum: number; minutes: number }): string[] {
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
	if (SCORE.test(value)) return { ok: true, answer: { kind: 'score', score: Number(value) as 1 | 2 | 3 | 4 | 5 } };
	return { ok: false, error: m.resp_answer_choose() };
}

export function formatAnswer(answer: Answer): string {
	if (answer.kind === 'score') return String(answer.score);
	if (answer.kind === 'dontKnow') return DONT_KNOW;
	return answer.text;
}
