// Downloads of a pilot's results: the aggregated views (CSV, XLSX) for everyone who may see the
// pilot, the raw anonymised answers (CSV, XLSX) only for those who manage it; anyone else, and any
// unknown kind, gets a 404.
import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { buildExport, exportNeedsManage, isExportKind, loadRawResponses } from '$lib/server/export';
import { m } from '$lib/paraglide/messages';
import { latestRelease, releasedResponseIds } from '$lib/server/releases';
import type { RequestHandler } from './$types';
import { scanForLocale } from '$lib/server/scans';

export const GET: RequestHandler = async (event) => {
	const { user, pilot, access } = requirePilot(event, 'view');
	const kind = event.params.kind;
	if (!isExportKind(kind) || (exportNeedsManage(kind) && access !== 'manage')) error(404, m.res_download_not_found());

	const release = latestRelease(db(), pilot.id);
	if (!release) error(404, m.res_not_released());
	// The raw answers of exactly the responses the release holds, so file and figures agree.
	const held = exportNeedsManage(kind) ? releasedResponseIds(db(), release.id) : null;
	const raw = held ? loadRawResponses(db(), pilot.id).filter((r) => held.has(r.id)) : [];
	const results = release.results;
	const file = await buildExport(kind, { ...pilot, scan: scanForLocale(pilot) }, results, raw);
	audit(db(), user, 'export', { pilotId: pilot.id, detail: kind });
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'no-store'
		}
	});
};
