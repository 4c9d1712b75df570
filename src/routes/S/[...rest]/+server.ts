// A link typed with a capital S (phones capitalise the first letter): send it to /s/.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => redirect(303, `/s/${params.rest}`);
