// Reading a posted form. A body that is no readable form (sent as text/plain, a broken multipart
// body) is the client's mistake: a 400 with a Dutch message, never a 500. A body over the server's
// size limit is a 413.
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';

/** The status a failed `parseForm` stands for: 413 for a body over the limit, else 400. */
export function formErrorStatus(e: unknown): 400 | 413 {
	return (e as { status?: number } | null)?.status === 413 ? 413 : 400;
}

/**
 * The form in a request body. The body is read whole first and parsed after: a parser that gives
 * up half-way through the request's own stream makes the server drop the connection, and the
 * browser's next request on it fails (seen as ECONNRESET). Throws as `request.formData()` does.
 */
export async function parseForm(request: Request): Promise<FormData> {
	const body = await request.arrayBuffer();
	return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}

export async function readForm(request: Request): Promise<FormData> {
	try {
		return await parseForm(request);
	} catch (e) {
		const status = formErrorStatus(e);
		error(status, status === 413 ? m.form_too_large() : m.form_unreadable());
	}
}
