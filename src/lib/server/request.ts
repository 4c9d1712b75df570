// Reading a posted form. A body that is no readable form (sent as text/plain, a broken multipart
// body, a connection that broke off) is the client's mistake: a 400 with a Dutch message, never a
// 500. A body over the server's size limit is a 413.
import { error } from '@sveltejs/kit';

export const UNREADABLE_FORM = 'Dit formulier kon niet worden gelezen. Probeer het opnieuw.';
export const FORM_TOO_LARGE = 'Dit formulier is te groot om te versturen.';

/** The status a failed `request.formData()` stands for: 413 for a body over the limit, else 400. */
export function formErrorStatus(e: unknown): 400 | 413 {
	return (e as { status?: number } | null)?.status === 413 ? 413 : 400;
}

export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		const status = formErrorStatus(e);
		error(status, status === 413 ? FORM_TOO_LARGE : UNREADABLE_FORM);
	}
}
