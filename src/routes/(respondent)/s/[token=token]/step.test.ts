// Which question a theme page opens at, and the addresses and cookie that say so.
import { describe, expect, it } from 'vitest';
import type { Page } from '$lib/scan/questionnaire';
import { askedQuestion, questionHref, resumeHref, saveAfter, savedBefore, savedHref, savePoint, showAllCookieText } from './step';

const at = (search: string, count = 10) => askedQuestion(new URL(`http://x/s/t/1${search}`), count);

describe('askedQuestion', () => {
	it('reads ?vraag=<n> as the index of a question of the theme', () => {
		expect(at('?vraag=1')).toBe(0);
		expect(at('?vraag=10')).toBe(9);
	});

	it('ignores a number that is no question of the theme, or no number', () => {
		for (const search of ['', '?vraag=', '?vraag=0', '?vraag=11', '?vraag=-1', '?vraag=2.5', '?vraag=01', '?vraag=abc', '?vraag=99999'])
			expect(at(search), search).toBeNull();
	});
});

describe('questionHref', () => {
	it('names the question by its number, with the anchor for scrolling when given', () => {
		expect(questionHref('tok', 3, 0)).toBe('/s/tok/3?vraag=1');
		expect(questionHref('tok', 3, 4, 'v-doel-1-spiegel')).toBe('/s/tok/3?vraag=5#v-doel-1-spiegel');
	});
});

describe('resumeHref', () => {
	const pages = [
		{ index: 1, questions: [{ key: 'a-1' }] },
		{ index: 2, questions: [{ key: 'b-1' }, { key: 'b-1.spiegel' }] }
	] as unknown as Page[];

	it('leads to the question to go on with, scrolled to it; a fresh start to the first theme; or the overview', () => {
		expect(resumeHref('tok', pages, { page: 2, question: 1 })).toBe('/s/tok/2?vraag=2#v-b-1-spiegel');
		expect(resumeHref('tok', pages, { page: 1, question: 0 })).toBe('/s/tok/1');
		expect(resumeHref('tok', pages, 'controle')).toBe('/s/tok/controle');
	});
});

describe('the save buttons without JavaScript', () => {
	it('follow every fourth question, never the last one', () => {
		const after = (count: number) => [...Array(count).keys()].filter((i) => saveAfter(i, count));
		expect(after(12)).toEqual([3, 7]);
		expect(after(9)).toEqual([3, 7]);
		expect(after(8)).toEqual([3]);
		expect(after(4)).toEqual([]);
	});

	it('lead back to the same place, and only a button of theirs is read as one', () => {
		expect(savedBefore(savePoint(5))).toBe(5);
		for (const other of ['volgende', 'bewaar-', 'bewaar-0', 'bewaar-5x', 'bewaar-99999']) expect(savedBefore(other), other).toBeNull();
		expect(savedHref('tok', 2, 5)).toBe('/s/tok/2?vraag=5&bewaard=1#bewaar-5');
	});
});

describe('showAllCookieText', () => {
	it('is the same cookie the server sets: the respondent pages only, no personal data', () => {
		expect(showAllCookieText(true, false)).toBe('quickscan-alle-vragen=1; Path=/s; Max-Age=31536000; SameSite=Lax');
		expect(showAllCookieText(false, true)).toBe('quickscan-alle-vragen=0; Path=/s; Max-Age=31536000; SameSite=Lax; Secure');
	});
});
