// The intro of a link: what the questionnaire is about, the language to answer in, and the way in
// (a personal link goes straight on; a group link first makes a personal link, in a chosen role, or
// offers to go on with the personal link it handed out earlier on this device).
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatDay } from '$lib/dates';
import { getLocale } from '$lib/i18n';
import { resumeAt } from '$lib/scan/answers';
import { allQuestions, fillIntro, pilotMinutes, type Answer } from '$lib/scan/questionnaire';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { GroupLinkFullError, spawnFromGroup } from '$lib/server/invitations';
import { groupStartLimiter, safeClientAddress, waitInWords } from '$lib/server/rate-limit';
import { respondentUrl } from '$lib/server/respondent';
import { loadAnswers } from '$lib/server/responses';
import { linkSecret } from '$lib/server/tokens';
import { introAloud } from '$lib/server/read-aloud';
import { readForm } from '$lib/server/request';
import { linkOrError, type PersonalLink } from './guard';
import { splitIntro } from './intro';
import { FRESH_PARAM, ownLinkOnDevice, rememberOwnLink } from './own-link';
import { resumeHref } from './step';
import type { Actions, PageServerLoad } from './$types';

// Text, a link and (for a group link) one form that work as they are: the first page a respondent
// sees loads without a script, so it is fast on any phone.
export const csr = false;

/** Where a personal link goes on: its answers so far, and the address of the question after the last one answered. */
function progressOf(token: string, link: PersonalLink) {
	const answers: Map<string, Answer> = link.response ? loadAnswers(db(), link.response.id) : new Map();
	return { started: answers.size > 0, href: resumeHref(token, link.pages, resumeAt(link.pages, answers)) };
}

function introParts(intro: string[], values: { minimum: number; minutes: number | string }) {
	const { lead, rest } = splitIntro(intro);
	return { lead: fillIntro(lead, values).join(' '), more: fillIntro(rest, values) };
}

export const load: PageServerLoad = ({ params, url, cookies }) => {
	const link = linkOrError(params.token);
	const { scan } = link.pilot;
	if (link.kind === 'personal' && link.response?.status === 'submitted') redirect(303, `/s/${params.token}/klaar`);
	const roles = link.pilot.roles.map((id) => scan.roles.find((r) => r.id === id)!).filter(Boolean);
	// The link's role's own estimate; a group link for every role: the range over them.
	const minutes = pilotMinutes(scan, link.pilot, link.invitation.role ? [link.invitation.role] : link.pilot.roles);
	const progress = link.kind === 'personal' ? progressOf(params.token, link) : { started: false, href: `/s/${params.token}/1` };
	// A group link opened again on the device where someone started through it (unless they chose to start afresh).
	const own =
		link.kind === 'group' && !url.searchParams.has(FRESH_PARAM) ? ownLinkOnDevice(cookies, url, params.token, link.invitation) : null;
	const ownProgress = own && progressOf(own.token, own.link);
	// Said only to someone who gets mirror questions, in the words of their questions.
	const mirror = link.kind === 'personal' ? allQuestions(link.pages).find((q) => q.kind === 'mirror') : undefined;
	const intro = introParts(scan.intro, { minimum: link.pilot.minGroupSize, minutes });
	const closesOn = formatDay(link.pilot.closesOn);
	const introControl = introAloud(intro.lead, closesOn, getLocale(), scan.pronunciation);
	return {
		kind: link.kind,
		token: params.token,
		municipality: link.pilot.municipality,
		title: scan.title,
		// What it is and how long it takes before the way in, the rest after it (in view on a small phone).
		...intro,
		glossary: scan.glossary,
		// Written out here, so the page's script needs no date formatting of its own.
		closesOn,
		// The intro's "Lees voor" (ReadAloud.svelte), once its file is made.
		readAloud: introControl ? { intro: introControl } : {},
		contact: link.pilot.contact,
		// A group link without a role lets the respondent say in which role they answer.
		roleChoices: link.kind === 'group' && !link.invitation.role ? roles.map((r) => ({ id: r.id, choice: r.choice })) : [],
		started: progress.started,
		startHref: progress.href,
		mirrorTarget: mirror?.kind === 'mirror' ? mirror.targetLabel : null,
		justCreated: link.kind === 'personal' && url.searchParams.has('nieuw'),
		// Kept with its language, so the link opens in the language chosen here on any device.
		ownUrl: respondentUrl(url.origin, params.token, getLocale()),
		resume: own && ownProgress ? { href: ownProgress.href, started: ownProgress.started, linkHref: `/s/${own.token}?nieuw=1` } : null,
		freshHref: `?${FRESH_PARAM}=1`,
		// Sent back with an error (no role chosen), the page shows the choice again, not the offer to go on.
		startAction: `?/start&${FRESH_PARAM}=1`
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { params, request, cookies, url } = event;
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
		// On this device the group link leads back to this personal link, until it is handed in.
		rememberOwnLink(cookies, url, params.token, personal.token, link.pilot.closesOn);
		redirect(303, `/s/${personal.token}?nieuw=1`);
	}
};
