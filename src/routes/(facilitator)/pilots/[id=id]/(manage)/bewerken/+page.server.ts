// Editing a pilot while it is still a draft; once the questionnaire has been open, the questions
// must stay what they were, so the page only explains that.
import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { refreshBenchmarkSnapshot } from '$lib/server/benchmark';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import { pilotValues, scanOptions, submitPilotForm } from '$lib/server/pilot-form';
import { updatePilot } from '$lib/server/pilots';
import { checkPrevious, previousOptions } from '$lib/server/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot, user } = requirePilot(event, 'manage');
	if (pilot.status !== 'draft') return { editable: false as const };
	return { editable: true as const, values: pilotValues(pilot), scans: scanOptions(), previous: previousOptions(db(), user, pilot) };
};

export const actions: Actions = {
	save: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		// updatePilot refuses a pilot that is no longer a draft, with a message the form shows.
		const outcome = submitPilotForm(await readForm(event.request), (form) => {
			checkPrevious(db(), user, form.municipality, form.previousPilotId ?? null, pilot);
			return updatePilot(db(), pilot.id, form);
		});
		if (!outcome.ok) return fail(400, { values: outcome.values, errors: outcome.errors });
		audit(db(), user, 'pilot-update', { pilotId: pilot.id });
		// Consent is set here (only a draft can be edited, so today this changes no contributing set).
		refreshBenchmarkSnapshot(db());
		redirect(303, `/pilots/${pilot.id}?opgeslagen`);
	}
};
