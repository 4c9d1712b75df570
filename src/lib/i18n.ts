// The languages of the interface, and what depends on them in the browser and on the server alike:
// the tag for numbers and dates, and the link that switches language (a plain link, so it works
// without JavaScript). Which language a request gets is decided in $lib/server/locale.
import { getLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { getLocale, locales, type Locale };

/** The query parameter that picks a language; the server remembers the choice in a cookie. */
export const LANGUAGE_PARAM = 'taal';

/** The BCP 47 tag for Intl: Dutch as in the Netherlands, English as in Britain (day before month). */
export function intlTag(locale: Locale = getLocale()): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** The same page in another language: every other query parameter and the fragment stay. */
export function languageHref(url: URL, locale: Locale): string {
	const params = new URLSearchParams(url.search);
	// A page shown after a form post without JavaScript has the action in its address ("?/save"):
	// the link is to the page, not to sending the form again.
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	params.set(LANGUAGE_PARAM, locale);
	return `${url.pathname}?${params}${url.hash}`;
}

/**
 * A message with markup inside (a link, a bold name): pass SLOT as the placeholder's value and
 * render the parts around it, so the words stay in the catalogue and the markup in the page.
 */
export const SLOT = '\u{E000}';
export const slotParts = (text: string): string[] => text.split(SLOT);
