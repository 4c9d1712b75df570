import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { unansweredByPage } from '$lib/server/respondent';
import { countAnswers, loadAnswers, submitResponse } from '$lib/server/responses';
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
		// An empty form would count as a respondent without saying anything: ask for an answer first.
		if (!link.response || countAnswers(db(), link.response.id) === 0) {
			return fail(400, { error: 'U heeft nog geen enkele vraag beantwoord. Beantwoord eerst een of meer vragen.' });
		}
		submitResponse(db(), link.response.id);
		redirect(303, `/s/${params.token}/klaar`);
	}
};
