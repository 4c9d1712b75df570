// Downloads of a pilot's results: the aggregated views (CSV, XLSX) for everyone who may see the
// pilot, the raw anonymised answers (CSV, XLSX) only for those who manage it. A +server.ts runs no
// layout load, so it checks access itself; anyone else, and any unknown kind, gets a 404.
import { error } from '@sveltejs/kit';
import { viewablePilot } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { buildExport, exportNeedsManage, isExportKind, loadRawResponses } from '$lib/server/export';
import { pilotResults } from '$lib/server/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const found = viewablePilot(db(), locals.user, Number(params.id));
	if (!found) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
	const kind = params.kind;
	if (!isExportKind(kind) || (exportNeedsManage(kind) && found.access !== 'manage')) error(404, 'Deze download bestaat niet, of u heeft er geen toegang toe.');

	const { pilot } = found;
	// Read in one synchronous stretch, so the figures and the raw answers describe the same moment.
	const results = pilotResults(db(), pilot);
	const raw = exportNeedsManage(kind) ? loadRawResponses(db(), pilot.id) : [];
	const file = await buildExport(kind, pilot, results, raw);
	audit(db(), locals.user, 'export', { pilotId: pilot.id, detail: kind });
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
};
