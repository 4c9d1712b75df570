// What a respondent's link opens (the pilot, the questions for their role and their response, or
// the reason the link cannot be used), the link a typed letter code opens, the one way their
// answers are recorded, and the link and scan text a respondent gets in their language.
import { parseAnswers, questionsByKey } from '$lib/scan/answers';
import { allQuestions, buildPages, isFollowUp, questionnaireOptions, type Page, type Question } from '$lib/scan/questionnaire';
import type { ScanDefinition } from '$lib/scan/schema';
import { baseLocale, getLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { LANGUAGE_PARAM } from '$lib/i18n';
import type { Db } from './db';
import type { Invitation, Pilot, ResponseRow } from './db/schema';
import { resolveToken, tokenForLetterCode } from './invitations';
import { ALL_CLIENTS, codeFailureLimiter, unknownLinkLimiter } from './rate-limit';
import { normaliseLetterCode } from './letter-codes';
import type { LinkSecret } from './tokens';
import { acceptState, type PilotWithScan } from './pilots';
import { getOrStartResponse, ResponseLockedError, saveAnswers } from './responses';
import { scanForLocale } from './scans';

export type PublicPilot = Pick<Pilot, 'id' | 'municipality' | 'variant' | 'mirror' | 'minGroupSize' | 'roles' | 'closesOn' | 'contact'> & {
	scan: ScanDefinition;
	/** A later round: the questionnaire ends with the change question. */
	followUp: boolean;
};

export type LinkState =
	| { kind: 'unknown' }
	| { kind: 'revoked'; contact: string | null }
	| { kind: 'not-yet-open'; opensOn: string | null; contact: string | null }
	/** `started`: a personal link whose response has answers but was not handed in (so they do not count). */
	| { kind: 'closed'; started: boolean; contact: string | null }
	| { kind: 'group'; pilot: PublicPilot; invitation: Invitation }
	| ({ kind: 'personal'; pilot: PublicPilot; invitation: Invitation; response: ResponseRow | undefined } & Questionnaire);

export type PersonalLink = Extract<LinkState, { kind: 'personal' }>;

/** The address of a respondent link; a language other than Dutch goes with it, so a letter opens in its own language. */
export function respondentUrl(origin: string, token: string, locale: Locale): string {
	return `${origin}/s/${token}${locale === baseLocale ? '' : `?${LANGUAGE_PARAM}=${locale}`}`;
}

/** The query parameter for the language of printed letters and forms (not of the page around them). */
export const PRINT_LANGUAGE_PARAM = 'afdruktaal';

/** The language that letters or a paper form are printed in: asked for in the URL, else the page's own. */
export function printLocale(url: URL): Locale {
	const asked = url.searchParams.get(PRINT_LANGUAGE_PARAM);
	return asked && isLocale(asked) ? asked : getLocale();
}

/** A plain link per language for the printed text (works without JavaScript); the page's other choices stay. */
export function printLanguageChoices(url: URL, current: Locale): { locale: Locale; href: string; current: boolean }[] {
	return locales.map((locale) => {
		const params = new URLSearchParams(url.search);
		params.set(PRINT_LANGUAGE_PARAM, locale);
		return { locale, href: `?${params}`, current: locale === current };
	});
}

/**
 * What a printed page (letters, paper form) starts from: the print language, the scan in it and in
 * the user's own (for the page around the print), and the links to print in another language.
 */
export function printSetup(pilot: { scan: ScanDefinition; scanHash: string }, url: URL) {
	const locale = printLocale(url);
	return {
		locale,
		scan: scanForLocale(pilot, locale),
		ownScan: scanForLocale(pilot, getLocale()),
		printLanguages: printLanguageChoices(url, locale)
	};
}

/** A respondent sees only what they need: no owner, no dates other than the closing day, and whom to ask. */
function publicPilot(pilot: PilotWithScan): PublicPilot {
	return {
		id: pilot.id,
		municipality: pilot.municipality,
		variant: pilot.variant,
		// Whether mirror questions and the change question are asked: the intro's time estimate counts them.
		mirror: pilot.mirror,
		followUp: isFollowUp(pilot),
		minGroupSize: pilot.minGroupSize,
		roles: pilot.roles,
		closesOn: pilot.closesOn,
		contact: pilot.contact,
		scan: scanForLocale(pilot, getLocale())
	};
}

/** What one respondent is asked, and the same questions by answer key, for checking their answers. */
export type Questionnaire = { pages: Page[]; questions: ReadonlyMap<string, Question> };

/**
 * Depends only on the scan snapshot, the language, the variant, mirror and the role: built once per
 * combination and kept (a handful per pilot), so an autosave does not rebuild 83 questions.
 */
const questionnaires = new Map<string, Questionnaire>();
const MAX_QUESTIONNAIRES = 500;

export function questionnaireFor(pilot: PilotWithScan, role: string, locale: Locale = getLocale()): Questionnaire {
	const options = questionnaireOptions(pilot, role);
	const key = `${pilot.scanHash}\n${locale}\n${pilot.variant}\n${pilot.mirror}\n${options.followUp}\n${role}`;
	let questionnaire = questionnaires.get(key);
	if (!questionnaire) {
		const pages = buildPages(scanForLocale(pilot, locale), options);
		questionnaire = { pages, questions: questionsByKey(allQuestions(pages)) };
		// A long-running server with very many scan versions starts over rather than grow without end.
		if (questionnaires.size >= MAX_QUESTIONNAIRES) questionnaires.clear();
		questionnaires.set(key, questionnaire);
	}
	return questionnaire;
}

export function openLink(db: Db, token: string): LinkState {
	const resolved = resolveToken(db, token);
	if (!resolved) return { kind: 'unknown' };
	const { invitation, pilot, response } = resolved;
	// A submitted response keeps showing its thank-you page, whatever happened to the pilot since.
	if (invitation.kind === 'personal' && response?.status === 'submitted') {
		return { kind: 'personal', pilot: publicPilot(pilot), invitation, response, pages: [], questions: new Map() };
	}
	const contact = pilot.contact ?? null;
	if (invitation.revoked) return { kind: 'revoked', contact };
	const state = acceptState(pilot);
	if (state === 'closed') return { kind: 'closed', started: invitation.kind === 'personal' && response !== undefined, contact };
	if (state === 'not-yet-open') return { kind: 'not-yet-open', opensOn: pilot.status === 'open' ? pilot.opensOn : null, contact };
	if (invitation.kind === 'group') return { kind: 'group', pilot: publicPilot(pilot), invitation };
	return { kind: 'personal', pilot: publicPilot(pilot), invitation, response, ...questionnaireFor(pilot, invitation.role!) };
}

/** A link that can be used: a group link, or a personal one (perhaps handed in already). */
export type UsableLink = Exclude<LinkState, { kind: 'unknown' | 'revoked' | 'closed' | 'not-yet-open' }>;

/** A refused link as an HTTP answer: the status and what the respondent reads (with whom to ask). */
export type LinkRefusal = { status: number; body: App.Error };

/**
 * Why a link cannot be used (unknown, revoked, closed, not yet open) as status and words, or null
 * when it can. The one home of these answers: the pages (an error page) and the autosave (JSON)
 * both give them.
 */
export function linkRefusal(state: LinkState): LinkRefusal | null {
	switch (state.kind) {
		case 'unknown':
			return { status: 404, body: { message: m.resp_link_unknown() } };
		// The pilot's contact goes with the error, so the page can say whom to ask.
		case 'revoked':
			return { status: 410, body: { message: m.resp_link_revoked(), contact: state.contact } };
		// Someone who was still answering hears what became of their answers: only handed-in
		// responses count in the results (results.ts), so theirs do not.
		case 'closed':
			return {
				status: 410,
				body: {
					heading: m.resp_closed_heading(),
					message: state.started ? m.resp_link_closed_unsent() : m.resp_link_closed(),
					contact: state.contact
				}
			};
		case 'not-yet-open':
			return { status: 403, body: { message: m.resp_link_not_open(), contact: state.contact } };
		default:
			return null;
	}
}

export type CodeOutcome =
	| { kind: 'found'; token: string }
	/** Nothing typed, or something that cannot be a code (length, a character outside the alphabet). */
	| { kind: 'empty' | 'malformed' }
	| { kind: 'wrong' }
	| { kind: 'too-many'; retryAfterSeconds: number };

/**
 * The link behind a letter code typed by `client` (an address, only ever a key in memory). A wrong
 * code counts against the client (with its unknown links) and against all clients together; while
 * either is over its limit no code is looked up at all, not even a right one. Synchronous from the
 * check to the count, so parallel requests cannot slip between them. Input that cannot be a code is
 * told apart and not counted: it is a typing slip, and tells a guesser nothing.
 */
export function openLetterCode(db: Db, secret: LinkSecret, typed: string, client: string, now = Date.now()): CodeOutcome {
	if (!typed.trim()) return { kind: 'empty' };
	if (!normaliseLetterCode(typed)) return { kind: 'malformed' };
	for (const [limiter, key] of [
		[unknownLinkLimiter, client],
		[codeFailureLimiter, ALL_CLIENTS]
	] as const) {
		const limit = limiter.refuses(key, now);
		if (!limit.allowed) return { kind: 'too-many', retryAfterSeconds: limit.retryAfterSeconds };
	}
	const token = tokenForLetterCode(db, secret, typed);
	if (token) return { kind: 'found', token };
	unknownLinkLimiter.hit(client, now);
	codeFailureLimiter.hit(ALL_CLIENTS, now);
	return { kind: 'wrong' };
}

export type RecordOutcome =
	| { kind: 'saved'; count: number }
	| { kind: 'invalid'; errors: Record<string, string> }
	/** The response was handed in meanwhile (another tab, a second request): nothing changed. */
	| { kind: 'locked' };

/**
 * The one way a respondent's answers are recorded, from the autosave endpoint and from the
 * question page's form alike: checked against their questionnaire, normalised, then saved in one
 * transaction. `raw` holds form values ('1'..'5', 'weet_niet', text; '' clears an answer).
 * Saving is idempotent, so a retried request after a dropped connection is harmless.
 */
export function recordAnswers(db: Db, link: PersonalLink, raw: Record<string, string>): RecordOutcome {
	const parsed = parseAnswers(link.questions, raw);
	if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
	// A response only starts to exist with its first answer: clearing before that stores nothing.
	const entries = link.response ? parsed.entries : parsed.entries.filter(([, answer]) => answer !== null);
	try {
		if (entries.length) saveAnswers(db, (link.response ?? getOrStartResponse(db, link.invitation)).id, entries);
	} catch (e) {
		if (e instanceof ResponseLockedError) return { kind: 'locked' };
		throw e;
	}
	return { kind: 'saved', count: parsed.entries.length };
}
