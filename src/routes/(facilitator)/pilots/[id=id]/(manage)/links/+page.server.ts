// Invitation links of one pilot: make personal links and group links, list them, revoke one.
// Every load and action checks access to the pilot itself (guard.ts).
import { fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
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
import { scanForLocale } from '$lib/server/scans';
import { formatLetterCode } from '$lib/server/letter-codes';
import { linkSecret } from '$lib/server/tokens';
import { z } from '$lib/validation';
import type { Actions, PageServerLoad } from './$types';

/** The form value for a group link that lets respondents pick their role themselves. */
const ALL_ROLES = 'alle';

/** Per form field: the value sent back to refill it. */
type Values = Record<string, string>;

type LinkStatus = 'new' | 'in_progress' | 'submitted' | 'revoked';

/** A role's name in the reader's language; a group link for every role says so. */
function roleLabel(pilot: PilotWithScan, role: string | null): string {
	return role === null ? m.fac_links_all_roles() : (findRole(scanForLocale(pilot, getLocale()), role)?.label ?? role);
}

const roleOf = (pilot: PilotWithScan) =>
	z
		.string({ error: () => m.fac_links_role_required() })
		.refine((r) => pilot.roles.includes(r), { error: () => m.fac_links_role_from_list() });

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
			url: l.token ? `${url.origin}/s/${l.token}` : null,
			// The code of its letter, to read out on the phone to someone who lost the letter.
			code: l.token && l.code ? formatLetterCode(l.code) : null
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
		const values: Values = { role: String(form.get('role') ?? ''), count: String(form.get('count') ?? '') };
		const schema = z.object({
			role: roleOf(pilot),
			count: z.coerce
				.number({ error: () => m.fac_number_required() })
				.int({ error: () => m.fac_whole_number() })
				.min(1, { error: () => m.fac_links_count_min() })
				.max(MAX_LINKS_PER_BATCH, { error: () => m.fac_links_count_max({ max: MAX_LINKS_PER_BATCH }) })
		});
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'create' as const, values, errors: fieldErrors<'role' | 'count'>(parsed.error) });
		const issued = createPersonalLinks(db(), linkSecret(config.secretPath), pilot.id, parsed.data.role, parsed.data.count);
		audit(db(), user, 'links-create', { pilotId: pilot.id, detail: `${issued.length} × ${parsed.data.role}` });
		const first = issued[0].number;
		const last = issued[issued.length - 1].number;
		const label = roleLabel(pilot, parsed.data.role);
		return {
			action: 'create' as const,
			message:
				issued.length === 1
					? m.fac_links_made_one({ role: label, first })
					: m.fac_links_made_many({ count: issued.length, role: label, first, last }),
			role: parsed.data.role
		};
	},

	group: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const values: Values = { role: String(form.get('role') ?? ''), maxUses: String(form.get('maxUses') ?? '') };
		const parsed = z
			.object({
				role: z.string().refine((r) => r === ALL_ROLES || pilot.roles.includes(r), { error: () => m.fac_links_group_role_required() }),
				maxUses: z.coerce
					.number({ error: () => m.fac_number_required() })
					.int({ error: () => m.fac_whole_number() })
					.min(1, { error: () => m.fac_links_group_min() })
					.max(GROUP_LINK_MAX_USES, { error: () => m.fac_links_group_max_error({ max: GROUP_LINK_MAX_USES }) })
			})
			.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'group' as const, values, errors: fieldErrors<'role' | 'maxUses'>(parsed.error) });
		const role = parsed.data.role === ALL_ROLES ? null : parsed.data.role;
		const { maxUses } = parsed.data;
		const secret = linkSecret(config.secretPath);
		const existed = listLinks(db(), secret, pilot.id).some((l) => l.kind === 'group' && !l.revoked && l.role === role);
		const link = ensureGroupLink(db(), secret, pilot.id, role, maxUses);
		audit(db(), user, 'link-group', { pilotId: pilot.id, detail: `${role ?? '*'}:${maxUses}` });
		const target = role === null ? m.fac_links_group_for_all() : m.fac_links_group_for_role({ role: roleLabel(pilot, role) });
		const made = { target, number: link.number, max: maxUses };
		return { action: 'group' as const, message: existed ? m.fac_links_group_existed(made) : m.fac_links_group_made(made) };
	},

	revoke: async (event) => {
		const { user, pilot } = requirePilot(event, 'manage');
		const form = await readForm(event.request);
		const parsed = z
			.object({
				id: z.coerce.number().int().positive(),
				confirm: z.literal('ja', { error: () => m.fac_links_revoke_unconfirmed() })
			})
			.safeParse({ id: form.get('id'), confirm: form.get('confirm') ?? '' });
		const id = Number(form.get('id')) || null;
		if (!parsed.success) {
			const message = fieldErrors<'id' | 'confirm'>(parsed.error).confirm ?? m.fac_links_revoke_failed();
			return fail(400, { action: 'revoke' as const, id, errors: { confirm: message } });
		}
		// Look the link up first: the number in the message must be the stored one, not form input.
		const link = listLinks(db(), linkSecret(config.secretPath), pilot.id).find((l) => l.id === parsed.data.id);
		if (!link) return fail(400, { action: 'revoke' as const, id, errors: { confirm: m.fac_links_revoke_gone() } });
		if (link.revoked) return { action: 'revoke' as const, message: m.fac_links_already_revoked({ number: link.number }) };
		revokeLink(db(), pilot.id, link.id);
		audit(db(), user, 'link-revoke', { pilotId: pilot.id, detail: String(link.number) });
		return { action: 'revoke' as const, message: m.fac_links_revoked({ number: link.number }) };
	}
};
