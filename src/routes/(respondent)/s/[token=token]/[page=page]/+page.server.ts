// One theme of the questionnaire. Its form action is the path without JavaScript: it records the
// page's answers the same way the autosave endpoint does (recordAnswers), then moves on.
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formValues } from '$lib/scan/answers';
import { questionAnchor } from '$lib/scan/questionnaire';
import { db } from '$lib/server/db';
import { recordAnswers } from '$lib/server/respondent';
import { loadAnswers } from '$lib/server/responses';
import { readForm } from '$lib/server/request';
import { personalInProgress } from '../guard';
import type { Actions, PageServerLoad } from './$types';

function pageOf(token: string, param: string) {
	const link = personalInProgress(token);
	const page = link.pages[Number(param) - 1];
	if (!page) error(404, m.resp_page_not_found());
	return { link, page };
}

export const load: PageServerLoad = ({ params }) => {
	const { link, page } = pageOf(params.token, params.page);
	const answers = link.response ? loadAnswers(db(), link.response.id) : new Map();
	return {
		token: params.token,
		municipality: link.pilot.municipality,
		pageIndex: page.index,
		pageCount: link.pages.length,
		theme: { title: page.theme.title, subtitle: page.theme.subtitle, titleLang: page.titleLang, subtitleLang: page.subtitleLang },
		questions: page.questions,
		values: formValues(answers)
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
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
		const direction = form.get('richting');
		if (direction === 'vorige') {
			if (page.index === 1) redirect(303, `/s/${params.token}`);
			// Back into the previous theme at its last question, where the respondent came from.
			const last = link.pages[page.index - 2].questions.at(-1);
			redirect(303, `/s/${params.token}/${page.index - 1}${last ? `#${questionAnchor(last.key)}` : ''}`);
		}
		if (direction === 'controle' || page.index === link.pages.length) redirect(303, `/s/${params.token}/controle`);
		redirect(303, `/s/${params.token}/${page.index + 1}`);
	}
};
