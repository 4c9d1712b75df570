// Printable invitation letters: one per active personal link, with its letter code to type at
// <site>/code and the link as a QR code. Tokens and codes are re-derived from the server secret, so
// letters can be printed again at any time.
// The letters are in the language chosen for printing; the page around them stays in the user's own.
import QRCode from 'qrcode';
import { formatDay } from '$lib/dates';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { findRole, isFollowUp, pilotMinutes } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import type { Pilot } from '$lib/server/db/schema';
import { requirePilot } from '$lib/server/guard';
import { listLinks } from '$lib/server/invitations';
import { formatLetterCode } from '$lib/server/letter-codes';
import { inLocale } from '$lib/server/locale';
import { PRINT_LANGUAGE_PARAM, printSetup, respondentUrl } from '$lib/server/respondent';
import { linkSecret } from '$lib/server/tokens';
import { z } from '$lib/validation';
import type { PageServerLoad } from './$types';

/** How the letter names the council that asks, next to the municipality. */
function councilName(type: Pilot['councilType'], locale: Locale): string {
	return type === 'clientenraad' ? m.resp_letter_council_clientenraad({}, { locale }) : m.resp_letter_council_adviesraad({}, { locale });
}

const numberParam = z.coerce.number().int().positive();

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	// The scan text of the letters (role names) in their language; the filter speaks the user's.
	const { locale, scan, ownScan, printLanguages } = printSetup(pilot, url);
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

	// Each letter's own role's estimate (the one estimate, as on the intro and the paper form), once per role.
	const minutesByRole = new Map<string, string>();
	const minutesOf = (role: string) => {
		if (!minutesByRole.has(role)) minutesByRole.set(role, pilotMinutes(scan, { ...pilot, followUp: isFollowUp(pilot) }, [role], locale));
		return minutesByRole.get(role)!;
	};

	const letters = await Promise.all(
		links.map(async (l) => {
			const link = respondentUrl(url.origin, l.token!, locale);
			const role = findRole(scan, l.role!);
			return {
				number: l.number,
				link,
				// The QR code keeps the full link: it works without a code look-up, so the limit on
				// wrong codes can never stop it. A link from before codes existed shows in full.
				code: l.code && formatLetterCode(l.code),
				salutation: role?.choice ?? m.resp_letter_participant({}, { locale }),
				roleLabel: role?.label ?? l.role!,
				submitted: l.status === 'submitted',
				minutes: minutesOf(l.role!),
				// Our own SVG markup from a URL we built: safe to render as HTML.
				qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
			};
		})
	);

	return {
		letters,
		// Typed without https:// (browsers add it), it is short enough for one line.
		codeAddress: `${url.host}/code`,
		roles: pilot.roles.map((id) => ({ id, label: findRole(ownScan, id)?.label ?? id })),
		roleFilter,
		numberFilter,
		invalidNumber: rawNumber !== null && rawNumber !== '' && numberFilter === null,
		printLocale: locale,
		printParam: PRINT_LANGUAGE_PARAM,
		printLanguages,
		councilName: councilName(pilot.councilType, locale),
		closesOn: pilot.closesOn ? inLocale(locale, () => formatDay(pilot.closesOn)) : null
	};
};
