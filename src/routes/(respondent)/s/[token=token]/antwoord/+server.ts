// Autosave: the questionnaire page posts each answer here as JSON as soon as it is given.
import { json } from '@sveltejs/kit';
import { allQuestions } from '$lib/scan/questionnaire';
import { db } from '$lib/server/db';
import { parseAnswers } from '$lib/server/respondent';
import { getOrStartResponse, ResponseLockedError, saveAnswers } from '$lib/server/responses';
import { z } from '$lib/validation';
import { linkOrError } from '../guard';
import type { RequestHandler } from './$types';

const MAX_BODY_BYTES = 64 * 1024;
const bodySchema = z.object({ answers: z.record(z.string().max(100), z.string().max(10_000)) });

export const POST: RequestHandler = async ({ params, request }) => {
	const link = linkOrError(params.token);
	if (link.kind !== 'personal') return json({ message: 'Begin eerst met de vragenlijst.' }, { status: 409 });
	if (link.response?.status === 'submitted')
		return json({ message: 'U heeft de vragenlijst al ingeleverd. De antwoorden kunnen niet meer veranderen.' }, { status: 409 });
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY_BYTES) return json({ message: 'Te veel tekst in één keer.' }, { status: 413 });
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES) return json({ message: 'Te veel tekst in één keer.' }, { status: 413 });
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return json({ message: 'Ongeldig verzoek.' }, { status: 400 });
	}
	const shape = bodySchema.safeParse(body);
	if (!shape.success) return json({ message: 'Ongeldig verzoek.' }, { status: 400 });
	const parsed = parseAnswers(allQuestions(link.pages), shape.data.answers);
	if (!parsed.ok) return json({ message: Object.values(parsed.errors)[0], errors: parsed.errors }, { status: 400 });
	try {
		const entries = link.response ? parsed.entries : parsed.entries.filter(([, answer]) => answer !== null);
		if (entries.length) saveAnswers(db(), getOrStartResponse(db(), link.invitation).id, entries);
	} catch (e) {
		if (e instanceof ResponseLockedError) return json({ message: e.message }, { status: 409 });
		throw e;
	}
	return json({ saved: parsed.entries.length });
};
