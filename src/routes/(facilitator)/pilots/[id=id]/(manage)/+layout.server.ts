import { requirePilot } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Links, letters, paper forms, imports and editing are for those who manage the pilot; someone
// who may only look gets the same 404 as for a pilot they cannot see at all. Every page and
// action below calls the guard itself too.
export const load: LayoutServerLoad = (event) => {
	requirePilot(event, 'manage');
	return {};
};
