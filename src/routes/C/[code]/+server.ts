// A short link typed with a capital C (phones capitalise the first letter): send it to /c/. The code
// is encoded again, so nothing typed can end up as a raw character in the header.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => redirect(303, `/c/${encodeURIComponent(params.code)}`);
