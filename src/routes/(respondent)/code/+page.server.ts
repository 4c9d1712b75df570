// The page where a respondent types the code from their letter: a right code opens their link's
// intro, a wrong one says so plainly and counts toward the limits on guessing (openLetterCode).
import { fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { readForm } from '$lib/server/request';
import { openLetterCode, respondentUrl } from '$lib/server/respondent';
import { linkSecret } from '$lib/server/tokens';
import type { Actions, PageServerLoad } from './$types';

// One field and a button: the page works as it is, without a script, on any phone.
export const csr = false;

// Set by /c/<code> when the code in a short link opened nothing (the code itself is not passed on):
// 'link' for a wrong code, 'later' while codes are refused.
export const load: PageServerLoad = ({ url }) => {
	const reason = url.searchParams.get('fout');
	return { notice: reason === 'link' ? m.resp_code_link_wrong() : reason === 'later' ? m.resp_code_link_later() : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		// Anything longer than a code with generous spacing is no code; it is not echoed back either.
		const typed = String(form.get('code') ?? '').slice(0, 64);
		const outcome = openLetterCode(db(), linkSecret(config.secretPath), typed, safeClientAddress(event));
		// The intro opens in the language chosen here.
		if (outcome.kind === 'found') redirect(303, respondentUrl('', outcome.token, getLocale()));
		// What was typed goes back only to the one who typed it (to spot a slip), never to the log.
		if (outcome.kind === 'too-many')
			return fail(429, { typed, error: m.resp_code_too_many({ wait: waitInWords(outcome.retryAfterSeconds) }) });
		const errors = { empty: m.resp_code_empty, malformed: m.resp_code_malformed, wrong: m.resp_code_wrong };
		return fail(400, { typed, error: errors[outcome.kind]() });
	}
};
