// The message catalogues: the compiled messages hold every source message (a plugin that failed
// to load compiles to nothing and still reports success), both languages say the same things, and
// the plugin is loaded from node_modules, never from the internet.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as compiled from '$lib/paraglide/messages/_index.js';
import { intlTag, languageHref } from './i18n';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	baseLocale: string;
	locales: string[];
	modules: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};

type Catalogue = Record<string, unknown>;
function catalogue(locale: string): Catalogue {
	const all: Catalogue = {};
	for (const pattern of settings['plugin.inlang.messageFormat'].pathPattern) {
		const file = pattern.replace('{locale}', locale);
		const messages = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
		delete messages.$schema;
		for (const key of Object.keys(messages)) expect(all, `${key} twice (${file})`).not.toHaveProperty(key);
		Object.assign(all, messages);
	}
	return all;
}

/** Every text of a message: the plain string, or each variant of a plural. */
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	return (value as { match: Record<string, string> }[]).flatMap((v) => Object.values(v.match));
}

const nl = catalogue('nl');
const en = catalogue('en');

describe('message catalogues', () => {
	it('load the message-format plugin from a local path that exists', () => {
		for (const module of settings.modules) {
			expect(module).not.toMatch(/^https?:/);
			expect(existsSync(module), module).toBe(true);
		}
	});

	it('register every catalogue file in the settings', () => {
		const onDisk = readdirSync('messages', { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => `./${join('messages', d.name, '{locale}.json')}`);
		expect(settings['plugin.inlang.messageFormat'].pathPattern.toSorted()).toEqual(onDisk.toSorted());
	});

	it('compile to a message function for every source message', () => {
		const keys = Object.keys(nl);
		expect(keys.length).toBeGreaterThan(20);
		const functions = Object.keys(compiled).filter((k) => typeof (compiled as Record<string, unknown>)[k] === 'function');
		expect(functions.toSorted()).toEqual(keys.toSorted());
	});

	it('have the same messages in Dutch and English, none of them empty', () => {
		expect(Object.keys(en).toSorted()).toEqual(Object.keys(nl).toSorted());
		for (const [key, value] of [...Object.entries(nl), ...Object.entries(en)]) {
			for (const text of texts(value)) expect(text.trim(), key).not.toBe('');
		}
	});

	it('use the same placeholders in both languages', () => {
		const placeholders = (value: unknown) =>
			[...new Set(texts(value).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
		for (const key of Object.keys(nl)) expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
	});
});

describe('language helpers', () => {
	it('format numbers and dates the way each language writes them', () => {
		expect(new Intl.NumberFormat(intlTag('nl')).format(3.5)).toBe('3,5');
		expect(new Intl.NumberFormat(intlTag('en')).format(3.5)).toBe('3.5');
	});

	it('switch language on the same page, keeping its other choices and fragment', () => {
		expect(languageHref(new URL('http://x/pilots/3/uitkomsten/thema/doel?sorteer=eens#stellingen'), 'en')).toBe(
			'/pilots/3/uitkomsten/thema/doel?sorteer=eens&taal=en#stellingen'
		);
		expect(languageHref(new URL('http://x/s/abc?taal=en'), 'nl')).toBe('/s/abc?taal=nl');
		expect(languageHref(new URL('http://x/s/abc/2?/save'), 'en')).toBe('/s/abc/2?taal=en');
		expect(languageHref(new URL('http://x/pilots/3/links?/create&rol=raad'), 'en')).toBe('/pilots/3/links?rol=raad&taal=en');
	});
});
