// The audit log for admins: the latest 500 actions, newest first, with labels in the interface
// language and a link to the pilot when it still exists.
import { intlTag } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { listAudit, type AuditAction } from '$lib/server/audit';
import { db } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import { getPilot } from '$lib/server/pilots';
import type { PageServerLoad } from './$types';

const LIMIT = 500;

// A Record over AuditAction, so a new action without a label fails the type check. A function:
// the words are read in the language of the request.
const actionLabels = (): Record<AuditAction, string> => ({
	login: m.fac_audit_login(),
	'login-failed': m.fac_audit_login_failed(),
	logout: m.fac_audit_logout(),
	'pilot-create': m.fac_audit_pilot_create(),
	'pilot-update': m.fac_audit_pilot_update(),
	'pilot-contact': m.fac_audit_pilot_contact(),
	'pilot-open': m.fac_audit_pilot_open(),
	'pilot-close': m.fac_audit_pilot_close(),
	'pilot-delete': m.fac_audit_pilot_delete(),
	'pilot-share': m.fac_audit_pilot_share(),
	'pilot-unshare': m.fac_audit_pilot_unshare(),
	'links-create': m.fac_audit_links_create(),
	'link-group': m.fac_audit_link_group(),
	'link-revoke': m.fac_audit_link_revoke(),
	'paper-entry': m.fac_audit_paper_entry(),
	'typed-in-confirm': m.fac_audit_typed_in_confirm(),
	release: m.fac_audit_release(),
	import: m.fac_audit_import(),
	export: m.fac_audit_export(),
	'plan-carry': m.rd_audit_plan_carry(),
	'account-create': m.fac_audit_account_create(),
	'account-deactivate': m.fac_audit_account_deactivate(),
	'account-activate': m.fac_audit_account_activate(),
	'password-reset-link': m.fac_audit_password_reset_link(),
	'password-reset': m.fac_audit_password_reset()
});

/**
 * Entries store numbers and codes (a version, a count, a role and a cap), worded here in the
 * reader's language. Anything else, and entries written before, show as they were stored.
 */
function detailText(action: string, detail: string): string {
	const number = /^\d+$/.test(detail) ? Number(detail) : null;
	if (number !== null && action === 'release') return m.fac_audit_detail_release({ number });
	if (number !== null && (action === 'import' || action === 'typed-in-confirm')) return m.fac_audit_detail_forms({ count: number });
	if (number !== null && action === 'link-revoke') return m.fac_audit_detail_link({ number });
	const group = action === 'link-group' ? /^(.+):(\d+)$/.exec(detail) : null;
	if (group) return m.fac_audit_detail_group({ role: group[1] === '*' ? m.fac_links_group_for_all() : group[1], max: Number(group[2]) });
	return detail;
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const when = new Intl.DateTimeFormat(intlTag(), {
		timeZone: 'Europe/Amsterdam',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
	const labels = actionLabels();
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
		what: labels[r.action as AuditAction] ?? r.action,
		pilot: r.pilotId === null ? null : { id: r.pilotId, name: pilots.get(r.pilotId) ?? null },
		detail: detailText(r.action, r.detail)
	}));
	return { entries, limit: LIMIT };
};
