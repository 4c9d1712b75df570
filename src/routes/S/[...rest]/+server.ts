// A link typed with a capital S (phones capitalise the first letter): send it to /s/. Each part is
// encoded again, so nothing typed (a newline, say) can end up as a raw character in the header.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => redirect(303, `/s/${params.rest.split('/').map(encodeURIComponent).join('/')}`);
