// Shared steps for the journeys: log in as the facilitator, and check a page with axe.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const ADMIN = { email: 'beheer@quickscan.local', password: 'e2e-wachtwoord-quickscan' };

/**
 * Opens a URL and, when JavaScript runs, waits until the page is interactive. A page without a
 * script of its own (`csr = false`, such as the respondent's intro) is interactive once loaded.
 */
export async function open(page: Page, url: string) {
	const response = await page.goto(url);
	const hasScript = (await page.locator('link[rel="modulepreload"]').count()) > 0;
	if (test.info().project.use.javaScriptEnabled !== false && hasScript) await page.locator('html.js').waitFor({ state: 'attached' });
	return response;
}

/** Logs in (as the facilitator unless told otherwise) and waits until the login has landed. */
export async function login(page: Page, account: { email: string; password: string } = ADMIN) {
	await open(page, '/login');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/pilots$/);
}

/**
 * Fails the test on any WCAG 2.1 A/AA violation on the page as it is now. axe runs inside the
 * page, so in the project without JavaScript the same URL is opened with the same cookies in a
 * context with JavaScript (our pages render the same HTML on the server either way).
 */
export async function expectAccessible(page: Page) {
	if (test.info().project.use.javaScriptEnabled === false) {
		const context = await page
			.context()
			.browser()!
			.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
		try {
			const jsPage = await context.newPage();
			await jsPage.goto(page.url());
			await runAxe(jsPage);
		} finally {
			await context.close();
		}
		return;
	}
	await runAxe(page);
}

async function runAxe(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export type PilotSetup = {
	municipality: string;
	variant?: 'Volledige versie' | 'Korte versie';
	links?: Record<string, number>;
	contact?: string;
	/** The last day to answer, as YYYY-MM-DD. */
	closesOn?: string;
};

/** Creates a pilot through the facilitator's pages, opens it and makes personal links. */
export async function createOpenPilot(page: Page, setup: PilotSetup): Promise<{ id: number; links: Record<string, string[]> }> {
	await open(page, '/pilots/nieuw');
	await page.getByLabel('Naam van de gemeente').fill(setup.municipality);
	await page.getByRole('radio', { name: 'Een aparte cliëntenraad werk en inkomen' }).check();
	await page.getByRole('radio', { name: new RegExp(setup.variant ?? 'Volledige versie') }).check();
	if (setup.contact) await page.getByLabel(/Bij wie kunnen deelnemers terecht met vragen/).fill(setup.contact);
	if (setup.closesOn) await page.getByLabel('Einddatum (niet verplicht)').fill(setup.closesOn);
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+/);
	const id = Number(new URL(page.url()).pathname.split('/')[2]);
	await page.getByLabel('Ja, open de vragenlijst').check();
	await page.getByRole('button', { name: 'Open de vragenlijst' }).click();
	await expect(page.getByText('Sluit de vragenlijst').first()).toBeVisible();

	const links: Record<string, string[]> = {};
	for (const [role, count] of Object.entries(setup.links ?? {})) {
		await open(page, `/pilots/${id}/links`);
		await page.getByLabel('Voor welke rol?').selectOption({ label: role });
		await page.getByLabel('Hoeveel links?').fill(String(count));
		await page.getByRole('button', { name: 'Links maken' }).click();
		await expect(page.getByRole('status').filter({ hasText: /link/i }).first()).toBeVisible();
		await page.goto(`/pilots/${id}/links`);
		const urls = await page
			.getByRole('row')
			.filter({ hasText: role })
			.getByRole('textbox')
			.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
		links[role] = urls.filter((u) => !Object.values(links).flat().includes(u));
		expect(links[role]).toHaveLength(count);
	}
	return { id, links };
}

/** Answers every question on the current questionnaire page; `pick` chooses the option label. */
export async function answerPage(page: Page, pick: (index: number) => string = () => 'Eens') {
	// On a phone the questions come one at a time ("Volgende vraag"); elsewhere they are all on the
	// page. One call reads the options of the questions in view, so each costs one check and a click.
	// Without JavaScript (or before the script has run) "Volgende vraag" loads the next question as a
	// new page: its questions are read once it has loaded, with the styles that hide the others.
	let index = 0;
	let openIndex = 0;
	for (;;) {
		await page.waitForLoadState();
		const groups = page.getByRole('group');
		const options = await groups.evaluateAll((els) =>
			els.map((g) => [...g.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.labels?.[0]?.textContent?.trim() ?? ''))
		);
		const open = page.getByRole('textbox');
		const openCount = await open.count();
		expect(options.length + openCount, 'questions on this page').toBeGreaterThan(0);
		for (const [i, labels] of options.entries()) {
			const wanted = labels.indexOf(pick(index++));
			if (labels.length === 0) continue;
			await groups.nth(i).getByRole('radio').nth(Math.max(wanted, 0)).check();
		}
		for (let i = 0; i < openCount; i++) await open.nth(i).fill(`Antwoord ${++openIndex} met een komma, en "aanhalingstekens".`);
		const next = page.getByRole('button', { name: 'Volgende vraag' });
		if ((await next.count()) === 0) return;
		await next.click();
	}
}

/** Clicks the first "Download als PNG" and checks that a PNG file arrives. */
export async function expectPngDownload(page: Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page
			.getByRole('button', { name: /^Download als PNG/ })
			.first()
			.click()
	]);
	expect(download.suggestedFilename()).toMatch(/^quickscan-voorbeeldstad-demo-.+\.png$/);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
}

/** Whatever an earlier test left on the demo pilot's agenda: back to the draft (which asks first). */
export async function startFromDraft(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Het goede gesprek');
	const reset = page.getByRole('button', { name: 'Begin opnieuw' });
	if (await reset.isVisible()) {
		await reset.click();
		await expect(page.getByText('Vink aan dat u opnieuw wilt beginnen.')).toBeVisible();
		await page.getByLabel('Ja, begin opnieuw met het voorstel').check();
		await reset.click();
	}
	await expect(page.getByText('Dit is een voorstel.')).toBeVisible();
}
