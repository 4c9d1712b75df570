// The plan van aanpak as plain UTF-8 text, to paste into an e-mail or send along with it; for
// everyone who may see the pilot.
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { describedPlan, planContext, planTextFile } from '$lib/server/plan-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { user, pilot } = requirePilot(event, 'view');
	const { actions, today } = describedPlan(planContext(db(), pilot));
	const file = planTextFile(pilot, actions, today);
	audit(db(), user, 'export', { pilotId: pilot.id, detail: 'plan.txt' });
	return new Response(file.body, {
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
};
