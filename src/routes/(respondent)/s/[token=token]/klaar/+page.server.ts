// The thank-you page after handing in; a link that is not handed in yet goes back to its intro.
import { redirect } from '@sveltejs/kit';
import { linkOrError } from '../guard';
import type { PageServerLoad } from './$types';

// Nothing on this page needs a script: it loads without one, so it is fast on any phone.
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const link = linkOrError(params.token);
	if (link.kind !== 'personal' || link.response?.status !== 'submitted') redirect(303, `/s/${params.token}`);
	return { municipality: link.pilot.municipality, minGroupSize: link.pilot.minGroupSize };
};
