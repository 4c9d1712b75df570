// Where a theme page stands, in terms the server knows before any script runs: which question is
// current (`?vraag=<n>` in the address) and whether the respondent chose to see all questions of a
// theme at once on a small screen (a cookie for the respondent pages only, holding "1" or "0").
// The server renders that layout, so the first paint is the layout the page keeps.
import type { ResumePoint } from '$lib/scan/answers';
import { questionAnchor, type Page } from '$lib/scan/questionnaire';

/** The query parameter with the number (1, 2, …) of the current question in its theme. */
export const QUESTION_PARAM = 'vraag';

export const SHOW_ALL_COOKIE = 'quickscan-alle-vragen';
/** Only the respondent pages read the cookie; it says nothing about who the respondent is. */
export const SHOW_ALL_PATH = '/s';
export const SHOW_ALL_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * Without JavaScript an answer is only saved when a button is pressed. On a page with all questions
 * of a theme, a save button after every few questions keeps what a respondent can lose small.
 */
export const SAVE_EVERY = 4;

/** Set on the address a save button leads back to, so the page can say the answers were saved. */
export const SAVED_PARAM = 'bewaard';

/**
 * The save button before question `next` (1, 2, …): its direction (`richting`) is also the id of
 * the place it leads back to, with the address of that question, so the page opens right there.
 */
export const savePoint = (next: number) => `bewaar-${next}`;

/** The question number (1, 2, …) a save button's direction stands before, or null when it is none. */
export function savedBefore(direction: string): number | null {
	const match = /^bewaar-([1-9]\d{0,3})$/.exec(direction);
	return match ? Number(match[1]) : null;
}

/** Where a save button leads: the same theme, at the same place, saying that the answers were saved. */
export function savedHref(token: string, pageIndex: number, next: number): string {
	return `/s/${token}/${pageIndex}?${QUESTION_PARAM}=${next}&${SAVED_PARAM}=1#${savePoint(next)}`;
}

/** Whether a save button follows the question at this index (not after the last: "Volgende" is there). */
export const saveAfter = (index: number, count: number) => (index + 1) % SAVE_EVERY === 0 && index < count - 1;

/** The index of the question asked for (`?vraag=3` is index 2), or null when none or out of range. */
export function askedQuestion(url: URL, count: number): number | null {
	const raw = url.searchParams.get(QUESTION_PARAM);
	if (raw === null || !/^[1-9]\d{0,3}$/.test(raw)) return null;
	const n = Number(raw);
	return n <= count ? n - 1 : null;
}

/** The address of a theme page at a question (by index), with the question's anchor for scrolling. */
export function questionHref(token: string, pageIndex: number, questionIndex: number, anchor?: string): string {
	return `/s/${token}/${pageIndex}?${QUESTION_PARAM}=${questionIndex + 1}${anchor ? `#${anchor}` : ''}`;
}

/**
 * Where "Ga verder" leads: the theme page at the question to go on with (scrolled to it, as the
 * page has no script to do so without JavaScript), the first theme for a fresh start, or the overview.
 */
export function resumeHref(token: string, pages: Page[], point: ResumePoint): string {
	if (point === 'controle') return `/s/${token}/controle`;
	if (point.page === 1 && point.question === 0) return `/s/${token}/1`;
	const question = pages[point.page - 1]?.questions[point.question];
	return questionHref(token, point.page, point.question, question && questionAnchor(question.key));
}

/** The same cookie as the server sets, written from the page when the toggle works in the browser. */
export function showAllCookieText(showAll: boolean, secure: boolean): string {
	return `${SHOW_ALL_COOKIE}=${showAll ? '1' : '0'}; Path=${SHOW_ALL_PATH}; Max-Age=${SHOW_ALL_MAX_AGE}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
