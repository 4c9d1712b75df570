// Maps the state of a respondent link to the HTTP answer: a friendly Dutch error page with the
// right status, or the personal questionnaire the route can work with.
import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openLink, type LinkState } from '$lib/server/respondent';

export function linkOrError(token: string): Exclude<LinkState, { kind: 'unknown' | 'revoked' | 'closed' | 'not-yet-open' }> {
	const state = openLink(db(), token);
	switch (state.kind) {
		case 'unknown':
			return error(404, 'Deze link kennen we niet. Controleer of u de hele link goed heeft overgenomen.');
		// The pilot's contact goes with the error, so the page can say whom to ask.
		case 'revoked':
			return error(410, { message: 'Deze link werkt niet meer.', contact: state.contact });
		case 'closed':
			return error(410, { message: 'De vragenlijst is gesloten. U kunt geen antwoorden meer geven.', contact: state.contact });
		case 'not-yet-open':
			return error(403, { message: 'De vragenlijst is nog niet open. Probeer het later opnieuw.', contact: state.contact });
		default:
			return state;
	}
}

export type PersonalLink = Extract<LinkState, { kind: 'personal' }>;

/** For the question pages: a personal link that is still being filled in. */
export function personalInProgress(token: string): PersonalLink {
	const state = linkOrError(token);
	if (state.kind === 'group') redirect(303, `/s/${token}`);
	if (state.response?.status === 'submitted') redirect(303, `/s/${token}/klaar`);
	return state;
}
