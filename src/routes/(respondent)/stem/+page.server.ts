// Where people in the room type the short code of a vote from the facilitator's screen: a right
// code opens the vote, a wrong one says so plainly and counts toward the limits on guessing.
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { readForm } from '$lib/server/request';
import { findVote } from '$lib/server/vote';
import type { Actions, PageServerLoad } from './$types';

// One field and a button: the page works as it is, without a script, on any phone.
export const csr = false;

// Set by /stem/<code> when the code in its address opened nothing (the code is not passed on).
export const load: PageServerLoad = ({ url }) => {
	const reason = url.searchParams.get('fout');
	return { notice: reason === 'code' ? m.st_code_link_wrong() : reason === 'later' ? m.st_code_link_later() : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		// Anything longer than a code with generous spacing is no code; it is not echoed back either.
		const typed = String(form.get('code') ?? '').slice(0, 32);
		const outcome = findVote(db(), typed, safeClientAddress(event));
		if (outcome.kind === 'found') redirect(303, `/stem/${outcome.vote.code}`);
		if (outcome.kind === 'too-many')
			return fail(429, { typed, error: m.st_code_too_many({ wait: waitInWords(outcome.retryAfterSeconds) }) });
		const errors = { empty: m.st_code_empty, malformed: m.st_code_malformed, wrong: m.st_code_wrong };
		return fail(400, { typed, error: errors[outcome.kind]() });
	}
};
