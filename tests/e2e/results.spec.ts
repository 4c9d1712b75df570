// The results of the demo pilot: the overview chart with its table, reachable by keyboard, and
// nothing of a role below the minimum group size on the page or in the API.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open } from './helpers';

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

test('a pilot whose groups are all too small says so instead of showing figures', async ({ page }) => {
	await login(page);
	await open(page, '/pilots/nieuw');
	await page.getByLabel('Naam van de gemeente').fill('Kleindorp');
	await page.getByRole('radio', { name: 'Een aparte cliëntenraad werk en inkomen' }).check();
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+/);
	// No figures before they are released; closing the questionnaire releases them.
	await expect(page.getByText('Er zijn nog geen uitkomsten.')).toBeVisible();
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
