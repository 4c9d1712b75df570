// GET /api/pilots/<id>/results: the same figures as the results pages, as JSON, for a signed-in
// user who may see the pilot. Suppressed roles carry no figures here either.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { pilotResults } from '$lib/server/results';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'view', { api: true });
	return json(
		{
			pilot: { id: pilot.id, municipality: pilot.municipality, roundLabel: pilot.roundLabel, scan: { id: pilot.scan.id, version: pilot.scan.version, hash: pilot.scanHash }, variant: pilot.variant },
			results: pilotResults(db(), pilot)
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
