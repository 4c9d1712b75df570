// One autosave: the questionnaire page posts each answer as JSON as soon as it is given, and the
// answers are recorded the same way as the page's own form does it (recordAnswers). The one home
// of what an autosave answers; the route (+server.ts) and, in the built server, the early answer
// before SvelteKit (autosave-http.ts) both give exactly this.
import { m } from '$lib/paraglide/messages';
import type { Db } from './db';
import { linkRefusal, openLink, recordAnswers } from './respondent';

export const MAX_AUTOSAVE_BYTES = 64 * 1024;

export type AutosaveReply = { status: number; body: App.Error | Record<string, unknown> };

/** The body's shape, `{ answers: { key: value } }` with short keys and string values; null when it is not. */
function answersOf(body: unknown): Record<string, string> | null {
	if (typeof body !== 'object' || body === null) return null;
	const answers = (body as { answers?: unknown }).answers;
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
	for (const [key, value] of Object.entries(answers))
		if (key.length > 100 || typeof value !== 'string' || value.length > 10_000) return null;
	return answers as Record<string, string>;
}

/**
 * Records the answers of one autosave for the link `token`. `body` is the request's text, or null
 * when it was larger than MAX_AUTOSAVE_BYTES. The link is checked first (an unknown link is a 404
 * whatever was sent), then the body.
 */
export function autosave(db: Db, token: string, body: string | null): AutosaveReply {
	const link = openLink(db, token);
	const refusal = linkRefusal(link);
	if (refusal) return refusal;
	if (link.kind !== 'personal') return { status: 409, body: { message: m.resp_save_not_started() } };
	if (link.response?.status === 'submitted') return { status: 409, body: { message: m.resp_save_submitted() } };
	if (body === null || body.length > MAX_AUTOSAVE_BYTES) return { status: 413, body: { message: m.resp_save_too_large() } };
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return { status: 400, body: { message: m.resp_save_bad_request() } };
	}
	const answers = answersOf(parsed);
	if (!answers) return { status: 400, body: { message: m.resp_save_bad_request() } };
	const outcome = recordAnswers(db, link, answers);
	switch (outcome.kind) {
		case 'invalid':
			return { status: 400, body: { message: Object.values(outcome.errors)[0], errors: outcome.errors } };
		case 'locked':
			return { status: 409, body: { message: m.resp_save_locked() } };
		case 'saved':
			return { status: 200, body: { saved: outcome.count } };
	}
}
