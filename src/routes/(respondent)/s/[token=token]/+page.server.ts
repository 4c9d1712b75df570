import { fail, redirect } from '@sveltejs/kit';
import { estimatedMinutes, buildPages } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { GroupLinkFullError, spawnFromGroup } from '$lib/server/invitations';
import { groupStartLimiter, safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { resumePage } from '$lib/server/respondent';
import { loadAnswers } from '$lib/server/responses';
import { linkSecret } from '$lib/server/tokens';
import { readForm } from '$lib/server/request';
import { linkOrError } from './guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const link = linkOrError(params.token);
	const { scan } = link.pilot;
	if (link.kind === 'personal' && link.response?.status === 'submitted') redirect(303, `/s/${params.token}/klaar`);
	const roles = link.pilot.roles.map((id) => scan.roles.find((r) => r.id === id)!).filter(Boolean);
	const pages = buildPages(scan, { variant: link.pilot.variant, mirror: false, role: link.invitation.role ?? roles[0].id });
	const answers = link.kind === 'personal' && link.response ? loadAnswers(db(), link.response.id) : new Map();
	return {
		kind: link.kind,
		token: params.token,
		municipality: link.pilot.municipality,
		title: scan.title,
		intro: scan.intro.map((p) =>
			p.replaceAll('{minimum}', String(link.pilot.minGroupSize)).replaceAll('{minuten}', String(estimatedMinutes(pages)))
		),
		glossary: scan.glossary,
		closesOn: link.pilot.closesOn,
		contact: link.pilot.contact,
		// A group link without a role lets the respondent say in which role they answer.
		roleChoices: link.kind === 'group' && !link.invitation.role ? roles.map((r) => ({ id: r.id, choice: r.choice })) : [],
		started: answers.size > 0,
		next: link.kind === 'personal' ? resumePage(link.pages, answers) : 1,
		justCreated: url.searchParams.has('nieuw'),
		ownUrl: `${url.origin}/s/${params.token}`
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { params, request } = event;
		const link = linkOrError(params.token);
		if (link.kind !== 'group') redirect(303, `/s/${params.token}`);
		const form = await readForm(request);
		const role = link.invitation.role ?? String(form.get('rol') ?? '');
		if (!link.pilot.roles.includes(role)) return fail(400, { roleError: 'Kies hoe u deze vragenlijst invult.' });
		const ask = link.pilot.contact ? `Vraag ${link.pilot.contact} om een eigen link.` : 'Vraag de begeleider om een eigen link.';
		const limit = groupStartLimiter.hit(`${link.invitation.id}\n${safeClientAddress(event)}`);
		if (!limit.allowed) {
			return fail(429, {
				startError: `Er beginnen net veel mensen tegelijk via deze link. Probeer het ${waitInWords(limit.retryAfterSeconds)} opnieuw.`
			});
		}
		let personal;
		try {
			personal = spawnFromGroup(db(), linkSecret(config.secretPath), link.invitation, role);
		} catch (e) {
			if (e instanceof GroupLinkFullError)
				return fail(409, { startError: `Via deze link doen al zoveel mensen mee als er mochten. ${ask}` });
			throw e;
		}
		redirect(303, `/s/${personal.token}?nieuw=1`);
	}
};
