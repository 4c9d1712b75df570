// Creating a pilot: the empty form, and the `create` action that saves it and opens its page.
import { error, fail, redirect } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { newPilotValues, scanOptions, submitPilotForm } from '$lib/server/pilot-form';
import { createPilot } from '$lib/server/pilots';
import type { Actions, PageServerLoad } from './$types';

/** A viewer account may look, not set up pilots: it could not manage the pilot it made. */
function assertMayCreate(user: SessionUser) {
	if (user.role === 'viewer') error(403, 'Met dit account kunt u geen pilot maken.');
}

export const load: PageServerLoad = async ({ parent }) => {
	const { user } = await parent();
	assertMayCreate(user);
	return { values: newPilotValues(), scans: scanOptions() };
};

export const actions: Actions = {
	// Actions skip the layout load, so the login check happens here again.
	create: async ({ request, locals }) => {
		const user = locals.user;
		if (!user) redirect(303, '/login?terug=/pilots/nieuw');
		assertMayCreate(user);
		const outcome = submitPilotForm(await request.formData(), (form) => createPilot(db(), form, user.id));
		if (!outcome.ok) return fail(400, { values: outcome.values, errors: outcome.errors });
		audit(db(), user, 'pilot-create', { pilotId: outcome.result });
		redirect(303, `/pilots/${outcome.result}?nieuw`);
	}
};
