import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { createSession, deleteSession, SESSION_COOKIE, verifyLogin } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { loginAccountLimiter, loginClientLimiter, safeClientAddress } from '$lib/server/rate-limit';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

const loginSchema = z.object({
	email: z.string().trim().max(200),
	password: z.string().max(200)
});

/** Only local paths, so the login cannot be used to send someone to another site. */
function safeReturn(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') ? value : '/pilots';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturn(url.searchParams.get('terug')));
	return { loggedOut: url.searchParams.has('uitgelogd'), passwordSet: url.searchParams.has('wachtwoord') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await request.formData();
		const parsed = loginSchema.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
		const email = parsed.success ? parsed.data.email : '';
		if (!parsed.success || !parsed.data.email || !parsed.data.password) {
			return fail(400, { email, error: 'Vul uw e-mailadres en wachtwoord in.' });
		}
		const client = safeClientAddress(event);
		const account = parsed.data.email.toLowerCase();
		const limited = [loginClientLimiter.blocked(client), loginAccountLimiter.blocked(account)].find((r) => !r.allowed);
		if (limited && !limited.allowed) {
			const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60));
			return fail(429, { email, error: `Te veel pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.` });
		}
		const user = await verifyLogin(db(), parsed.data.email, parsed.data.password);
		if (!user) {
			// No e-mail in the log: people sometimes type their password into the e-mail field.
			audit(db(), null, 'login-failed');
			// Only failures count, so a busy office behind one address can still log in.
			loginClientLimiter.hit(client);
			loginAccountLimiter.hit(account);
			return fail(400, { email, error: 'Het e-mailadres of het wachtwoord klopt niet.' });
		}
		loginAccountLimiter.reset(account);
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
		redirect(303, safeReturn(url.searchParams.get('terug')));
	}
};
