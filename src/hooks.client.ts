// In the browser, the language is the one the server rendered the page in (<html lang>), so the
// page never switches words while it becomes interactive.
import { defineCustomClientStrategy, isLocale } from '$lib/paraglide/runtime';

defineCustomClientStrategy('custom-document', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : undefined;
	},
	setLocale: () => {}
});
