// One action of the plan van aanpak: all it holds and its progress log for everyone who may see
// the pilot; for managers, editing it, noting progress and deleting it (after a yes). The action
// must be this pilot's: an id of another pilot's action is a 404 here, for reading and changing.
import { error, fail, redirect } from '@sveltejs/kit';
import { dayOf } from '$lib/dates';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { actionFormValues, checkActionForm, postedValues } from '$lib/plan/action-form';
import { isDay, MAX_PROGRESS, MAX_PROGRESS_TEXT } from '$lib/plan/rules';
import { z } from '$lib/validation';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { addProgress, deleteAction, updateAction } from '$lib/server/plan';
import { actionInput } from '$lib/server/plan-form';
import { describedPlan, formChoices, planContext } from '$lib/server/plan-view';
import type { PilotWithScan } from '$lib/server/pilots';
import { readForm } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

/** The plan of a pilot the caller may see, and the action of the URL in it; else 404. */
function planWithAction(pilot: PilotWithScan, actionId: string) {
	const context = planContext(db(), pilot);
	const action = context.actions.find((a) => a.id === Number(actionId));
	if (!action) error(404, m.pl_action_not_found());
	return { context, action };
}

export const load: PageServerLoad = async (event) => {
	const { pilot, access } = requirePilot(event, 'view');
	const { context, action } = planWithAction(pilot, event.params.action);
	const { actions, today } = describedPlan(context);
	return {
		view: actions.find((a) => a.id === action.id)!,
		today,
		manage:
			access === 'manage' ? { choices: formChoices(context, today, action.dueMonth.slice(0, 4)), values: actionFormValues(action) } : null
	};
};

const progressSchema = z.object({
	datum: z
		.string()
		.trim()
		.refine(isDay, { error: () => m.pl_progress_day_invalid() })
		// Progress is what happened: a day after today is a typing slip.
		.refine((day) => day <= dayOf(), { error: () => m.pl_progress_day_future() }),
	tekst: z
		.string()
		.trim()
		.min(1, { error: () => m.pl_progress_text_required() })
		.max(MAX_PROGRESS_TEXT, { error: () => m.pl_text_too_long({ max: MAX_PROGRESS_TEXT }) })
});

export const actions: Actions = {
	bewaar: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const { context, action } = planWithAction(pilot, event.params.action);
		const form = await readForm(event.request);
		const values = postedValues(form);
		const checked = checkActionForm(form, true);
		if ('errors' in checked) return fail(400, { action: 'bewaar' as const, errors: checked.errors, values });
		const input = actionInput(db(), pilot.id, context, checked.data);
		if (!input.ok)
			return fail(400, {
				action: 'bewaar' as const,
				errors: input.field === 'links' ? { thema: m.pl_links_invalid() } : { onderwerp: m.pl_topic_gone() },
				values
			});
		const saved = updateAction(db(), pilot.id, action.id, input.input, context.targets);
		if (!saved.ok) return fail(409, { action: 'bewaar' as const, errors: { form: m.pl_change_gone() }, values });
		return { action: 'bewaar' as const, done: true };
	},
	voortgang: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const { action } = planWithAction(pilot, event.params.action);
		const form = Object.fromEntries(await readForm(event.request));
		const parsed = progressSchema.safeParse(form);
		const values = { datum: String(form.datum ?? '').slice(0, 20), tekst: String(form.tekst ?? '').slice(0, 5000) };
		if (!parsed.success) {
			return fail(400, { action: 'voortgang' as const, errors: fieldErrors(parsed.error), values });
		}
		const added = addProgress(db(), pilot.id, action.id, { day: parsed.data.datum, text: parsed.data.tekst });
		if (!added.ok) {
			const message = added.reason === 'full' ? m.pl_progress_full({ max: MAX_PROGRESS }) : m.pl_change_gone();
			return fail(409, { action: 'voortgang' as const, errors: { form: message }, values });
		}
		return { action: 'voortgang' as const, done: true };
	},
	verwijder: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const { action } = planWithAction(pilot, event.params.action);
		const form = await readForm(event.request);
		if (form.get('confirm') !== 'ja') return fail(400, { action: 'verwijder' as const, errors: { confirm: m.pl_delete_unconfirmed() } });
		deleteAction(db(), pilot.id, action.id);
		redirect(303, `/pilots/${pilot.id}/plan?verwijderd`);
	}
};
