// The facilitator's list of pilots with the response per role, newest first.
import { db } from '$lib/server/db';
import { visiblePilotIds } from '$lib/server/access';
import { ownAuditDetail } from '$lib/server/audit';
import { requireUser } from '$lib/server/guard';
import { getLocale } from '$lib/i18n';
import { getPilot, listPilots } from '$lib/server/pilots';
import { scanForLocale } from '$lib/server/scans';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const database = db();
	// listPilots gives role ids only; the labels and title live in the scan snapshot (in the
	// reader's language), shared by many pilots.
	const scansBySnapshot = new Map<number, { title: string | undefined; labels: Map<string, string> }>();
	const scanFor = (pilotId: number, snapshotId: number) => {
		let scan = scansBySnapshot.get(snapshotId);
		if (!scan) {
			const pilot = getPilot(database, pilotId);
			const localized = pilot && scanForLocale(pilot, getLocale());
			scan = { title: localized?.title, labels: new Map(localized?.roles.map((r) => [r.id, r.label]) ?? []) };
			scansBySnapshot.set(snapshotId, scan);
		}
		return scan;
	};
	const pilots = listPilots(database, visiblePilotIds(database, user)).map((p) => {
		const { title, labels } = scanFor(p.id, p.snapshotId);
		return {
			id: p.id,
			municipality: p.municipality,
			roundLabel: p.roundLabel,
			scanTitle: title ?? p.scanTitle,
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
