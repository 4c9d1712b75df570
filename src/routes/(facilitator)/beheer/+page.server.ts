// Account management for admins: list, create (with a generated password shown once),
// deactivate and reactivate, and one-time links to set a new password.
import { fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/forms/field-errors';
import { intlTag } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import {
	AccountError,
	accountFormSchema,
	createAccount,
	createResetToken,
	listAccounts,
	RESET_LINK_HOURS,
	setAccountActive
} from '$lib/server/accounts';
import { audit } from '$lib/server/audit';
import type { SessionUser } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const timestamp = new Intl.DateTimeFormat(intlTag(), { timeZone: 'Europe/Amsterdam', dateStyle: 'medium' });
	const accounts = listAccounts(db()).map((a) => ({
		...a,
		createdLabel: timestamp.format(new Date(a.createdAt))
	}));
	return { accounts, resetHours: RESET_LINK_HOURS };
};

const userIdSchema = z.coerce.number().int().positive();

type CreateField = 'email' | 'name' | 'role';

/** Runs an account change and maps a refused one to a message beside that account. */
function accountAction<T>(action: 'deactivate' | 'activate' | 'reset', userId: number, run: () => T) {
	try {
		return { ok: true as const, value: run() };
	} catch (e) {
		if (e instanceof AccountError) return { ok: false as const, failure: fail(400, { action, userId, message: e.message }) };
		throw e;
	}
}

async function targetId(request: Request, action: 'deactivate' | 'activate' | 'reset') {
	const form = await readForm(request);
	const parsed = userIdSchema.safeParse(form.get('userId'));
	if (!parsed.success) return { form, failure: fail(400, { action, userId: 0, message: m.fac_admin_choose_account() }) };
	return { form, userId: parsed.data };
}

/** Switches an account off or on again, logs it, and says what happened. */
function switchAccount(admin: SessionUser, userId: number, active: boolean) {
	const action = active ? 'activate' : 'deactivate';
	const outcome = accountAction(action, userId, () => setAccountActive(db(), admin, userId, active));
	if (!outcome.ok) return outcome.failure;
	const email = outcome.value.email;
	audit(db(), admin, active ? 'account-activate' : 'account-deactivate', { detail: email });
	return { action, done: active ? m.fac_admin_activated({ email }) : m.fac_admin_deactivated({ email }) };
}

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const { request } = event;
		const form = await readForm(request);
		// Sent back after an error so nothing has to be typed twice; never a password.
		const values = {
			// Trimmed here: accountFormSchema checks the address before it trims.
			email: String(form.get('email') ?? '')
				.trim()
				.slice(0, 200),
			name: String(form.get('name') ?? '').slice(0, 100),
			role: String(form.get('role') ?? '')
		};
		const parsed = accountFormSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'create' as const, values, errors: fieldErrors<CreateField>(parsed.error) });
		try {
			const { user, password } = await createAccount(db(), parsed.data);
			audit(db(), admin, 'account-create', { detail: user.email });
			return { action: 'create' as const, created: { email: user.email, password } };
		} catch (e) {
			if (e instanceof AccountError) return fail(400, { action: 'create' as const, values, errors: { email: e.message } });
			throw e;
		}
	},

	deactivate: async (event) => {
		const admin = requireAdmin(event);
		const target = await targetId(event.request, 'deactivate');
		if (target.failure) return target.failure;
		// Deactivating logs the person out at once, so it takes an explicit yes, with or without JS.
		if (target.form.get('confirm') !== 'ja') {
			const message = m.fac_admin_deactivate_unconfirmed();
			return fail(400, { action: 'deactivate' as const, userId: target.userId, message, confirm: true });
		}
		return switchAccount(admin, target.userId, false);
	},

	activate: async (event) => {
		const admin = requireAdmin(event);
		const target = await targetId(event.request, 'activate');
		if (target.failure) return target.failure;
		return switchAccount(admin, target.userId, true);
	},

	reset: async (event) => {
		const admin = requireAdmin(event);
		const { request, url } = event;
		const target = await targetId(request, 'reset');
		if (target.failure) return target.failure;
		const account = listAccounts(db()).find((a) => a.id === target.userId);
		if (!account) return fail(400, { action: 'reset' as const, userId: target.userId, message: m.fac_account_not_found() });
		if (!account.active) return fail(400, { action: 'reset' as const, userId: target.userId, message: m.fac_admin_reset_inactive() });
		const outcome = accountAction('reset', target.userId, () => createResetToken(db(), target.userId));
		if (!outcome.ok) return outcome.failure;
		audit(db(), admin, 'password-reset-link', { detail: account.email });
		return {
			action: 'reset' as const,
			resetLink: { email: account.email, url: `${url.origin}/wachtwoord/${outcome.value}`, hours: RESET_LINK_HOURS }
		};
	}
};
