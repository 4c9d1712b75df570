// The results of the demo pilot: the overview chart with its table, reachable by keyboard, and
// nothing of a role below the minimum group size on the page or in the API; the same in English;
// the pages run no SvelteKit JavaScript, only the PNG download's own small script.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ADMIN, expectAccessible, expectPngDownload, login, open } from './helpers';

test('the demo pilot shows its theme scores as a chart with a table, and hides small groups', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Uitkomsten');
	await expect(page.getByText('Een foto voor het gesprek, geen onderzoek.')).toBeVisible();
	const chart = page.getByRole('img', { name: 'Gemiddelde score per thema en per groep' });
	await expect(chart).toBeVisible();
	// Ondersteuner (3) and wethouder (1) are below k = 5 in the demo.
	await expect(page.getByText('Ondersteuner van de raad: te weinig antwoorden').first()).toBeVisible();
	await expectAccessible(page);

	// The table opens with the keyboard and holds a figure per theme for the groups shown.
	const summary = page.locator('summary', { hasText: 'Tabel' }).first();
	await summary.focus();
	await page.keyboard.press('Enter');
	const table = page.getByRole('table', { name: 'Gemiddelde score per thema en per groep' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('row')).toHaveCount(9);
	const firstRow = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
	expect(firstRow[0]).toMatch(/^\d,\d$/);
	expect(firstRow[1]).toBe('te weinig antwoorden');
	await expectAccessible(page);

	// The spinnenweb shows the same scores, in scan order, behind its own toggle, with a table.
	await page.locator('summary', { hasText: 'Dezelfde scores als spinnenweb' }).focus();
	await page.keyboard.press('Enter');
	const radar = page.getByRole('img', { name: 'Spinnenweb: gemiddelde score per thema en per groep' });
	await expect(radar).toBeVisible();
	const radarSummary = page.locator('summary', { hasText: 'Tabel: Spinnenweb' });
	await radarSummary.focus();
	await page.keyboard.press('Enter');
	const radarTable = page.getByRole('table', { name: 'Spinnenweb: gemiddelde score per thema en per groep' });
	await expect(radarTable.getByRole('row')).toHaveCount(9);
	expect(await radarTable.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(firstRow);
	const radarSvg = await page.request.get(
		(await page.getByRole('link', { name: /^Download als SVG.*Spinnenweb/ }).getAttribute('href')) as string
	);
	expect(radarSvg.headers()['content-type']).toContain('image/svg+xml');
	expect(await radarSvg.text()).toContain('Spinnenweb: gemiddelde score per thema en per groep');
	await expectAccessible(page);

	// Exports are offered; the raw answers only to those who manage the pilot (the admin here).
	await expect(page.getByRole('heading', { name: 'Exporteren' })).toBeVisible();
	await expect(page.locator('a[href$="/uitkomsten/export/uitkomsten.xlsx"]')).toBeVisible();
	await expect(page.locator('a[href$="/uitkomsten/export/antwoorden.csv"]')).toBeVisible();

	// The API says the same, and carries nothing of the suppressed roles.
	const id = new URL(page.url()).pathname.split('/')[2];
	const body = await (await page.request.get(`/api/pilots/${id}/results`)).json();
	const roles = body.results.roles as { role: string; suppressed: boolean; respondents: number | null }[];
	expect(
		roles
			.filter((r) => r.suppressed)
			.map((r) => r.role)
			.sort()
	).toEqual(['bestuur', 'ondersteuner']);
	expect(roles.find((r) => r.role === 'raad')!.respondents).toBe(9);
	for (const theme of body.results.themes) {
		for (const role of ['bestuur', 'ondersteuner']) {
			expect(theme.scores[role]).toBeNull();
			for (const item of theme.items) {
				expect(item.byRole[role]).toBeNull();
				expect(item.comparisons.some((c: { a: string; b: string }) => c.a === role || c.b === role)).toBe(false);
				expect(item.mirrors.some((m: { role: string; target: string }) => m.role === role || m.target === role)).toBe(false);
			}
			for (const open of theme.open) expect(open.byRole[role]).toBeNull();
		}
	}
	const pageMean = firstRow[0].replace(',', '.');
	expect(body.results.themes[0].scores.raad.toFixed(1)).toBe(pageMean);
});

/** The scripts of this document: the files it loaded (from the browser's own record) and its script elements. */
async function scripts(page: Page): Promise<{ loaded: string[]; elements: string[] }> {
	const loaded = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => new URL(e.name).pathname)
			.filter((path) => path.endsWith('.js'))
	);
	const elements = await page.locator('script').evaluateAll((els) => els.map((el) => el.getAttribute('src') ?? 'inline'));
	return { loaded, elements };
}

