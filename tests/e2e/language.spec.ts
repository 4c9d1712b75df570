// Every page in English and in Dutch: the walk visits each facilitator, admin and respondent page
// (with and without JavaScript) and fails when a text of the other language's catalogue shows,
// anywhere in the page (also in hidden tables, titles and labels), or when <html lang> is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, request, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { ADMIN, expectAccessible, open } from './helpers';
import { BASE, PLAN_ACTION_FORM } from './routes';

type Locale = 'nl' | 'en';

/** Every text of a catalogue value: the string, or each variant of a plural. */
const texts = (value: unknown): string[] =>
	typeof value === 'string' ? [value] : (value as { match: Record<string, string> }[]).flatMap((v) => Object.values(v.match));

function catalogue(locale: Locale): Record<string, unknown> {
	const all: Record<string, unknown> = {};
	for (const area of readdirSync('messages'))
		Object.assign(all, JSON.parse(readFileSync(join('messages', area, `${locale}.json`), 'utf8')));
	delete all.$schema;
	return all;
}

/**
 * The pieces of one language's messages that must never show in the other: the fixed text
 * between placeholders, long enough to be telling (12 characters or more) and not also used in
 * the other language (names such as "Quickscan" are the same in both).
 */
function foreignPieces(foreign: Locale): string[] {
	const own = catalogue(foreign === 'nl' ? 'en' : 'nl');
	const ownTexts = Object.values(own).flatMap(texts).join('\n');
	const pieces = Object.values(catalogue(foreign))
		.flatMap(texts)
		.flatMap((t) => t.split(/\{\w+\}/))
		.map((p) => p.trim())
		.filter((p) => p.length >= 12 && !ownTexts.includes(p));
	return [...new Set(pieces)];
}

/** All text a person or a screen reader can meet on the page, scripts and styles left out. */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		// Text marked as another language on purpose (the offer to switch, a letter printed in the
		// other language, a scan text not yet translated) is left out: it says what it is.
		const own = document.documentElement.lang;
		for (const el of body.querySelectorAll('script, style, [lang]'))
			if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.getAttribute('lang') !== own) el.remove();
		const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
			.filter((el) => (el.closest('[lang]')?.getAttribute('lang') ?? own) === own)
			.flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
		return [document.title, body.textContent ?? '', ...attributes].join('\n').replace(/\s+/g, ' ');
	});
}

type Places = {
	demo: number;
	theme: string;
	pilot: number;
	token: string;
	resetToken: string;
	typed: string[];
	planAction: number;
	vote: string;
};

/** An open pilot of the demo's scan with one respondent link, and an unknown password link. */
async function setUp(): Promise<Places> {
	const db = new Database('.e2e-data/quickscan.db');
	const suffix = Date.now().toString(36);
	let demo: number;
	let pilot: number;
	let typed: string[];
	try {
		const first = db.prepare('SELECT id, snapshot_id, roles FROM pilots ORDER BY id LIMIT 1').get() as {
			id: number;
			snapshot_id: number;
			roles: string;
		};
		demo = first.id;
		// What people typed (a pilot's name and contact, an account's name) is theirs, in their words.
		typed = (
			db.prepare('SELECT municipality AS t FROM pilots UNION SELECT contact FROM pilots UNION SELECT name FROM users').all() as {
				t: string | null;
			}[]
		)
			.map((r) => r.t?.replace(/\s+/g, ' ').trim())
			.filter((t): t is string => !!t);
		pilot = (
			db
				.prepare(
					"INSERT INTO pilots (municipality, council_type, snapshot_id, variant, roles, status, owner_id) VALUES (?, 'clientenraad', ?, 'short', ?, 'open', 1) RETURNING id"
				)
				.get(`Taalstad ${suffix}`, first.snapshot_id, first.roles) as { id: number }
		).id;
	} finally {
		db.close();
	}
	const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE, accept: 'text/html' }, maxRedirects: 0 });
	try {
		expect((await api.post('/login', { form: ADMIN })).status()).toBe(303);
		expect((await api.post(`/pilots/${pilot}/links?/create`, { form: { role: 'raad', count: '1' } })).status()).toBeLessThan(400);
		const token = (await (await api.get(`/pilots/${pilot}/links.csv`)).text()).match(/\/s\/([A-Za-z0-9_-]{22})/)![1];
		const theme = (await (await api.get(`/api/pilots/${demo}/results`)).json()).results.themes[0].id as string;
		// An action in the new pilot's plan van aanpak (before any release), with a line of progress.
		expect((await api.post(`/pilots/${pilot}/plan?/voegtoe`, { form: PLAN_ACTION_FORM })).status()).toBe(200);
		const readDb = new Database('.e2e-data/quickscan.db', { readonly: true });
		const planAction = (readDb.prepare('SELECT id FROM plan_actions WHERE pilot_id = ?').get(pilot) as { id: number }).id;
		readDb.close();
		const progress = { datum: '2024-05-01', tekst: 'Eerste overleg gehouden.' };
		expect((await api.post(`/pilots/${pilot}/plan/${planAction}?/voortgang`, { form: progress })).status()).toBe(200);
		typed.push(PLAN_ACTION_FORM.titel, PLAN_ACTION_FORM.waarom, progress.tekst);
		// A vote open on the demo pilot (or the one an earlier part opened), for the ballot page.
		expect((await api.post(`/pilots/${demo}/gesprek/stemmen?/open`, { form: {} })).status()).toBeLessThan(500);
		const read = new Database('.e2e-data/quickscan.db', { readonly: true });
		const vote = (read.prepare('SELECT code FROM votes WHERE pilot_id = ? AND closed_at IS NULL').get(demo) as { code: string }).code;
		read.close();
		return { demo, theme, pilot, token, resetToken: `onbekende-link-${suffix}`, typed, planAction, vote };
	} finally {
		await api.dispose();
	}
}

