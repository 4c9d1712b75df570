// Maps the state of a respondent link to the HTTP answer: a friendly error page in the respondent's
// language with the right status, or the personal questionnaire the route can work with.
import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { linkRefusal, openLink, type PersonalLink, type UsableLink } from '$lib/server/respondent';

export type { PersonalLink };

export function linkOrError(token: string): UsableLink {
	const state = openLink(db(), token);
	const refusal = linkRefusal(state);
	if (refusal) error(refusal.status, refusal.body);
	return state as UsableLink;
}

/** For the question pages: a personal link that is still being filled in. */
export function personalInProgress(token: string): PersonalLink {
	const state = linkOrError(token);
	if (state.kind === 'group') redirect(303, `/s/${token}`);
	if (state.response?.status === 'submitted') redirect(303, `/s/${token}/klaar`);
	return state;
}
