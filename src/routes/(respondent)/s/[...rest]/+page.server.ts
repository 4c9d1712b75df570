// Anything under /s/ that is not a well-formed link: often a link typed over from a letter with a
// stray character at the end. Repair what is clearly a typo, else show the friendly 404.
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const [first, ...rest] = params.rest.split('/');
	// Trailing dots, commas, brackets or quotes come from copying a link out of a sentence.
	const cleaned = first.trim().replace(/[.,;:!?)\]'"»>]+$/, '');
	// The query stays: an English letter's link carries ?taal=en.
	if (cleaned !== first && /^[A-Za-z0-9_-]{22}$/.test(cleaned)) redirect(303, `/s/${[cleaned, ...rest].join('/')}${url.search}`);
	error(404, m.resp_link_unknown());
};
