// The plan van aanpak as a workbook (actions, and the whole progress log), for everyone who may
// see the pilot; before any action it is a workbook with headers only.
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { XLSX_CONTENT_TYPE } from '$lib/server/export-files';
import { requirePilot } from '$lib/server/guard';
import { describedPlan, planContext, planWorkbook } from '$lib/server/plan-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { user, pilot } = requirePilot(event, 'view');
	const { actions } = describedPlan(planContext(db(), pilot));
	const file = await planWorkbook(pilot, actions);
	audit(db(), user, 'export', { pilotId: pilot.id, detail: 'plan.xlsx' });
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': XLSX_CONTENT_TYPE,
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
};
