// Which language a request is answered in: the URL (`?taal=en`, from the language switch or a
// printed letter), then the cookie that remembers that choice, then the browser's preference,
// then Dutch. The choice runs with the request, so every message of that request is in it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { baseLocale, isLocale, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';
import { LANGUAGE_PARAM } from '$lib/i18n';

export const LANGUAGE_COOKIE = 'taal';

type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const storage = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(storage);

/** Runs `work` with every message in `locale` (the request's language). */
export function inLocale<T>(locale: Locale, work: () => T): T {
	return storage.run({ locale, messageCalls: new Set() }, work);
}

/** The first language in an Accept-Language header we offer, by the weights the browser gives. */
export function preferredLocale(header: string | null): Locale | undefined {
	if (!header) return undefined;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { language: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((r) => r.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return ranked.map((r) => r.language).find(isLocale);
}

export type LocaleChoice = { locale: Locale; fromUrl: boolean };

export function chooseLocale(url: URL, cookie: string | undefined, acceptLanguage: string | null): LocaleChoice {
	const asked = url.searchParams.get(LANGUAGE_PARAM);
	if (asked && isLocale(asked)) return { locale: asked, fromUrl: true };
	if (cookie && isLocale(cookie)) return { locale: cookie, fromUrl: false };
	return { locale: preferredLocale(acceptLanguage) ?? baseLocale, fromUrl: false };
}
