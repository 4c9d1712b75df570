// Invitation links of one pilot: make personal links and group links, list them, revoke one.
// Every load and action checks access to the pilot itself (guard.ts).
import { fail } from '@sveltejs/kit';
import { findRole } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { audit } from '$lib/server/audit';
import { db } from '$lib/server/db';
import {
	createPersonalLinks,
	ensureGroupLink,
	GROUP_LINK_DEFAULT_USES,
	GROUP_LINK_MAX_USES,
	listLinks,
	MAX_LINKS_PER_BATCH,
	revokeLink
} from '$lib/server/invitations';
import { requirePilot } from '$lib/server/guard';
import { readForm } from '$lib/server/request';
import type { PilotWithScan } from '$lib/server/pilots';
import { linkSecret } from '$lib/server/tokens';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

/** The form value for a group link that lets respondents pick their role themselves. */
const ALL_ROLES = 'alle';

/** Per form field: the message next to it, or the value sent back to refill it. */
type FieldErrors = Record<string, string>;

type LinkStatus = 'new' | 'in_progress' | 'submitted' | 'revoked';

function roleLabel(pilot: PilotWithScan, role: string | null): string {
	return role === null ? 'Alle rollen' : (findRole(pilot.scan, role)?.label ?? role);
}

const roleOf = (pilot: PilotWithScan) =>
	z.string({ message: 'Kies een rol.' }).refine((r) => pilot.roles.includes(r), 'Kies een rol uit de lijst.');

export const load: PageServerLoad = async (event) => {
	const { pilot } = requirePilot(event, 'manage');
	const url = event.url;
	const requested = url.searchParams.get('rol');
	const roleFilter = requested && pilot.roles.includes(requested) ? requested : null;
	const all = listLinks(db(), linkSecret(config.secretPath), pilot.id);
	const links = all
		.filter((l) => roleFilter === null || l.role === roleFilter)
		.map((l) => ({
			id: l.id,
			number: l.number,
			kind: l.kind,
			roleLabel: roleLabel(pilot, l.role),
			status: (l.revoked ? 'revoked' : l.status) as LinkStatus,
			uses: l.uses,
			maxUses: l.maxUses,
			url: l.token ? `${url.origin}/s/${l.token}` : null
		}));
	return {
		roles: pilot.roles.map((id) => ({ id, label: roleLabel(pilot, id) })),
		roleFilter,
		links,
		totalLinks: all.length,
		maxLinks: MAX_LINKS_PER_BATCH,
		groupDefaultUses: GROUP_LINK_DEFAULT_USES,
		groupMaxUses: GROUP_LINK_MAX_USES,
		allRoles: ALL_ROLES
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const values: FieldErrors = { role: String(form.get('role') ?? ''), count: String(form.get('count') ?? '') };
		const schema = z.object({
			role: roleOf(pilot),
			count: z.coerce
				.number({ message: 'Vul een getal in.' })
				.int('Vul een heel getal in.')
				.min(1, 'Maak minstens 1 link.')
				.max(MAX_LINKS_PER_BATCH, `Maak hoogstens ${MAX_LINKS_PER_BATCH} links tegelijk.`)
		});
		const parsed = schema.safeParse(values);
		if (!parsed.success) {
			const errors: FieldErrors = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { action: 'create' as const, values, errors });
		}
		const issued = createPersonalLinks(db(), linkSecret(config.secretPath), pilot.id, parsed.data.role, parsed.data.count);
		audit(db(), user, 'links-create', { pilotId: pilot.id, detail: `${issued.length} × ${parsed.data.role}` });
		const first = issued[0].number;
		const last = issued[issued.length - 1].number;
		const label = roleLabel(pilot, parsed.data.role);
		const range = first === last ? `nummer ${first}` : `nummer ${first} tot en met ${last}`;
		return {
			action: 'create' as const,
			message: `${issued.length === 1 ? 'Er is 1 persoonlijke link' : `Er zijn ${issued.length} persoonlijke links`} gemaakt voor de rol ${label} (${range}).`,
			role: parsed.data.role
		};
	},

	group: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const values: FieldErrors = { role: String(form.get('role') ?? ''), maxUses: String(form.get('maxUses') ?? '') };
		const parsed = z
			.object({
				role: z.string().refine((r) => r === ALL_ROLES || pilot.roles.includes(r), 'Kies een rol, of kies alle rollen.'),
				maxUses: z.coerce
					.number({ message: 'Vul een getal in.' })
					.int('Vul een heel getal in.')
					.min(1, 'Laat minstens 1 persoon toe.')
					.max(GROUP_LINK_MAX_USES, `Laat hoogstens ${GROUP_LINK_MAX_USES} mensen toe. Maak voor meer mensen persoonlijke links.`)
			})
			.safeParse(values);
		if (!parsed.success) {
			const errors: FieldErrors = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { action: 'group' as const, values, errors });
		}
		const role = parsed.data.role === ALL_ROLES ? null : parsed.data.role;
		const { maxUses } = parsed.data;
		const secret = linkSecret(config.secretPath);
		const existed = listLinks(db(), secret, pilot.id).some((l) => l.kind === 'group' && !l.revoked && l.role === role);
		const link = ensureGroupLink(db(), secret, pilot.id, role, maxUses);
		audit(db(), user, 'link-group', { pilotId: pilot.id, detail: `${role ?? 'alle rollen'}, hoogstens ${maxUses}` });
		const label = role === null ? 'alle rollen' : `de rol ${roleLabel(pilot, role)}`;
		return {
			action: 'group' as const,
			message: existed
				? `Er was al een groepslink voor ${label}: nummer ${link.number}. Die laat nu hoogstens ${maxUses} mensen toe.`
				: `De groepslink voor ${label} is gemaakt: nummer ${link.number}, voor hoogstens ${maxUses} mensen. U vindt hem in de lijst.`
		};
	},

	revoke: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const parsed = z
			.object({
				id: z.coerce.number().int().positive(),
				confirm: z.literal('ja', { message: 'Zet eerst een vinkje om te bevestigen dat u de link wilt intrekken.' })
			})
			.safeParse({ id: form.get('id'), confirm: form.get('confirm') ?? '' });
		const id = Number(form.get('id')) || null;
		if (!parsed.success) {
			const confirmIssue = parsed.error.issues.find((i) => i.path[0] === 'confirm');
			const message = confirmIssue?.message ?? 'Deze link kon niet worden ingetrokken. Laad de pagina opnieuw en probeer het nog eens.';
			return fail(400, { action: 'revoke' as const, id, errors: { confirm: message } as FieldErrors });
		}
		// Look the link up first: the number in the message must be the stored one, not form input.
		const link = listLinks(db(), linkSecret(config.secretPath), pilot.id).find((l) => l.id === parsed.data.id);
		if (!link)
			return fail(400, {
				action: 'revoke' as const,
				id,
				errors: { confirm: 'Deze link bestaat niet (meer) bij deze pilot.' } as FieldErrors
			});
		if (link.revoked) return { action: 'revoke' as const, message: `Link nummer ${link.number} was al ingetrokken.` };
		revokeLink(db(), pilot.id, link.id);
		audit(db(), user, 'link-revoke', { pilotId: pilot.id, detail: `nummer ${link.number}` });
		return {
			action: 'revoke' as const,
			message: `Uitnodiging ingetrokken: link nummer ${link.number} werkt niet meer. Wie hem opent, kan geen antwoorden meer invullen.`
		};
	}
};
