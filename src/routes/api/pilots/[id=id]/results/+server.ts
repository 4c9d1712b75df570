// GET /api/pilots/<id>/results: the same figures as the results pages (the latest release), as
// JSON, for a signed-in user who may see the pilot. Suppressed roles carry no figures here either.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requirePilot } from '$lib/server/guard';
import { latestRelease } from '$lib/server/releases';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'view', { api: true });
	const release = latestRelease(db(), pilot.id);
	return json(
		{
			pilot: {
				id: pilot.id,
				municipality: pilot.municipality,
				roundLabel: pilot.roundLabel,
				scan: { id: pilot.scan.id, version: pilot.scan.version, hash: pilot.scanHash },
				variant: pilot.variant
			},
			release: release && { number: release.number, createdAt: release.createdAt, reason: release.reason, counts: release.counts },
			results: release?.results ?? null
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
