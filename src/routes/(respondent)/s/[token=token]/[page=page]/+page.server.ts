import { error, fail, redirect } from '@sveltejs/kit';
import { questionAnchor } from '$lib/scan/questionnaire';
import { db } from '$lib/server/db';
import { parseAnswers, rawValues } from '$lib/server/respondent';
import { getOrStartResponse, loadAnswers, ResponseLockedError, saveAnswers } from '$lib/server/responses';
import { readForm } from '$lib/server/request';
import { personalInProgress } from '../guard';
import type { Actions, PageServerLoad } from './$types';

function pageOf(token: string, param: string) {
	const link = personalInProgress(token);
	const page = link.pages[Number(param) - 1];
	if (!page) error(404, 'Deze pagina van de vragenlijst bestaat niet.');
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
		theme: { title: page.theme.title, subtitle: page.theme.subtitle },
		questions: page.questions,
		values: rawValues(answers)
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { link, page } = pageOf(params.token, params.page);
		const form = await readForm(request);
		const raw: Record<string, string> = {};
		for (const q of page.questions) {
			const v = form.get(q.key);
			if (typeof v === 'string') raw[q.key] = v;
		}
		const parsed = parseAnswers(page.questions, raw);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: raw });
		try {
			// Radios left empty are simply absent; only answers the form carries are stored, and a
			// response only starts to exist with its first answer.
			const entries = link.response ? parsed.entries : parsed.entries.filter(([, answer]) => answer !== null);
			if (entries.length) saveAnswers(db(), getOrStartResponse(db(), link.invitation).id, entries);
		} catch (e) {
			if (e instanceof ResponseLockedError) redirect(303, `/s/${params.token}/klaar`);
			throw e;
		}
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
