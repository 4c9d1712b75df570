import { redirect } from '@sveltejs/kit';
import { linkOrError } from '../guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const link = linkOrError(params.token);
	if (link.kind !== 'personal' || link.response?.status !== 'submitted') redirect(303, `/s/${params.token}`);
	return { municipality: link.pilot.municipality, minGroupSize: link.pilot.minGroupSize };
};
