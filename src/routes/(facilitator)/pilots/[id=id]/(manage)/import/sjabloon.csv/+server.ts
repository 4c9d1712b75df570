// The import template: every question of this pilot for one example form per role, to fill in.
// A +server.ts runs no layout load, so it checks access itself.
import { error } from '@sveltejs/kit';
import { importTemplate } from '$lib/server/csv-import';
import { csvDownloadHeaders } from '$lib/server/csv-safe';
import { db } from '$lib/server/db';
import { managedPilot } from '$lib/server/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const pilot = managedPilot(db(), locals.user, Number(params.id));
	if (!pilot) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
	// The BOM makes Excel open the file as UTF-8; the import reads it either way.
	return new Response('\uFEFF' + importTemplate(pilot), { headers: csvDownloadHeaders(`quickscan-${pilot.id}-sjabloon.csv`) });
};