test('the overview and the theme pages run no SvelteKit JavaScript, only the small script behind "Download als PNG"', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page).toHaveURL(/\/uitkomsten$/);
	const base = new URL(page.url()).pathname;
	// The link loads the page anew, so what this document loaded is the results page's own.
	await page.locator('html.js').waitFor({ state: 'attached' });
	const png = expect.stringMatching(/^\/_app\/immutable\/assets\/png-download\.[\w-]+\.js$/);
	expect(await scripts(page)).toEqual({ loaded: [png], elements: [png] });
	await expectPngDownload(page);

	for (const url of [`${base}/thema/invloed`, `${base}?volgorde=verschil&maat=eens`]) {
		await open(page, url);
		expect(await scripts(page), url).toEqual({ loaded: [png], elements: [png] });
	}
});

test('a results page that the browser renders itself (after logging in from a link to it) still downloads a PNG', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+$/);
	const results = `${new URL(page.url()).pathname}/uitkomsten`;
	await page.context().clearCookies();
	// The login form is enhanced: its redirect is followed by SvelteKit's router, without a page load.
	await open(page, `/login?terug=${encodeURIComponent(results)}`);
	await page.getByLabel('E-mailadres').fill(ADMIN.email);
	await page.getByLabel('Wachtwoord').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(new RegExp(`${results}$`));
	expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name)).toMatch(/\/login\?terug=/);
	await expectPngDownload(page);
});

test('a pilot whose groups are all too small says so instead of showing figures', async ({ page }) => {
	await login(page);
	await open(page, '/pilots/nieuw');
	await page.getByLabel('Naam van de gemeente').fill('Kleindorp');
	await page.getByRole('radio', { name: 'Een aparte cliëntenraad werk en inkomen' }).check();
	// The compared roles always take part: no box to untick, said in the group's description.
	const roles = page.getByRole('group', { name: 'Wie vullen de vragenlijst in?' });
	await expect(roles.getByRole('checkbox')).toHaveCount(2);
	await expect(roles.getByRole('checkbox', { name: 'Wethouder' })).toBeVisible();
	await expect(roles.getByRole('checkbox', { name: /Lid van de raad|Gemeente/ })).toHaveCount(0);
	await expect(roles).toContainText('doen altijd mee');
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+/);
	// No figures before they are released; closing the questionnaire releases them.
	await expect(page.getByText('Er zijn nog geen uitkomsten.')).toBeVisible();
	// Opening fixes the settings: it asks first.
	await page.getByRole('button', { name: 'Open de vragenlijst' }).click();
	await expect(page.getByText('Vink aan dat u de vragenlijst wilt openen.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Wijzigen', exact: true })).toBeVisible();
	await page.getByLabel('Ja, open de vragenlijst').check();
	await page.getByRole('button', { name: 'Open de vragenlijst' }).click();
	await page.getByLabel('Ja, sluit de vragenlijst').check();
	await page.getByRole('button', { name: 'Sluit de vragenlijst' }).click();
	await expect(page.getByRole('status')).toContainText('De uitkomsten zijn vrijgegeven (versie 1)');
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page.getByText('Er zijn nog geen groepen met genoeg ingeleverde vragenlijsten.')).toBeVisible();
	await expect(page.getByRole('img')).toHaveCount(0);
	await expectAccessible(page);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the theme scores get a layout of their own, and no page needs sideways scrolling', async ({ page }) => {
		await login(page);
		await page
			.getByRole('link', { name: /Voorbeeldstad \(demo\)/ })
			.first()
			.click();
		await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
		await expect(page).toHaveURL(/\/uitkomsten$/);
		const base = new URL(page.url()).pathname;
		// One chart for the theme scores is shown: the narrow one, whose whole width is the 1–5 scale.
		const charts = page.getByRole('img', { name: /^Gemiddelde score per thema en per groep/ });
		await expect(charts).toHaveCount(1);
		expect(await charts.getAttribute('viewBox')).toMatch(/^0 0 400 /);
		const box = (await charts.boundingBox())!;
		expect(box.width).toBeLessThanOrEqual(390);
		// So does the heatmap; the spinnenweb keeps its width and scrolls sideways, and says so.
		expect(await page.getByRole('img', { name: /^Gemiddelde per stelling en per groep/ }).getAttribute('viewBox')).toMatch(/^0 0 400 /);
		await page.getByText('Dezelfde scores als spinnenweb').click();
		await expect(page.getByText('Schuif de grafiek opzij om alles te zien, of open de tabel hieronder.')).toBeVisible();
		for (const url of [base, `${base}/thema/achterban`, `${base}/thema/invloed`]) {
			await open(page, url);
			const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
			expect(scrollWidth, url).toBeLessThanOrEqual(width);
			await expectAccessible(page);
		}
		// The statement, ladder and mirror charts have a narrow layout too.
		for (const name of [/^Stelling \d+: /, /^Ladder: /, /^Spiegelvragen: /])
			expect(await page.getByRole('img', { name }).first().getAttribute('viewBox'), String(name)).toMatch(/^0 0 400 /);
		// The mirror chart says in words whether an expectation was too high or too low.
		await expect(
			page
				.getByRole('img', { name: /^Spiegelvragen/ })
				.locator('text', { hasText: /verwachting (\d,\d te (hoog|laag)|klopt)/ })
				.first()
		).toBeAttached();
	});
});

