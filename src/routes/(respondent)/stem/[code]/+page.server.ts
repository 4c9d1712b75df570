// One device's dots in a vote, reached by the code on the facilitator's screen (typed on /stem
// or scanned as a QR code). The device keeps a random ballot id in a cookie for this vote's path
// only, so it can change its dots until the vote closes; the server keeps only its hash.
import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { readForm } from '$lib/server/request';
import {
	ballotOf,
	castBallot,
	findVote,
	formatVoteCode,
	isBallotToken,
	newBallotToken,
	normaliseVoteCode,
	type Vote
} from '$lib/server/vote';
import { optionTitle, VOTE_DOTS } from '$lib/vote/dots';
import { getLocale } from '$lib/i18n';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const COOKIE = 'quickscan-stem';

/** The vote of the address's code; a code that opens nothing goes back to /stem, without the code. */
function voteOf(event: RequestEvent | Parameters<PageServerLoad>[0]): Vote {
	const code = normaliseVoteCode(event.params.code);
	if (!code) redirect(303, '/stem?fout=code');
	// One spelling per vote, so the ballot cookie's path always matches.
	if (code !== event.params.code) redirect(303, `/stem/${code}`);
	const outcome = findVote(db(), code, safeClientAddress(event), Date.now(), ballotToken(event.cookies));
	if (outcome.kind === 'too-many') redirect(303, '/stem?fout=later');
	if (outcome.kind !== 'found') redirect(303, '/stem?fout=code');
	return outcome.vote;
}

const ballotToken = (cookies: Cookies) => {
	const token = cookies.get(COOKIE);
	return isBallotToken(token) ? token : null;
};

export const load: PageServerLoad = (event) => {
	const vote = voteOf(event);
	if (!vote.open) return { closed: true as const };
	const token = ballotToken(event.cookies);
	const mine = token ? ballotOf(db(), vote.id, token) : null;
	return {
		closed: false as const,
		code: formatVoteCode(vote.code),
		dots: VOTE_DOTS,
		options: vote.options.map((o) => optionTitle(o, getLocale())),
		// What this device gave so far, per option by place ('' for none).
		mine: vote.options.map((o) => String(mine?.[o.key] ?? '')),
		voted: mine !== null
	};
};

export const actions: Actions = {
	stem: async (event) => {
		const vote = voteOf(event);
		// Closed meanwhile: the page says so.
		if (!vote.open) redirect(303, `/stem/${vote.code}`);
		const form = await readForm(event.request);
		const raw: string[] = vote.options.map((_, i) => String(form.get(`optie-${i}`) ?? ''));
		// A field for an option that does not exist is a forged form: refused as a whole.
		const known = new Set(vote.options.map((_, i) => `optie-${i}`));
		if ([...form.keys()].some((k) => k.startsWith('optie-') && !known.has(k))) raw.push('?');
		const token = ballotToken(event.cookies) ?? newBallotToken();
		const outcome = castBallot(db(), vote.id, token, raw, safeClientAddress(event));
		const values = raw.slice(0, vote.options.length).map((v) => (/^\d$/.test(v) ? v : ''));
		switch (outcome.kind) {
			case 'saved':
				event.cookies.set(COOKIE, token, {
					path: `/stem/${vote.code}`,
					httpOnly: true,
					sameSite: 'lax',
					secure: event.url.protocol === 'https:',
					maxAge: 24 * 60 * 60
				});
				return { saved: true };
			case 'closed':
				redirect(303, `/stem/${vote.code}`);
				break;
			case 'invalid': {
				const { problem, total } = outcome.check;
				const error =
					problem === 'none'
						? m.st_error_none()
						: problem === 'too-many'
							? m.st_error_too_many({ count: total, dots: VOTE_DOTS })
							: m.st_error_malformed({ dots: VOTE_DOTS });
				return fail(400, { error, values });
			}
			case 'full':
				return fail(409, { error: m.st_error_full(), values });
			case 'too-many':
				return fail(429, { error: m.st_error_busy({ wait: waitInWords(outcome.retryAfterSeconds) }), values });
		}
	}
};
