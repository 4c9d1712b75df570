import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { unansweredByPage } from '$lib/server/respondent';
import { getOrStartResponse, loadAnswers, submitResponse } from '$lib/server/responses';
import { personalInProgress } from '../guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const link = personalInProgress(params.token);
	const answers = link.response ? loadAnswers(db(), link.response.id) : new Map();
	const choiceQuestions = link.pages.flatMap((p) => p.questions).filter((q) => q.kind !== 'open');
	const missing = unansweredByPage(link.pages, answers).map((p) => ({
		index: p.index,
		title: p.title,
		missing: p.missing.map((q) => ({
			key: q.key,
			label:
				q.kind === 'mirror'
					? `Wat denkt u dat ${q.targetLabel} antwoordt bij: “${q.item.text}”`
					: q.kind === 'ladder-now'
						? `${q.item.text} (nu)`
						: q.kind === 'ladder-desired'
							? `${q.item.text} (zo zou het moeten zijn)`
							: q.item.text
		}))
	}));
	return {
		token: params.token,
		total: choiceQuestions.length,
		answered: choiceQuestions.filter((q) => answers.has(q.key)).length,
		missing,
		lastPage: link.pages.length
	};
};

export const actions: Actions = {
	submit: ({ params }) => {
		const link = personalInProgress(params.token);
		const response = getOrStartResponse(db(), link.invitation);
		submitResponse(db(), response.id);
		redirect(303, `/s/${params.token}/klaar`);
	}
};
