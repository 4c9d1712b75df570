// The printable large-print paper questionnaire of one role.
import { buildPages, estimatedMinutes } from '$lib/scan/questionnaire';
import { requirePilot } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	const roles = pilot.roles.map((id) => pilot.scan.roles.find((r) => r.id === id)!);
	const requested = url.searchParams.get('rol');
	const role = roles.find((r) => r.id === requested) ?? null;
	const pages = role ? buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role: role.id }) : [];
	return {
		roles: roles.map((r) => ({ id: r.id, label: r.label, choice: r.choice })),
		role: role && { id: role.id, label: role.label, choice: role.choice },
		pages,
		intro: (pilot.scan.paperIntro ?? pilot.scan.intro).map((p) =>
			p.replaceAll('{minimum}', String(pilot.minGroupSize)).replaceAll('{minuten}', String(estimatedMinutes(pages)))
		),
		glossary: pilot.scan.glossary
	};
};
