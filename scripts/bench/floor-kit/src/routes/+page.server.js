// The floor page's form without JavaScript: the same upsert, then back to the page.
import { save } from '$lib/db.js';

export const actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		save(1, { a: String(form.get('a') ?? '3') });
	}
};
