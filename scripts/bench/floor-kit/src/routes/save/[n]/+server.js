// One save: parse the JSON body, one prepared upsert, answer in JSON.
import { json } from '@sveltejs/kit';
import { save } from '$lib/db.js';

export async function POST({ params, request }) {
	const body = await request.json();
	return json({ saved: save(Number(params.n), body.answers) });
}
