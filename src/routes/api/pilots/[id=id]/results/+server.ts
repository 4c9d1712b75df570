// GET /api/pilots/<id>/results: the same figures as the results pages, as JSON, for a signed-in
// user who may see the pilot. Suppressed roles carry no figures here either.
import { error, json } from '@sveltejs/kit';
import { viewablePilot } from '$lib/server/access';
import { db } from '$lib/server/db';
import { pilotResults } from '$lib/server/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	if (!locals.user) error(401, 'Log eerst in.');
	const found = viewablePilot(db(), locals.user, Number(params.id));
	if (!found) error(404, 'Deze pilot bestaat niet, of u heeft er geen toegang toe.');
	const { pilot } = found;
	return json(
		{
			pilot: { id: pilot.id, municipality: pilot.municipality, roundLabel: pilot.roundLabel, scan: { id: pilot.scan.id, version: pilot.scan.version, hash: pilot.scanHash }, variant: pilot.variant },
			results: pilotResults(db(), pilot)
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
