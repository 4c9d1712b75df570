// The import template: every question of this pilot for one example form per role, to fill in.
import { importTemplate } from '$lib/server/csv-import';
import { downloadName } from '$lib/download-name';
import { csvDownloadHeaders } from '$lib/server/csv-safe';
import { requirePilot } from '$lib/server/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'manage');
	// The BOM makes Excel open the file as UTF-8; the import reads it either way.
	return new Response('\uFEFF' + importTemplate(pilot), { headers: csvDownloadHeaders(downloadName(pilot, 'sjabloon', 'csv')) });
};
