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
