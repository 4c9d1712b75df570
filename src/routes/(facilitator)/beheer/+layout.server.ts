// The admin section: accounts and the audit log. Anyone but an admin gets 404, so the section
// does not even reveal that it exists.
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
	const { user } = await parent();
	if (user.role !== 'admin') error(404, 'Deze pagina bestaat niet.');
	return {};
};
