// Anything under /s/ that is not a well-formed link: often a link typed over from a letter with a
// stray character at the end. Repair what is clearly a typo, else show the friendly 404.
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const [first, ...rest] = params.rest.split('/');
	// Trailing dots, commas, brackets or quotes come from copying a link out of a sentence.
	const cleaned = first.trim().replace(/[.,;:!?)\]'"»>]+$/, '');
	if (cleaned !== first && /^[A-Za-z0-9_-]{22}$/.test(cleaned)) redirect(303, `/s/${[cleaned, ...rest].join('/')}`);
	error(404, 'Deze link kennen we niet. Controleer of u de hele link goed heeft overgenomen.');
};
