import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { chooseLocale, inLocale, preferredLocale } from './locale';

const url = (search = '') => new URL(`http://localhost/login${search}`);

describe('the language of a request', () => {
	it('comes from the URL first, and is then remembered', () => {
		expect(chooseLocale(url('?taal=en'), 'nl', 'nl-NL')).toEqual({ locale: 'en', fromUrl: true });
		expect(chooseLocale(url('?taal=fr'), 'en', null)).toEqual({ locale: 'en', fromUrl: false });
	});

	it('then from the cookie, then from the browser, then Dutch', () => {
		expect(chooseLocale(url(), 'en', 'nl')).toEqual({ locale: 'en', fromUrl: false });
		expect(chooseLocale(url(), 'xx', 'en-US,en;q=0.9')).toEqual({ locale: 'en', fromUrl: false });
		expect(chooseLocale(url(), undefined, 'fr-FR,de;q=0.8')).toEqual({ locale: 'nl', fromUrl: false });
		expect(chooseLocale(url(), undefined, null)).toEqual({ locale: 'nl', fromUrl: false });
	});

	it('follows the weights of the browser preference', () => {
		expect(preferredLocale('en;q=0.5, nl;q=0.8')).toBe('nl');
		expect(preferredLocale('fr, en-GB;q=0.7, nl;q=0.3')).toBe('en');
		expect(preferredLocale('en;q=0, nl;q=0.1')).toBe('nl');
		expect(preferredLocale('de')).toBeUndefined();
	});

	it('holds for every message of that request, also across awaits', async () => {
		const words = await inLocale('en', async () => {
			await new Promise((r) => setTimeout(r, 1));
			return m.skip_link();
		});
		expect(words).toBe('Skip to content');
		expect(m.skip_link()).toBe('Naar de inhoud');
	});
});