const pilotPages = (p: Places) => [
	'/pilots',
	'/pilots/nieuw',
	`/pilots/${p.pilot}`,
	`/pilots/${p.pilot}/bewerken`,
	`/pilots/${p.pilot}/links`,
	`/pilots/${p.pilot}/brieven`,
	`/pilots/${p.pilot}/papier`,
	`/pilots/${p.pilot}/invoer?rol=raad`,
	`/pilots/${p.pilot}/import`,
	`/pilots/${p.pilot}/plan`,
	`/pilots/${p.pilot}/plan/${p.planAction}`
];
const resultAndAdminPages = (p: Places) => [
	`/pilots/${p.demo}`,
	`/pilots/${p.demo}/uitkomsten`,
	`/pilots/${p.demo}/uitkomsten/thema/${p.theme}`,
	`/pilots/${p.demo}/gesprek`,
	`/pilots/${p.demo}/gesprek/presentatie/1`,
	`/pilots/${p.demo}/gesprek/presentatie/2`,
	`/pilots/${p.demo}/verslag`,
	`/pilots/${p.demo}/plan`,
	`/pilots/${p.demo}/gesprek/stemmen`,
	`/pilots/${p.demo}/benchmark`,
	'/beheer',
	'/beheer/logboek',
	'/beheer/programma',
	'/pilots/999999'
];
const respondentPages = (p: Places) => [`/s/${p.token}`, `/s/${p.token}/1`, `/s/${p.token}/controle`];
const publicPages = (p: Places) => [
	'/',
	'/login',
	'/code',
	'/stem',
	`/stem/${p.vote}`,
	`/wachtwoord/${p.resetToken}`,
	'/s/AAAAAAAAAAAAAAAAAAAAAA',
	'/bestaat-niet'
];

type Part = 'public' | 'pilots' | 'results';
const PARTS: Record<Part, string> = {
	public: 'the start, login and error pages and the questionnaire',
	pilots: 'the pilot pages',
	results: 'the results and the administration'
};

/** One part of the site in one language; each part is a test of its own, so each stays short. */
async function walk(page: Page, locale: Locale, part: Part, axe: boolean) {
	const places = await setUp();
	const foreign = foreignPieces(locale === 'en' ? 'nl' : 'en');
	expect(foreign.length).toBeGreaterThan(100);
	const found: string[] = [];
	const visit = async (url: string) => {
		await page.goto(url);
		await expect(page.locator('html'), url).toHaveAttribute('lang', locale);
		let text = await pageText(page);
		for (const t of places.typed) text = text.replaceAll(t, ' ');
		for (const piece of foreign) if (text.includes(piece)) found.push(`${url}: "${piece}"`);
		if (axe) await expectAccessible(page);
	};

	// The language is chosen once with ?taal=, and remembered in a cookie from then on.
	await page.goto(`/?taal=${locale}`);
	if (part === 'public') {
		for (const url of publicPages(places)) await visit(url);
		for (const url of respondentPages(places)) await visit(url);
		// One answer, saved by the page's own "to the overview" button, then handed in: the thank-you page.
		await open(page, `/s/${places.token}/1`);
		await page.locator('input[type="radio"]').first().check();
		await page.locator('button[name="richting"][value="controle"]').click();
		await expect(page).toHaveURL(/\/controle$/);
		await page.locator('form[action$="submit"] button[type="submit"]').click();
		await expect(page).toHaveURL(/\/klaar$/);
		await visit(`/s/${places.token}/klaar`);
	} else {
		// Logging in by the fields' ids: the labels are in the language under test.
		await open(page, '/login');
		await page.locator('#email').fill(ADMIN.email);
		await page.locator('#password').fill(ADMIN.password);
		await page.locator('form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/pilots$/);
		for (const url of (part === 'pilots' ? pilotPages : resultAndAdminPages)(places)) await visit(url);
	}
	expect(found, `texts of the other language on ${locale} pages`).toEqual([]);
}

for (const part of Object.keys(PARTS) as Part[]) {
	test(`${PARTS[part]} in English show no Dutch text from the catalogue, say lang="en" and pass axe`, async ({ page }) => {
		await walk(page, 'en', part, true);
	});

	test(`${PARTS[part]} in Dutch show no English text from the catalogue, and say lang="nl"`, async ({ page }) => {
		await walk(page, 'nl', part, false);
	});

	test(`without JavaScript too, ${PARTS[part]} in English show no Dutch text from the catalogue @nojs`, async ({ page }) => {
		await walk(page, 'en', part, false);
	});
}
