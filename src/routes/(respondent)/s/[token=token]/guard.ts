// Maps the state of a respondent link to the HTTP answer: a friendly error page in the respondent's
// language with the right status, or the personal questionnaire the route can work with.
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { openLink, type LinkState, type PersonalLink } from '$lib/server/respondent';

export type { PersonalLink };

export function linkOrError(token: string): Exclude<LinkState, { kind: 'unknown' | 'revoked' | 'closed' | 'not-yet-open' }> {
	const state = openLink(db(), token);
	switch (state.kind) {
		case 'unknown':
			return error(404, m.resp_link_unknown());
		// The pilot's contact goes with the error, so the page can say whom to ask.
		case 'revoked':
			return error(410, { message: m.resp_link_revoked(), contact: state.contact });
		// Someone who was still answering hears what became of their answers: only handed-in
		// responses count in the results (results.ts), so theirs do not.
		case 'closed':
			return error(410, {
				heading: m.resp_closed_heading(),
				message: state.started ? m.resp_link_closed_unsent() : m.resp_link_closed(),
				contact: state.contact
			});
		case 'not-yet-open':
			return error(403, { message: m.resp_link_not_open(), contact: state.contact });
		default:
			return state;
	}
}

/** For the question pages: a personal link that is still being filled in. */
export function personalInProgress(token: string): PersonalLink {
	const state = linkOrError(token);
	if (state.kind === 'group') redirect(303, `/s/${token}`);
	if (state.response?.status === 'submitted') redirect(303, `/s/${token}/klaar`);
	return state;
}
