// A pilot's overview: its settings and the response per role for everyone who may see it; for
// those who manage it also opening and closing, the contact for respondents, sharing with other
// accounts, and deleting it.
import { fail, redirect } from '@sveltejs/kit';
import { largeEnough, stillNeeded } from '$lib/analysis/group-size';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { listShares, ShareError, sharePilot, unsharePilot } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { refreshBenchmarkSnapshot } from '$lib/server/benchmark';
import type { SessionUser } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { scanForLocale } from '$lib/server/scans';
import { getLocale } from '$lib/i18n';
import { checkRelease, listReleases, makeRelease, type ReleaseOutcome } from '$lib/server/releases';
import { confirmTypedIn, pendingTypedIn } from '$lib/server/responses';
import type { Pilot } from '$lib/server/db/schema';
import {
	acceptState,
	contactSchema,
	deletePilot,
	PilotError,
	responseCounts,
	setPilotContact,
	setPilotStatus,
	type PilotWithScan
} from '$lib/server/pilots';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, pilot, access } = requirePilot(event, 'view');
	const counts = responseCounts(db(), pilot.id);
	const scan = scanForLocale(pilot, getLocale());
	const response = pilot.roles.map((role) => {
		const count = counts[role] ?? { invited: 0, started: 0, submitted: 0 };
		return {
			role,
			label: scan.roles.find((r) => r.id === role)?.label ?? role,
			...count,
			// Whether the handed-in forms are enough for figures, by the one rule in analysis.
			enough: largeEnough(count.submitted, pilot.minGroupSize),
			needed: stillNeeded(count.submitted, pilot.minGroupSize)
		};
	});
	// Who else has access is the managers' business only.
	const shares = access === 'manage' ? listShares(db(), pilot.id) : [];
	const labels = Object.fromEntries(response.map((r) => [r.role, r.label]));
	const pending = pendingTypedIn(db(), pilot.id).map((p) => ({ ...p, label: labels[p.role] ?? p.role, mine: p.enteredBy === user.id }));
	return {
		response,
		accept: acceptState(pilot),
		shares,
		releases: listReleases(db(), pilot.id),
		releaseCheck: checkRelease(db(), pilot),
		pending,
		roleLabels: labels,
		scanTitle: scan.title
	};
};

/** Makes a release and says what happened, for the notice after closing or releasing. */
function release(user: SessionUser, pilot: PilotWithScan, reason: 'close' | 'explicit'): ReleaseOutcome {
	const outcome = makeRelease(db(), pilot, reason, user.id);
	if (outcome.ok) {
		audit(db(), user, 'release', { pilotId: pilot.id, detail: String(outcome.release.number) });
		refreshBenchmarkSnapshot(db());
	}
	return outcome;
}

function changeStatus(user: SessionUser, pilot: PilotWithScan, status: Pilot['status'], action: 'open' | 'close') {
	try {
		setPilotStatus(db(), pilot.id, status);
	} catch (e) {
		if (e instanceof PilotError) return fail(400, { action, error: e.message });
		throw e;
	}
	audit(db(), user, action === 'open' ? 'pilot-open' : 'pilot-close', { pilotId: pilot.id, detail: pilot.municipality });
	// A reopened pilot leaves the benchmark's contributing set; the snapshot follows only as its rules allow.
	refreshBenchmarkSnapshot(db());
	return { action, done: true };
}

const shareSchema = z.object({
	// Trim before checking: z.email() checks first, so a pasted trailing space would fail it.
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(200)
		.pipe(z.email({ error: () => m.fac_email_invalid() })),
	access: z.enum(['facilitator', 'viewer'], { error: () => m.fac_share_access_required() })
});

