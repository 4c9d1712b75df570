// The plan van aanpak of a pilot: the overview by status and month, the actions in the plan's
// order, and a form to add one. Everyone who may see the pilot reads it; only managers change it.
// It works before the first release too: only a reason from the agenda needs released results.
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { checkActionForm, postedValues } from '$lib/plan/action-form';
import { GENTLE_LIMIT, MAX_ACTIONS } from '$lib/plan/rules';
import { z } from '$lib/validation';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { addAction, moveAction } from '$lib/server/plan';
import { actionInput } from '$lib/server/plan-form';
import { describedPlan, formChoices, planContext } from '$lib/server/plan-view';
import { readForm } from '$lib/server/request';
import { audit } from '$lib/server/audit';
import { carryFromPrevious, carryOffer } from '$lib/server/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot, access, user } = requirePilot(event, 'view');
	const context = planContext(db(), pilot);
	const { actions, overview, today } = describedPlan(context);
	return {
		actions,
		overview,
		today,
		gentle: actions.length > GENTLE_LIMIT,
		full: actions.length >= MAX_ACTIONS,
		// What the add form offers; viewers get none of it.
		choices: access === 'manage' ? formChoices(context, today) : null,
		// The earlier round's open actions, to carry into this plan (managers only).
		carry: access === 'manage' ? carryOffer(db(), user, pilot) : null
	};
};

const move = z.object({
	actie: z.coerce
		.number()
		.int()
		.positive()
		.max(2 ** 31),
	richting: z.enum(['op', 'neer'])
});

export const actions: Actions = {
	voegtoe: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const values = postedValues(form);
		const checked = checkActionForm(form, false);
		if ('errors' in checked) return fail(400, { action: 'voegtoe' as const, errors: checked.errors, values });
		const context = planContext(db(), pilot);
		const input = actionInput(db(), pilot.id, context, checked.data);
		if (!input.ok)
			return fail(400, {
				action: 'voegtoe' as const,
				errors: input.field === 'links' ? { thema: m.pl_links_invalid() } : { onderwerp: m.pl_topic_gone() },
				values
			});
		const added = addAction(db(), pilot.id, input.input, context.targets);
		if (!added.ok) {
			const error = added.reason === 'full' ? m.pl_full({ max: MAX_ACTIONS }) : m.pl_change_gone();
			return fail(409, { action: 'voegtoe' as const, errors: { form: error }, values });
		}
		return { action: 'voegtoe' as const, done: true, id: added.value };
	},
	meenemen: async (event) => {
		const { pilot, user } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		if (form.get('confirm') !== 'ja') return fail(400, { action: 'meenemen' as const, errors: { confirm: m.rd_carry_unconfirmed() } });
		const outcome = carryFromPrevious(db(), user, pilot);
		if (!outcome) return fail(409, { action: 'meenemen' as const, errors: { form: m.rd_carry_no_previous() } });
		if (!outcome.ok) return fail(409, { action: 'meenemen' as const, errors: { form: m.pl_full({ max: MAX_ACTIONS }) } });
		if (outcome.added) audit(db(), user, 'plan-carry', { pilotId: pilot.id, detail: `${outcome.added} × ${pilot.previousPilotId}` });
		return { action: 'meenemen' as const, done: true, added: outcome.added };
	},
	verplaats: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const parsed = move.safeParse(Object.fromEntries(await readForm(event.request)));
		if (!parsed.success) return fail(400, { action: 'verplaats' as const, errors: { form: m.pl_change_gone() } });
		if (!moveAction(db(), pilot.id, parsed.data.actie, parsed.data.richting === 'op' ? -1 : 1))
			return fail(409, { action: 'verplaats' as const, errors: { form: m.pl_change_gone() } });
		return { action: 'verplaats' as const, done: true, id: parsed.data.actie };
	}
};
