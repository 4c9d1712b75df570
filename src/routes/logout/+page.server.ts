import { redirect } from '@sveltejs/kit';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/login');

export const actions: Actions = {
	default: ({ cookies, locals }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) deleteSession(db(), token);
		if (locals.user) audit(db(), locals.user, 'logout');
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login?uitgelogd=1');
	}
};
