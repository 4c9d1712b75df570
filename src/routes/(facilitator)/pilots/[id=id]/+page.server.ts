// A pilot's overview: its settings, the response per role, and opening and closing the
// questionnaire.
import { error, fail } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { managedPilot } from '$lib/server/access';
import type { Pilot } from '$lib/server/db/schema';
import { acceptState, PilotError, responseCounts, setPilotStatus } from '$lib/server/pilots';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { pilot } = await parent();
	const counts = responseCounts(db(), pilot.id);
	const response = pilot.roles.map((role) => ({
		role,
		label: pilot.scan.roles.find((r) => r.id === role)?.label ?? role,
		...(counts[role] ?? { invited: 0, started: 0, submitted: 0 })
	}));
	return { response, accept: acceptState(pilot) };
};

// Actions skip the layout load, so each one checks access itself; 404 as in the layout.
function pilotFor(user: SessionUser | null, id: string) {
	const pilot = managedPilot(db(), user, Number(id));
	if (!pilot) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
	return pilot;
}

function changeStatus(id: number, status: Pilot['status'], action: 'open' | 'close') {
	try {
		setPilotStatus(db(), id, status);
	} catch (e) {
		if (e instanceof PilotError) return fail(400, { action, error: e.message });
		throw e;
	}
	return { action, done: true };
}

export const actions: Actions = {
	open: async ({ locals, params }) => {
		const pilot = pilotFor(locals.user, params.id);
		return changeStatus(pilot.id, 'open', 'open');
	},
	close: async ({ locals, params, request }) => {
		const pilot = pilotFor(locals.user, params.id);
		const form = await request.formData();
		// Closing stops everyone who is still busy, so it needs an explicit yes, with or without JS.
		if (form.get('confirm') !== 'ja') {
			return fail(400, { action: 'close' as const, error: 'Vink aan dat u de vragenlijst echt wilt sluiten.' });
		}
		return changeStatus(pilot.id, 'closed', 'close');
	}
};
