// The admin section: accounts and the audit log. Anyone but an admin gets 404, so the section
// does not even reveal that it exists.
import { requireAdmin } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	requireAdmin(event);
	return {};
};
