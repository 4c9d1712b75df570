import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { viewablePilot } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

// Every page below a pilot loads it here once and checks that this user may see it.
// 404 (not 403) for someone else's pilot, so ids of other pilots are not confirmed to exist.
export const load: LayoutServerLoad = async ({ params, parent }) => {
	const { user } = await parent();
	const found = viewablePilot(db(), user, Number(params.id));
	if (!found) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
	return { pilot: found.pilot, access: found.access };
};
