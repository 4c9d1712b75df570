// One theme of the questionnaire. The server decides the layout of the first paint: which question
// is current (asked for as ?vraag=<n>, else the first unanswered one) and whether the respondent
// chose to see all questions at once (a cookie); CSS then shows one question at a time on a small
// screen. The form action is the path without JavaScript (and before the script has loaded): it
// records the page's answers the same way the autosave endpoint does (recordAnswers), then moves
// on to the next or previous theme, or question. Without JavaScript a save button after every few
// questions (step.ts) saves and comes back to the same place, so closing the page loses little.
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
import { formValues } from '$lib/scan/answers';
import { questionAnchor, type Page } from '$lib/scan/questionnaire';
import { db } from '$lib/server/db';
import { questionsAloud } from '$lib/server/read-aloud';
import { recordAnswers } from '$lib/server/respondent';
import { loadAnswers } from '$lib/server/responses';
import { readForm } from '$lib/server/request';
import { personalInProgress, type PersonalLink } from '../guard';
import {
	askedQuestion,
	questionHref,
	SAVED_PARAM,
	savedBefore,
	savedHref,
	SHOW_ALL_COOKIE,
	SHOW_ALL_MAX_AGE,
	SHOW_ALL_PATH
} from '../step';
import type { Actions, PageServerLoad } from './$types';

// No SvelteKit script in the browser: the page is rendered here, and theme-page.js adds autosave and
// stepping through the questions (the JavaScript of a question page stays small on an old phone).
export const csr = false;

function pageOf(token: string, param: string) {
	const link = personalInProgress(token);
	const page = link.pages[Number(param) - 1];
	if (!page) error(404, m.resp_page_not_found());
	return { link, page };
}

export const load: PageServerLoad = ({ params, url, cookies }) => {
	const { link, page } = pageOf(params.token, params.page);
	const answers = link.response ? loadAnswers(db(), link.response.id) : new Map();
	const values = formValues(answers);
	const asked = askedQuestion(url, page.questions.length);
	const open = page.questions.findIndex((q) => !values[q.key]);
	return {
		token: params.token,
		municipality: link.pilot.municipality,
		pageIndex: page.index,
		pageCount: link.pages.length,
		theme: { title: page.theme.title, subtitle: page.theme.subtitle, titleLang: page.titleLang, subtitleLang: page.subtitleLang },
		questions: page.questions,
		values,
		// A question asked for by its address gets focus once the page runs; the first open one does not.
		current: asked ?? Math.max(open, 0),
		asked: asked !== null,
		// Back from a save button (no JavaScript): the place it stood says the answers were saved.
		saved: asked !== null && url.searchParams.get(SAVED_PARAM) === '1',
		showAll: cookies.get(SHOW_ALL_COOKIE) === '1',
		// Each question's "Lees voor" (ReadAloud.svelte), by answer key, once its file is made.
		readAloud: questionsAloud(page.questions, getLocale(), link.pilot.scan.pronunciation)
	};
};

/** The directions of the form's buttons (`richting`); anything else counts as "volgende". */
type Direction = 'volgende' | 'vorige' | 'controle' | 'volgende-vraag' | 'vorige-vraag' | 'alle-vragen' | 'een-vraag';

/** Where a button of the theme page leads once its answers are saved. */
function destination(token: string, link: PersonalLink, page: Page, direction: Direction, at: number): string {
	switch (direction) {
		case 'volgende-vraag':
			return questionHref(token, page.index, Math.min(at + 1, page.questions.length - 1));
		case 'vorige-vraag':
			return questionHref(token, page.index, Math.max(at - 1, 0));
		// Back at the same question, scrolled to it, in the layout just chosen.
		case 'alle-vragen':
		case 'een-vraag': {
			const question = page.questions[at];
			return questionHref(token, page.index, Math.max(at, 0), question && questionAnchor(question.key));
		}
		case 'vorige': {
			if (page.index === 1) return `/s/${token}`;
			// Back into the previous theme at its last question, where the respondent came from.
			const previous = link.pages[page.index - 2].questions;
			const last = previous.at(-1);
			return last ? questionHref(token, page.index - 1, previous.length - 1, questionAnchor(last.key)) : `/s/${token}/${page.index - 1}`;
		}
		case 'controle':
			return `/s/${token}/controle`;
		default:
			return page.index === link.pages.length ? `/s/${token}/controle` : `/s/${token}/${page.index + 1}`;
	}
}

export const actions: Actions = {
	save: async ({ params, request, cookies, url }) => {
		const { link, page } = pageOf(params.token, params.page);
		const form = await readForm(request);
		// Only this page's questions are read; radios left empty are simply absent.
		const raw: Record<string, string> = {};
		for (const q of page.questions) {
			const v = form.get(q.key);
			if (typeof v === 'string') raw[q.key] = v;
		}
		const outcome = recordAnswers(db(), link, raw);
		if (outcome.kind === 'invalid') return fail(400, { errors: outcome.errors, values: raw });
		if (outcome.kind === 'locked') redirect(303, `/s/${params.token}/klaar`);
		const direction = String(form.get('richting') ?? 'volgende') as Direction;
		const next = savedBefore(direction);
		if (next !== null) redirect(303, savedHref(params.token, page.index, Math.min(next, page.questions.length)));
		if (direction === 'alle-vragen' || direction === 'een-vraag') {
			// A display choice only, no personal data; not httpOnly, so the page's toggle can flip it too.
			cookies.set(SHOW_ALL_COOKIE, direction === 'alle-vragen' ? '1' : '0', {
				path: SHOW_ALL_PATH,
				maxAge: SHOW_ALL_MAX_AGE,
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
		}
		// The question on screen when the button was pressed (one question at a time on a small screen).
		const at = Math.min(page.questions.length - 1, Math.max(0, Number(form.get('vraag')) - 1 || 0));
		redirect(303, destination(params.token, link, page, direction, at));
	}
};
