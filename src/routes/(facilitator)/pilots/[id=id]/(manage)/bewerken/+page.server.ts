// Editing a pilot while it is still a draft; once the questionnaire has been open, the questions
// must stay what they were, so the page only explains that.
import { error, fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { managedPilot } from '$lib/server/access';
import { pilotValues, scanOptions, submitPilotForm } from '$lib/server/pilot-form';
import { updatePilot } from '$lib/server/pilots';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { pilot } = await parent();
	if (pilot.status !== 'draft') return { editable: false as const };
	return { editable: true as const, values: pilotValues(pilot), scans: scanOptions() };
};

export const actions: Actions = {
	// Actions skip the layout load, so access is checked here again; 404 as in the layout.
	save: async ({ request, locals, params }) => {
		const pilot = managedPilot(db(), locals.user, Number(params.id));
		if (!pilot) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
		// updatePilot refuses a pilot that is no longer a draft, with a message the form shows.
		const outcome = submitPilotForm(await request.formData(), (form) => updatePilot(db(), pilot.id, form));
		if (!outcome.ok) return fail(400, { values: outcome.values, errors: outcome.errors });
		audit(db(), locals.user, 'pilot-update', { pilotId: pilot.id });
		redirect(303, `/pilots/${pilot.id}?opgeslagen`);
	}
};
