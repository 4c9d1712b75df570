// The facilitator's list of pilots with the response per role, newest first.
import { db } from '$lib/server/db';
import { visiblePilotIds } from '$lib/server/access';
import { ownAuditDetail } from '$lib/server/audit';
import { requireUser } from '$lib/server/guard';
import { getPilot, listPilots } from '$lib/server/pilots';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const database = db();
	// listPilots gives role ids only; the labels live in the scan snapshot, shared by many pilots.
	const labelsBySnapshot = new Map<number, Map<string, string>>();
	const labelsFor = (pilotId: number, snapshotId: number) => {
		let labels = labelsBySnapshot.get(snapshotId);
		if (!labels) {
			labels = new Map(getPilot(database, pilotId)?.scan.roles.map((r) => [r.id, r.label]) ?? []);
			labelsBySnapshot.set(snapshotId, labels);
		}
		return labels;
	};
	const pilots = listPilots(database, visiblePilotIds(database, user)).map((p) => {
		const labels = labelsFor(p.id, p.snapshotId);
		return {
			id: p.id,
			municipality: p.municipality,
			roundLabel: p.roundLabel,
			scanTitle: p.scanTitle,
			scanVersion: p.scanVersion,
			variant: p.variant,
			status: p.status,
			roles: p.roles.map((role) => ({
				role,
				label: labels.get(role) ?? role,
				...(p.counts[role] ?? { invited: 0, started: 0, submitted: 0 })
			}))
		};
	});
	// The delete action sends the id of its audit entry; the name shown is the one recorded there.
	const entry = Number(event.url.searchParams.get('verwijderd'));
	const deleted = Number.isSafeInteger(entry) && entry > 0 ? ownAuditDetail(database, user, 'pilot-delete', entry) : null;
	return { pilots, mayCreate: user.role !== 'viewer', deleted };
};
