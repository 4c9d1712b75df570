// What a respondent's link opens: the pilot, the questions for their role and their response,
// or the reason the link cannot be used (unknown, revoked, not yet open, closed).
import { buildPages, buildResponseSchema, formatAnswer, type Answer, type Page, type Question } from '$lib/scan/questionnaire';
import type { ScanDefinition } from '$lib/scan/schema';
import type { Db } from './db';
import type { Invitation, Pilot, ResponseRow } from './db/schema';
import { resolveToken } from './invitations';
import { acceptState, getPilot } from './pilots';
import { findResponseForInvitation } from './responses';

export type PublicPilot = Pick<Pilot, 'id' | 'municipality' | 'variant' | 'minGroupSize' | 'roles' | 'closesOn' | 'contact'> & {
	scan: ScanDefinition;
};

export type LinkState =
	| { kind: 'unknown' }
	| { kind: 'revoked'; contact: string | null }
	| { kind: 'not-yet-open'; opensOn: string | null; contact: string | null }
	| { kind: 'closed'; submitted: boolean; contact: string | null }
	| { kind: 'group'; pilot: PublicPilot; invitation: Invitation }
	| { kind: 'personal'; pilot: PublicPilot; invitation: Invitation; response: ResponseRow | undefined; pages: Page[] };

/** A respondent sees only what they need: no owner, no dates other than the closing day, and whom to ask. */
function publicPilot(db: Db, pilotId: number): PublicPilot {
	const p = getPilot(db, pilotId)!;
	return {
		id: p.id,
		municipality: p.municipality,
		variant: p.variant,
		minGroupSize: p.minGroupSize,
		roles: p.roles,
		closesOn: p.closesOn,
		contact: p.contact,
		scan: p.scan
	};
}

export function openLink(db: Db, token: string): LinkState {
	const resolved = resolveToken(db, token);
	if (!resolved) return { kind: 'unknown' };
	const { invitation, pilot } = resolved;
	const response = invitation.kind === 'personal' ? findResponseForInvitation(db, invitation.id) : undefined;
	// A submitted response keeps showing its thank-you page, whatever happened to the pilot since.
	if (response?.status === 'submitted') {
		return { kind: 'personal', pilot: publicPilot(db, pilot.id), invitation, response, pages: [] };
	}
	const contact = pilot.contact ?? null;
	if (invitation.revoked) return { kind: 'revoked', contact };
	const state = acceptState(pilot);
	if (state === 'closed') return { kind: 'closed', submitted: false, contact };
	if (state === 'not-yet-open') return { kind: 'not-yet-open', opensOn: pilot.status === 'open' ? pilot.opensOn : null, contact };
	const pub = publicPilot(db, pilot.id);
	if (invitation.kind === 'group') return { kind: 'group', pilot: pub, invitation };
	const pages = buildPages(pub.scan, { variant: pilot.variant, mirror: pilot.mirror, role: invitation.role! });
	return { kind: 'personal', pilot: pub, invitation, response, pages };
}

/** The form values of a response as the inputs expect them ('1'..'5', 'weet_niet' or text). */
export function rawValues(answers: Map<string, Answer>): Record<string, string> {
	return Object.fromEntries([...answers].map(([key, answer]) => [key, formatAnswer(answer)]));
}

const answered = (q: Question, answers: Map<string, Answer>) => answers.has(q.key);

/** Where a returning respondent goes on: the first page with an unanswered choice question. */
export function resumePage(pages: Page[], answers: Map<string, Answer>): number | 'controle' {
	const page = pages.find((p) => p.questions.some((q) => q.kind !== 'open' && !answered(q, answers)));
	return page ? page.index : 'controle';
}

export function unansweredByPage(pages: Page[], answers: Map<string, Answer>) {
	return pages
		.map((p) => ({
			index: p.index,
			title: p.theme.title,
			missing: p.questions.filter((q) => q.kind !== 'open' && !answered(q, answers))
		}))
		.filter((p) => p.missing.length > 0);
}

export type ParsedAnswers = { ok: true; entries: [string, Answer | null][] } | { ok: false; errors: Record<string, string> };

/** Validates raw answers against the given questions only; unknown keys are an error. */
export function parseAnswers(questions: Question[], raw: Record<string, string>): ParsedAnswers {
	const result = buildResponseSchema([{ questions } as Page]).safeParse(raw);
	if (result.success) return { ok: true, entries: Object.entries(result.data) as [string, Answer | null][] };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : ((issue as { keys?: string[] }).keys?.[0] ?? '');
		errors[key] = issue.code === 'unrecognized_keys' ? 'Deze vraag hoort niet bij uw vragenlijst.' : issue.message;
	}
	return { ok: false, errors };
}
