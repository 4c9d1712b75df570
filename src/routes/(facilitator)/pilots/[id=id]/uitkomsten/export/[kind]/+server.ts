// Downloads of a pilot's results: the aggregated views (CSV, XLSX) for everyone who may see the
// pilot, the raw anonymised answers (CSV, XLSX) only for those who manage it; anyone else, and any
// unknown kind, gets a 404.
import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { buildExport, exportNeedsManage, isExportKind, loadRawResponses } from '$lib/server/export';
import { pilotResults } from '$lib/server/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { user, pilot, access } = requirePilot(event, 'view');
	const kind = event.params.kind;
	if (!isExportKind(kind) || (exportNeedsManage(kind) && access !== 'manage')) error(404, 'Deze download bestaat niet, of u heeft er geen toegang toe.');

	// Read in one synchronous stretch, so the figures and the raw answers describe the same moment.
	const results = pilotResults(db(), pilot);
	const raw = exportNeedsManage(kind) ? loadRawResponses(db(), pilot.id) : [];
	const file = await buildExport(kind, pilot, results, raw);
	audit(db(), user, 'export', { pilotId: pilot.id, detail: kind });
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
};
