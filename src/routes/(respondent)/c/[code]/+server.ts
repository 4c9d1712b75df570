// The short link of a letter, /c/<code>: opens the link's intro as the code page would. The path
// holds a secret, so secret-paths.ts keeps it out of the log; a code that opens nothing goes to the
// code page, which asks for the code again without repeating it in its address.
import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { safeClientAddress } from '$lib/server/rate-limit';
import { openLetterCode, respondentUrl } from '$lib/server/respondent';
import { linkSecret } from '$lib/server/tokens';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const outcome = openLetterCode(db(), linkSecret(config.secretPath), event.params.code, safeClientAddress(event));
	if (outcome.kind === 'found') redirect(303, respondentUrl('', outcome.token, getLocale()));
	redirect(303, `/code?fout=${outcome.kind === 'too-many' ? 'later' : 'link'}`);
};
