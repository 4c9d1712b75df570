// Printable invitation letters: one per active personal link, with the link written out and as a
// QR code. Tokens are re-derived from the server secret, so letters can be printed again at any time.
import QRCode from 'qrcode';
import { buildPages, estimatedMinutes, findRole } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { listLinks } from '$lib/server/invitations';
import { linkSecret } from '$lib/server/tokens';
import { requirePilot } from '$lib/server/guard';
import { formatDay } from '$lib/dates';
import { z } from '$lib/validation';
import type { PageServerLoad } from './$types';

/** How the letter names the council that asks, next to the municipality. */
const councilNames = {
	clientenraad: 'de cliëntenraad',
	'adviesraad-werkgroep': 'de adviesraad',
	adviesraad: 'de adviesraad'
} as const;

const numberParam = z.coerce.number().int().positive();

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	const requestedRole = url.searchParams.get('rol');
	const roleFilter = requestedRole && pilot.roles.includes(requestedRole) ? requestedRole : null;
	const rawNumber = url.searchParams.get('nummer');
	const parsedNumber = rawNumber ? numberParam.safeParse(rawNumber) : null;
	const numberFilter = parsedNumber?.success ? parsedNumber.data : null;

	const links = listLinks(db(), linkSecret(config.secretPath), pilot.id).filter(
		(l) =>
			l.kind === 'personal' &&
			!l.revoked &&
			l.token !== null &&
			l.role !== null &&
			(roleFilter === null || l.role === roleFilter) &&
			(numberFilter === null || l.number === numberFilter)
	);

	const letters = await Promise.all(
		links.map(async (l) => {
			const link = `${url.origin}/s/${l.token}`;
			const role = findRole(pilot.scan, l.role!);
			return {
				number: l.number,
				link,
				salutation: role?.choice ?? 'deelnemer',
				roleLabel: role?.label ?? l.role!,
				submitted: l.status === 'submitted',
				// Our own SVG markup from a URL we built: safe to render as HTML.
				qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
			};
		})
	);

	return {
		letters,
		roles: pilot.roles.map((id) => ({ id, label: findRole(pilot.scan, id)?.label ?? id })),
		roleFilter,
		numberFilter,
		invalidNumber: rawNumber !== null && rawNumber !== '' && numberFilter === null,
		councilName: councilNames[pilot.councilType],
		// The same estimate as the online intro and the paper form.
		minutes: `ongeveer ${estimatedMinutes(buildPages(pilot.scan, { variant: pilot.variant, mirror: false, role: pilot.roles[0] }))} minuten`,
		closesOn: pilot.closesOn ? formatDay(pilot.closesOn) : null
	};
};
