import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Links, letters, paper forms, imports and editing are for those who manage the pilot; someone
// who may only look gets the same 404 as for a pilot they cannot see at all.
export const load: LayoutServerLoad = async ({ parent }) => {
	const { access } = await parent();
	if (access !== 'manage') error(404, 'Deze pagina bestaat niet, of u heeft er geen toegang toe.');
	return {};
};
