// Autosave: the questionnaire page posts each answer here as JSON as soon as it is given. The
// answers are recorded the same way as the page's own form does it (recordAnswers).
import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { recordAnswers } from '$lib/server/respondent';
import { linkOrError } from '../guard';
import type { RequestHandler } from './$types';

const MAX_BODY_BYTES = 64 * 1024;

/** The body's shape, `{ answers: { key: value } }` with short keys and string values; null when it is not. */
function answersOf(body: unknown): Record<string, string> | null {
	if (typeof body !== 'object' || body === null) return null;
	const answers = (body as { answers?: unknown }).answers;
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
	for (const [key, value] of Object.entries(answers))
		if (key.length > 100 || typeof value !== 'string' || value.length > 10_000) return null;
	return answers as Record<string, string>;
}

export const POST: RequestHandler = async ({ params, request }) => {
	const link = linkOrError(params.token);
	if (link.kind !== 'personal') return json({ message: m.resp_save_not_started() }, { status: 409 });
	if (link.response?.status === 'submitted') return json({ message: m.resp_save_submitted() }, { status: 409 });
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY_BYTES) return json({ message: m.resp_save_too_large() }, { status: 413 });
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES) return json({ message: m.resp_save_too_large() }, { status: 413 });
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return json({ message: m.resp_save_bad_request() }, { status: 400 });
	}
	const answers = answersOf(body);
	if (!answers) return json({ message: m.resp_save_bad_request() }, { status: 400 });
	const outcome = recordAnswers(db(), link, answers);
	switch (outcome.kind) {
		case 'invalid':
			return json({ message: Object.values(outcome.errors)[0], errors: outcome.errors }, { status: 400 });
		case 'locked':
			return json({ message: m.resp_save_locked() }, { status: 409 });
		case 'saved':
			return json({ saved: outcome.count });
	}
};
