// Creating a pilot: the empty form, and the `create` action that saves it and opens its page.
import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requireCreator } from '$lib/server/guard';
import { newPilotValues, scanOptions, submitPilotForm } from '$lib/server/pilot-form';
import { createPilot } from '$lib/server/pilots';
import { readForm } from '$lib/server/request';
import { checkPrevious, previousOptions } from '$lib/server/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCreator(event);
	return { values: newPilotValues(), scans: scanOptions(), previous: previousOptions(db(), user) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireCreator(event);
		const outcome = submitPilotForm(await readForm(event.request), (form) => {
			checkPrevious(db(), user, form.municipality, form.previousPilotId ?? null, null);
			return createPilot(db(), form, user.id);
		});
		if (!outcome.ok) return fail(400, { values: outcome.values, errors: outcome.errors });
		audit(db(), user, 'pilot-create', { pilotId: outcome.result });
		redirect(303, `/pilots/${outcome.result}?nieuw`);
	}
};
