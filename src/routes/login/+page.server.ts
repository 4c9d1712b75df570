import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { createSession, deleteSession, SESSION_COOKIE, verifyLogin } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { loginKey, loginThrottle, safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { safeReturnPath } from '$lib/server/safe-return';
import { m } from '$lib/paraglide/messages';
import { z } from '$lib/validation';
import { readForm } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

const loginSchema = z.object({
	email: z.string().trim().max(200),
	password: z.string().max(200)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('terug')));
	return { loggedOut: url.searchParams.has('uitgelogd'), passwordSet: url.searchParams.has('wachtwoord') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await readForm(request);
		const parsed = loginSchema.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
		const email = parsed.success ? parsed.data.email : '';
		if (!parsed.success || !parsed.data.email || !parsed.data.password) {
			return fail(400, { email, error: m.login_missing() });
		}
		// Counted per account and client before the slow password check, so neither a stranger
		// elsewhere nor a burst of parallel tries gets past it; a success forgets the count.
		const key = loginKey(parsed.data.email, safeClientAddress(event));
		const limit = loginThrottle.attempt(key);
		if (!limit.allowed) {
			return fail(429, { email, error: m.login_too_many({ wait: waitInWords(limit.retryAfterSeconds) }) });
		}
		const user = await verifyLogin(db(), parsed.data.email, parsed.data.password);
		if (!user) {
			// No e-mail in the log: people sometimes type their password into the e-mail field.
			audit(db(), null, 'login-failed');
			return fail(400, { email, error: m.login_wrong() });
		}
		loginThrottle.succeeded(key);
		// A new session id at every login: a cookie planted before the login is worth nothing.
		const previous = cookies.get(SESSION_COOKIE);
		if (previous) deleteSession(db(), previous);
		const token = createSession(db(), user.id);
		audit(db(), user, 'login');
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: config.sessionMaxHours * 3600
		});
		redirect(303, safeReturnPath(url.searchParams.get('terug')));
	}
};
