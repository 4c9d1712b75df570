// Setting a new password with the one-time link an admin made. No login needed: the link is the
// proof. The token is in the URL, so the page sends no referrer and is never cached.
import { error, fail, redirect } from '@sveltejs/kit';
import { AccountError, findResetAccount, MIN_PASSWORD_LENGTH, passwordSchema, resetPassword } from '$lib/server/accounts';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/request';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Real tokens are 43 characters; anything much longer is not worth a database lookup.
const MAX_TOKEN_LENGTH = 100;

function accountFor(token: string) {
	return token.length <= MAX_TOKEN_LENGTH ? findResetAccount(db(), token) : undefined;
}

export const load: PageServerLoad = ({ params, setHeaders }) => {
	setHeaders({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });
	const account = accountFor(params.token);
	if (!account) error(410, m.reset_gone());
	return { email: account.email, minLength: MIN_PASSWORD_LENGTH };
};

type Field = 'password' | 'repeat';

export const actions: Actions = {
	default: async ({ params, request }) => {
		if (!accountFor(params.token)) error(410, m.reset_gone());
		const form = await readForm(request);
		const password = String(form.get('password') ?? '');
		const repeat = String(form.get('repeat') ?? '');
		// Passwords are never sent back, not even after an error.
		const errors: Partial<Record<Field, string>> = {};
		const parsed = passwordSchema.safeParse(password);
		if (!parsed.success) errors.password = parsed.error.issues[0].message;
		else if (repeat !== password) errors.repeat = m.reset_mismatch();
		if (errors.password || errors.repeat) return fail(400, { errors });
		try {
			const account = await resetPassword(db(), params.token, parsed.data!);
			audit(db(), account, 'password-reset');
		} catch (e) {
			// Used up or expired between showing the form and sending it.
			if (e instanceof AccountError) error(410, m.reset_gone());
			throw e;
		}
		redirect(303, '/login?wachtwoord=1');
	}
};