/** Case and spaces do not matter: the point is that the name was read, not typed perfectly. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

export const actions: Actions = {
	open: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		// The first opening fixes the settings for good (every answer is to the same questions), so
		// it needs an explicit yes; opening again after closing changes no setting.
		if (pilot.status === 'draft' && (await readForm(event.request)).get('confirm') !== 'ja') {
			return fail(400, { action: 'open' as const, error: m.fac_pilot_open_unconfirmed() });
		}
		return changeStatus(user, pilot, 'open', 'open');
	},

	close: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		// Closing stops everyone who is still busy, so it needs an explicit yes, with or without JS.
		if (form.get('confirm') !== 'ja') {
			return fail(400, { action: 'close' as const, error: m.fac_pilot_close_unconfirmed() });
		}
		const closed = changeStatus(user, pilot, 'closed', 'close');
		if (!('done' in closed)) return closed;
		// Closing releases the figures, as far as the k rule allows (after a reopening it may not).
		const outcome = release(user, pilot, 'close');
		return { ...closed, release: outcome.ok ? outcome.release.number : null, waiting: outcome.ok ? null : outcome.check };
	},

	release: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		if (form.get('confirm') !== 'ja') return fail(400, { action: 'release' as const, error: m.fac_release_unconfirmed() });
		if (pilot.status === 'draft') return fail(400, { action: 'release' as const, error: m.fac_release_draft() });
		const outcome = release(user, pilot, 'explicit');
		if (!outcome.ok) return fail(400, { action: 'release' as const, error: m.fac_release_refused() });
		return { action: 'release' as const, done: true, release: outcome.release.number };
	},

	// Four eyes: anyone with access (a co-manager, an admin, the council's chair as a viewer) but
	// the one who typed them in confirms that the forms exist.
	confirm: async (event) => {
		const { user, pilot } = requirePilot(event, 'view');
		const form = await readForm(event.request);
		if (form.get('seen') !== 'ja') return fail(400, { action: 'confirm' as const, error: m.fac_confirm_unseen() });
		const confirmed = confirmTypedIn(db(), pilot.id, user);
		if (confirmed === 0) return fail(400, { action: 'confirm' as const, error: m.fac_confirm_none() });
		audit(db(), user, 'typed-in-confirm', { pilotId: pilot.id, detail: String(confirmed) });
		return { action: 'confirm' as const, done: true, confirmed };
	},

	contact: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const value = String(form.get('contact') ?? '').slice(0, 300);
		const parsed = contactSchema.safeParse(value);
		if (!parsed.success) return fail(400, { action: 'contact' as const, value, errors: fieldErrors<'contact'>(parsed.error, 'contact') });
		setPilotContact(db(), pilot.id, parsed.data);
		audit(db(), user, 'pilot-contact', { pilotId: pilot.id });
		return { action: 'contact' as const, done: true };
	},

	share: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const values = { email: String(form.get('email') ?? '').slice(0, 200), access: String(form.get('access') ?? '') };
		const parsed = shareSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'share' as const, values, errors: fieldErrors<'email' | 'access'>(parsed.error) });
		if (parsed.data.email === user.email) return fail(400, { action: 'share' as const, values, errors: { email: m.fac_share_self() } });
		try {
			const shared = sharePilot(db(), pilot.id, parsed.data.email, parsed.data.access);
			audit(db(), user, 'pilot-share', { pilotId: pilot.id, detail: `${shared.email} (${parsed.data.access})` });
			return { action: 'share' as const, done: true, email: shared.email, access: parsed.data.access };
		} catch (e) {
			if (e instanceof ShareError) return fail(400, { action: 'share' as const, values, errors: { form: e.message } });
			throw e;
		}
	},

	unshare: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const userId = Number(form.get('userId'));
		const share = listShares(db(), pilot.id).find((s) => s.userId === userId);
		if (!share || !unsharePilot(db(), pilot.id, userId)) {
			return fail(400, { action: 'unshare' as const, error: m.fac_unshare_gone() });
		}
		audit(db(), user, 'pilot-unshare', { pilotId: pilot.id, detail: share.email });
		// Someone who removes their own access can no longer see this page.
		if (userId === user.id) redirect(303, '/pilots');
		return { action: 'unshare' as const, done: true, email: share.email };
	},

	delete: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const typed = String(form.get('municipality') ?? '').slice(0, 200);
		if (!sameName(typed, pilot.municipality)) {
			const name = pilot.municipality;
			const error = typed.trim() ? m.fac_delete_wrong_name({ name }) : m.fac_delete_no_name({ name });
			return fail(400, { action: 'delete' as const, typed, error });
		}
		deletePilot(db(), pilot.id);
		refreshBenchmarkSnapshot(db());
		const entry = audit(db(), user, 'pilot-delete', { pilotId: pilot.id, detail: `${pilot.municipality} – ${pilot.roundLabel}` });
		redirect(303, `/pilots?verwijderd=${entry}`);
	}
};
