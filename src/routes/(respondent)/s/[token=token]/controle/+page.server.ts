// The overview before handing in: how many questions are answered, counted as the theme pages count
// them, links to the ones that are not, by theme and number ("Vraag 4"; each opens its theme at that
// question: ?vraag= for the server, the anchor for scrolling), and the hand-in action.
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { questionProgress, unansweredByPage } from '$lib/scan/answers';
import { questionInList } from '$lib/scan/question-text';
import { questionAnchor } from '$lib/scan/questionnaire';
import { db } from '$lib/server/db';
import { countAnswers, loadAnswers, submitResponse } from '$lib/server/responses';
import { personalInProgress } from '../guard';
import { questionHref } from '../step';
import type { Actions, PageServerLoad } from './$types';

// Links and one form that work as they are: the page loads without a script, so it is fast on any phone.
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const link = personalInProgress(params.token);
	const answers = link.response ? loadAnswers(db(), link.response.id) : new Map();
	const missing = unansweredByPage(link.pages, answers).map((p) => ({
		index: p.index,
		title: p.title,
		missing: p.missing.map(({ question, number }) => ({
			key: question.key,
			label: m.resp_check_question({ number, text: questionInList(question) }),
			href: questionHref(params.token, p.index, number - 1, questionAnchor(question.key))
		}))
	}));
	return { token: params.token, ...questionProgress(link.pages, answers), missing, lastPage: link.pages.length };
};

export const actions: Actions = {
	submit: ({ params }) => {
		const link = personalInProgress(params.token);
		// An empty form would count as a respondent without saying anything: ask for an answer first.
		if (!link.response || countAnswers(db(), link.response.id) === 0) return fail(400, { error: m.resp_submit_nothing() });
		submitResponse(db(), link.response.id);
		redirect(303, `/s/${params.token}/klaar`);
	}
};
