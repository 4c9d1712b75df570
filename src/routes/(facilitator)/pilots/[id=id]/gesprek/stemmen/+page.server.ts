// The live vote of het goede gesprek, facilitator's side: managers open a vote on the agenda's
// topics and close it; everyone who may see the pilot sees the code, the QR code and the tally
// (live through ./live, or by the refresh button without JavaScript).
import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { resultTexts } from '$lib/analysis/texts';
import { entryWords } from '$lib/agenda/topic-text';
import { m } from '$lib/paraglide/messages';
import { getLocale, locales } from '$lib/i18n';
import { loadAgenda, type AgendaEntry } from '$lib/server/agenda';
import { db } from '$lib/server/db';
import { requirePilot, requireRelease } from '$lib/server/guard';
import { inLocale } from '$lib/server/locale';
import type { PilotWithScan } from '$lib/server/pilots';
import { scanForLocale } from '$lib/server/scans';
import { agendaVoteOptions, closeVote, currentTally, currentVote, formatVoteCode, openVote } from '$lib/server/vote';
import { VOTE_DOTS } from '$lib/vote/dots';
import type { Actions, PageServerLoad } from './$types';

/** The released results the agenda is made of; before the first release the pilot page says when they come. */
function released(pilot: PilotWithScan) {
	return requireRelease(pilot).results;
}

export const load: PageServerLoad = async (event) => {
	const { pilot, access } = requirePilot(event, 'view');
	const results = released(pilot);
	const vote = currentVote(db(), pilot.id);
	const origin = event.url.origin;
	const join = vote?.open
		? {
				// Shown without the scheme, as people type it: quickscan.example.nl/stem.
				address: `${event.url.host}/stem`,
				code: formatVoteCode(vote.code),
				qrSvg: await QRCode.toString(`${origin}/stem/${vote.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
			}
		: null;
	return {
		manages: access === 'manage',
		dots: VOTE_DOTS,
		tally: currentTally(db(), pilot.id),
		join,
		topics: loadAgenda(db(), pilot.id, results).entries.length
	};
};

export const actions: Actions = {
	open: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		const results = released(pilot);
		// The titles as they read now, in this manager's language first and then in every other:
		// the vote keeps them, whatever the agenda does later, and each phone shows its own language.
		const languages = [getLocale(), ...locales.filter((l) => l !== getLocale())];
		const texts = new Map(languages.map((l) => [l, inLocale(l, () => resultTexts(scanForLocale(pilot, l), results))]));
		const titles = (e: AgendaEntry) => Object.fromEntries(languages.map((l) => [l, inLocale(l, () => entryWords(e, texts.get(l)!).title)]));
		const outcome = openVote(db(), pilot.id, (tx) => agendaVoteOptions(tx, pilot.id, results, titles));
		if (outcome.kind === 'already-open') return fail(409, { action: 'open' as const, error: m.st_already_open() });
		if (outcome.kind === 'no-options') return fail(400, { action: 'open' as const, error: m.st_no_topics() });
		return { action: 'open' as const, done: true };
	},
	close: async (event) => {
		const { pilot } = requirePilot(event, 'manage');
		if (closeVote(db(), pilot.id) === null) return fail(409, { action: 'close' as const, error: m.st_not_open() });
		return { action: 'close' as const, done: true };
	}
};
