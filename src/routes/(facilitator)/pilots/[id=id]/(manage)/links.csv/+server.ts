// Download of the active invitation links of one pilot, for a mail merge or a list at the door, with
// each link's letter code and short link (<site>/c/<code>, easy to type or put in a text message).
// The column names and the kind codes are a file format (mail merges rely on them): never translated;
// new columns go at the end.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
import { findRole } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { downloadName } from '$lib/download-name';
import { csvDownloadHeaders, safeCsv } from '$lib/server/csv-safe';
import { db } from '$lib/server/db';
import { listLinks } from '$lib/server/invitations';
import { formatLetterCode } from '$lib/server/letter-codes';
import { requirePilot } from '$lib/server/guard';
import { scanForLocale } from '$lib/server/scans';
import { linkSecret } from '$lib/server/tokens';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;

	const role = url.searchParams.get('rol') || null;
	if (role !== null && !pilot.roles.includes(role)) error(400, m.fac_links_csv_role());

	const links = listLinks(db(), linkSecret(config.secretPath), pilot.id).filter(
		(l) => !l.revoked && l.token !== null && (role === null || l.role === role)
	);
	const scan = scanForLocale(pilot, getLocale());
	const rows = [
		['nummer', 'rol', 'soort', 'link', 'code', 'korte_link'],
		...links.map((l) => [
			l.number,
			l.role ? (findRole(scan, l.role)?.label ?? l.role) : m.fac_links_all_roles(),
			l.kind === 'group' ? 'groep' : 'persoonlijk',
			`${url.origin}/s/${l.token}`,
			l.code ? formatLetterCode(l.code) : '',
			l.code ? `${url.origin}/c/${l.code}` : ''
		])
	];
	return new Response(safeCsv(rows), { headers: csvDownloadHeaders(downloadName(pilot, 'links', 'csv')) });
};
