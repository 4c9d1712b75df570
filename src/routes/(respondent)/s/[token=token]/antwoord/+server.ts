// Autosave: the questionnaire page posts each answer here as JSON as soon as it is given. What it
// answers lives in $lib/server/autosave (the built server answers it there before SvelteKit does,
// see autosave-http.ts; this route answers it in development and whenever that is not in place).
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { autosave, MAX_AUTOSAVE_BYTES } from '$lib/server/autosave';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request }) => {
	const length = Number(request.headers.get('content-length') ?? 0);
	const text = length > MAX_AUTOSAVE_BYTES ? null : await request.text();
	const reply = autosave(db(), params.token, text);
	return json(reply.body, { status: reply.status });
};
