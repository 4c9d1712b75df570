// The audit log for admins: the latest 500 actions, newest first, with Dutch labels and a link to
// the pilot when it still exists.
import { listAudit, type AuditAction } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import { getPilot } from '$lib/server/pilots';
import type { PageServerLoad } from './$types';

const LIMIT = 500;

// A Record over AuditAction, so a new action without a Dutch label fails the type check.
const actionLabels: Record<AuditAction, string> = {
	login: 'Ingelogd',
	'login-failed': 'Inloggen mislukt',
	logout: 'Uitgelogd',
	'pilot-create': 'Pilot gemaakt',
	'pilot-update': 'Pilot gewijzigd',
	'pilot-contact': 'Contact voor deelnemers gewijzigd',
	'pilot-open': 'Vragenlijst geopend',
	'pilot-close': 'Vragenlijst gesloten',
	'pilot-delete': 'Pilot verwijderd',
	'pilot-share': 'Pilot gedeeld',
	'pilot-unshare': 'Delen gestopt',
	'links-create': 'Links gemaakt',
	'link-group': 'Groepslink gemaakt',
	'link-revoke': 'Link ingetrokken',
	'paper-entry': 'Papieren antwoorden ingevoerd',
	'typed-in-confirm': 'Papieren of geïmporteerde vragenlijsten bevestigd',
	release: 'Uitkomsten vrijgegeven',
	import: 'Antwoorden geïmporteerd',
	export: 'Gegevens gedownload',
	'account-create': 'Account gemaakt',
	'account-deactivate': 'Account uitgezet',
	'account-activate': 'Account weer aangezet',
	'password-reset-link': 'Link voor nieuw wachtwoord gemaakt',
	'password-reset': 'Nieuw wachtwoord ingesteld'
};

const when = new Intl.DateTimeFormat('nl-NL', {
	timeZone: 'Europe/Amsterdam',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const database = db();
	const rows = listAudit(database, { limit: LIMIT });
	// Few distinct pilots per page of log: one lookup each, not one per row.
	const pilotIds = [...new Set(rows.map((r) => r.pilotId).filter((id): id is number => id !== null))];
	const pilots = new Map(
		pilotIds.map((id) => {
			const pilot = getPilot(database, id);
			return [id, pilot ? `${pilot.municipality} – ${pilot.roundLabel}` : null] as const;
		})
	);
	const entries = rows.map((r) => ({
		id: r.id,
		at: r.at,
		atLabel: when.format(new Date(r.at)),
		who: r.userEmail,
		what: actionLabels[r.action as AuditAction] ?? r.action,
		pilot: r.pilotId === null ? null : { id: r.pilotId, name: pilots.get(r.pilotId) ?? null },
		detail: r.detail
	}));
	return { entries, limit: LIMIT };
};
