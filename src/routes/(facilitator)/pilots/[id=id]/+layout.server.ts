import { requirePilot } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// The pilot for the pages below (their headings and menus); each page checks access itself too.
export const load: LayoutServerLoad = (event) => {
	const { pilot, access } = requirePilot(event, 'view');
	return { pilot, access };
};
