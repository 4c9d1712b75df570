// From a checked action form to what the plan module stores: the reason topic as a stored agenda
// id (a draft agenda is stored for it), the month, the links. Shared by adding and editing.
import { dueMonth, formLinks, type ActionForm } from '$lib/plan/action-form';
import { linksExist } from '$lib/plan/rules';
import { storedTopicId } from './agenda';
import type { Db } from './db';
import type { ActionInput } from './plan';
import type { PlanContext } from './plan-view';

/**
 * The input for the plan module; or which field is wrong: a link outside the pilot's scan, or a
 * topic not on the pilot's agenda (any more). Links are checked first, so a form that fails on
 * them does not store a draft agenda for its topic.
 */
export function actionInput(
	db: Db,
	pilotId: number,
	context: PlanContext,
	form: ActionForm
): { ok: true; input: ActionInput } | { ok: false; field: 'links' | 'onderwerp' } {
	const links = formLinks(form);
	if (!linksExist(links, context.targets)) return { ok: false, field: 'links' };
	let whyTopicId: number | null = null;
	if (form.onderwerp) {
		whyTopicId = context.release ? storedTopicId(db, pilotId, context.release.results, form.onderwerp) : null;
		if (whyTopicId === null) return { ok: false, field: 'onderwerp' };
	}
	return {
		ok: true,
		input: {
			title: form.titel,
			whyTopicId,
			whyText: form.waarom,
			ownerKind: form.eigenaar,
			ownerName: form.eigenaarnaam,
			dueMonth: dueMonth(form),
			priority: form.prioriteit,
			status: form.status,
			successSign: form.teken,
			links
		}
	};
}
