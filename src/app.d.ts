// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
		}
		interface Error {
			message: string;
			/** On a respondent's error page: whom to ask (the pilot's contact), when the link is known. */
			contact?: string | null;
			/** On a respondent's error page: a heading that says more than the status's own (e.g. "closed" for a 410). */
			heading?: string;
		}
		/** Shallow history entries of the questionnaire: which question of a theme is shown (step mode). */
		interface PageState {
			question?: number;
			/** Set on the entries "Volgende vraag" adds, which "Vorige vraag" goes back through. */
			stepped?: boolean;
		}
	}
}

export {};
