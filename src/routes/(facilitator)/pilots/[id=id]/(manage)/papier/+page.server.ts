// The printable large-print paper questionnaire of one role, in the language chosen for printing;
// the page around it stays in the user's own language.
import { dontKnowLabel, scaleLabels } from '$lib/labels';
import { buildPages, fillIntro, isFollowUp, pilotMinutes, questionnaireOptions } from '$lib/scan/questionnaire';
import { requirePilot } from '$lib/server/guard';
import { inLocale } from '$lib/server/locale';
import { printSetup } from '$lib/server/respondent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	// Every scan text on the form comes from this one scan, in the form's language.
	const { locale, scan, ownScan, printLanguages } = printSetup(pilot, url);
	const requested = url.searchParams.get('rol');
	const roleId = pilot.roles.find((id) => id === requested) ?? null;
	const role = roleId ? scan.roles.find((r) => r.id === roleId)! : null;
	const pages = role ? buildPages(scan, questionnaireOptions(pilot, role.id)) : [];
	return {
		// The links to each role's form keep the language chosen for printing.
		roles: pilot.roles.map((id) => {
			const params = new URLSearchParams(url.search);
			params.set('rol', id);
			return { id, label: ownScan.roles.find((r) => r.id === id)!.label, href: `?${params}` };
		}),
		role: role && { id: role.id, label: role.label, choice: role.choice },
		printLocale: locale,
		printLanguages,
		// The boxes of a statement and the "don't know" box of a ladder, in the form's language.
		...inLocale(locale, () => ({ scaleLabels: [...scaleLabels()], dontKnow: dontKnowLabel() })),
		title: scan.title,
		pages,
		intro: fillIntro(scan.paperIntro ?? scan.intro, {
			minimum: pilot.minGroupSize,
			minutes: role ? pilotMinutes(scan, { ...pilot, followUp: isFollowUp(pilot) }, [role.id]) : ''
		}),
		glossary: scan.glossary
	};
};