/** The Dutch phrases of the results catalogue (the parts between placeholders) that English never uses. */
function dutchPhrases(): string[] {
	const read = (lang: string) => JSON.parse(readFileSync(`messages/results/${lang}.json`, 'utf8')) as Record<string, unknown>;
	const texts = (value: unknown): string[] =>
		typeof value === 'string' ? [value] : (value as { match: Record<string, string> }[]).flatMap((v) => Object.values(v.match));
	const [nl, en] = [read('nl'), read('en')];
	const english = Object.values(en).flatMap(texts).join('\n');
	return Object.entries(nl)
		.filter(([key]) => key.startsWith('res_'))
		.flatMap(([, value]) => texts(value))
		.flatMap((text) => text.split(/\{\w+\}/))
		.map((chunk) => chunk.trim())
		.filter((chunk) => chunk.length >= 12 && !english.includes(chunk));
}

async function expectNoDutch(page: Page) {
	const body = await page.locator('main').innerText();
	const found = dutchPhrases().filter((phrase) => body.includes(phrase));
	expect(found, page.url()).toEqual([]);
}

test('the results speak English when asked: pages, charts, tables, numbers and downloads', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page).toHaveURL(/\/uitkomsten$/);
	const base = new URL(page.url()).pathname;
	await open(page, `${base}?taal=en`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveTitle(/^Results – Voorbeeldstad \(demo\) – /);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results: Voorbeeldstad (demo)');
	await expect(page.getByText('A snapshot for the conversation, not research.')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Average score per theme and per group' })).toBeVisible();
	await page.locator('summary', { hasText: 'Table' }).first().click();
	const table = page.getByRole('table', { name: 'Average score per theme and per group' });
	const firstRow = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
	expect(firstRow[0]).toMatch(/^\d\.\d$/);
	expect(firstRow[1]).toBe('too few answers');
	await expectNoDutch(page);
	await expectAccessible(page);

	await open(page, `${base}/thema/invloed`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByText(/^Theme \d+ of \d+ · Voorbeeldstad \(demo\)/)).toBeVisible();
	await expect(page.getByRole('img', { name: /^Statement \d+: / }).first()).toBeVisible();
	await expect(page.getByRole('img', { name: /^Mirror questions: / })).toContainText(/expectation (\d\.\d too (high|low)|correct)/);
	await expect(page.getByRole('navigation', { name: 'Order of the statements' })).toBeVisible();
	await expectNoDutch(page);
	await expectAccessible(page);

	// The downloads carry the request's language too: the SVG file's words, the workbook's sheets.
	const link = page.getByRole('link', { name: /^Download as SVG/ }).first();
	const svg = await (await page.request.get((await link.getAttribute('href'))!)).text();
	expect(svg).toContain('A snapshot for the conversation, not research.');
	expect(svg).not.toContain('te weinig antwoorden');
	const xlsx = await page.request.get(`${base}/export/uitkomsten.xlsx`);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
	expect(workbook.worksheets.map((s) => s.name)).toEqual([
		'Participation',
		'Themes',
		'Statements',
		'Differences',
		'Mirror',
		'Ladder',
		'Open answers'
	]);
	expect((await page.request.get(`${base}/thema/bestaat-niet`)).status()).toBe(404);
});
