// The intro of a link: what the questionnaire is about, the language to answer in, and the way in
// (a personal link goes straight on; a group link first makes a personal link, in a chosen role).
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatDay } from '$lib/dates';
import { getLocale } from '$lib/i18n';
import { resumePage } from '$lib/scan/answers';
import { fillIntro, pilotMinutes } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { GroupLinkFullError, spawnFromGroup } from '$lib/server/invitations';
import { groupStartLimiter, safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { respondentUrl } from '$lib/server/respondent';
import { loadAnswers } from '$lib/server/responses';
import { linkSecret } from '$lib/server/tokens';
import { readForm } from '$lib/server/request';
import { linkOrError } from './guard';
import type { Actions, PageServerLoad } from './$types';

// Text, a link and (for a group link) one form that work as they are: the first page a respondent
// sees loads without a script, so it is fast on any phone.
export const csr = false;

export const load: PageServerLoad = ({ params, url }) => {
	const link = linkOrError(params.token);
	const { scan } = link.pilot;
	if (link.kind === 'personal' && link.response?.status === 'submitted') redirect(303, `/s/${params.token}/klaar`);
	const roles = link.pilot.roles.map((id) => scan.roles.find((r) => r.id === id)!).filter(Boolean);
	// The link's role's own estimate; a group link for every role: the range over them.
	const minutes = pilotMinutes(scan, link.pilot, link.invitation.role ? [link.invitation.role] : link.pilot.roles);
	const answers = link.kind === 'personal' && link.response ? loadAnswers(db(), link.response.id) : new Map();
	return {
		kind: link.kind,
		token: params.token,
		municipality: link.pilot.municipality,
		title: scan.title,
		intro: fillIntro(scan.intro, { minimum: link.pilot.minGroupSize, minutes }),
		glossary: scan.glossary,
		// Written out here, so the page's script needs no date formatting of its own.
		closesOn: formatDay(link.pilot.closesOn),
		contact: link.pilot.contact,
		// A group link without a role lets the respondent say in which role they answer.
		roleChoices: link.kind === 'group' && !link.invitation.role ? roles.map((r) => ({ id: r.id, choice: r.choice })) : [],
		started: answers.size > 0,
		next: link.kind === 'personal' ? resumePage(link.pages, answers) : 1,
		justCreated: url.searchParams.has('nieuw'),
		// Kept with its language, so the link opens in the language chosen here on any device.
		ownUrl: respondentUrl(url.origin, params.token, getLocale())
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { params, request } = event;
		const link = linkOrError(params.token);
		if (link.kind !== 'group') redirect(303, `/s/${params.token}`);
		const form = await readForm(request);
		const role = link.invitation.role ?? String(form.get('rol') ?? '');
		if (!link.pilot.roles.includes(role)) return fail(400, { roleError: m.resp_role_required() });
		const limit = groupStartLimiter.hit(`${link.invitation.id}\n${safeClientAddress(event)}`);
		if (!limit.allowed) return fail(429, { startError: m.resp_group_busy({ wait: waitInWords(limit.retryAfterSeconds) }) });
		let personal;
		try {
			personal = spawnFromGroup(db(), linkSecret(config.secretPath), link.invitation, role);
		} catch (e) {
			if (e instanceof GroupLinkFullError) {
				const ask = link.pilot.contact ? m.resp_ask_contact({ contact: link.pilot.contact }) : m.resp_ask_facilitator();
				return fail(409, { startError: m.resp_group_full({ ask }) });
			}
			throw e;
		}
		redirect(303, `/s/${personal.token}?nieuw=1`);
	}
};
