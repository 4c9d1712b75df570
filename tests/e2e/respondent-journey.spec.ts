// The respondent's journey where it used to go wrong: without JavaScript a long theme page saves
// every few questions; a pilot closed while someone is answering says so, and what became of their
// answers; and on a small phone a question fits the screen with all its options and the button.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createOpenPilot, expectAccessible, login, open } from './helpers';
import { answersForLink } from './db';

/** A pilot with one personal link, made by the facilitator on `page`. */
async function pilotWithLink(page: Page, municipality: string) {
	await login(page);
	const { id, links } = await createOpenPilot(page, { municipality, links: { 'Lid van de raad': 1 } });
	return { id, link: links['Lid van de raad'][0] };
}

/** A respondent's own browser: no facilitator session, with JavaScript as the project has it. */
async function respondentPage(browser: Browser, page: Page, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
	const respondent = await context.newPage();
	return { respondent, close: () => context.close() };
}

/**
 * axe needs a script in the page, so `expectAccessible` checks the page as it is with JavaScript,
 * where a <noscript> is never rendered. This checks the page as it is without: the same HTML,
 * its scripts left out and the <noscript> parts made ordinary elements, in a page where axe can run.
 */
async function expectAccessibleWithoutScript(page: Page) {
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<(\/?)noscript>/g, '<$1div>');
	expect(html).toContain('Bewaar mijn antwoorden');
	const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
	try {
		const copy = await context.newPage();
		// At the same address, so the page's styles load as they do for the respondent.
		const address = page.url().replace(/#.*$/, '');
		await copy.route(
			(url) => url.href === address,
			(route) => route.fulfill({ contentType: 'text/html', body: html })
		);
		await copy.goto(address);
		await expect(copy.getByRole('button', { name: 'Bewaar mijn antwoorden' }).first()).toBeVisible();
		const results = await new AxeBuilder({ page: copy }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
			`axe violations without JavaScript on ${page.url()}`
		).toEqual([]);
	} finally {
		await context.close();
	}
}

test('without JavaScript a long theme page saves every few questions and comes back to the same place @nojs', async ({ page, browser }) => {
	const { link } = await pilotWithLink(page, 'Bewaardorp');
	// A wide screen: all questions of the theme on one page, many screens long.
	const { respondent, close } = await respondentPage(browser, page, { width: 1280, height: 800 });
	await open(respondent, link.replace(/\/?$/, '/1'));
	// Playwright's text matching skips what is inside a <noscript> (the browser shows it, without
	// JavaScript), so the warning and the confirmation are found by their class and read.
	const warning = respondent.locator('.qs-noscript-note');
	await expect(warning).toHaveText('Let op: uw antwoorden worden pas bewaard als u op een knop drukt.');
	await expect(warning).toBeVisible();
	// The warning is at the top: above the first question, on the first screen.
	const warningBox = (await warning.boundingBox())!;
	expect(warningBox.y + warningBox.height).toBeLessThanOrEqual(800);
	expect(warningBox.y).toBeLessThan((await respondent.getByRole('group').first().boundingBox())!.y);
	await respondent.screenshot({ path: test.info().outputPath('thema-1-zonder-js.png') });
	// A save button after every fourth question: theme 1 has 10 questions (statements, mirror questions, an open one).
	const groups = respondent.getByRole('group');
	const saveButtons = respondent.getByRole('button', { name: 'Bewaar mijn antwoorden' });
	await expect(saveButtons).toHaveCount(2);
	await expect(respondent.getByText(/^Vraag \d+ van 10 in dit thema$/)).toHaveCount(10);
	await groups.nth(0).getByRole('radio', { name: 'Eens', exact: true }).check();
	await groups.nth(1).getByRole('radio', { name: 'Oneens', exact: true }).check();
	await groups.nth(2).getByRole('radio', { name: 'Weet niet', exact: true }).check();
	expect(answersForLink(link)).toEqual([]);
	await expectAccessibleWithoutScript(respondent);
	await saveButtons.first().click();

	// Saved, and back at the same place: the button that was pressed, with the fifth question below it.
	await expect(respondent).toHaveURL(/\/1\?vraag=5&bewaard=1#bewaar-5$/);
	const saved = respondent.locator('.qs-saved');
	await expect(saved).toHaveText('✓ Uw antwoorden zijn opgeslagen.');
	await expect(saved).toBeInViewport();
	await respondent.screenshot({ path: test.info().outputPath('bewaard-zonder-js.png') });
	await expect(respondent.getByText('Vraag 5 van 10 in dit thema', { exact: true })).toBeInViewport();
	await expect(respondent.getByText('Vraag 1 van 10 in dit thema', { exact: true })).not.toBeInViewport();
	expect(answersForLink(link).map((a) => `${a.key}=${a.score ?? 'weet niet'}`)).toEqual([
		'doel-1=4',
		'doel-1.spiegel=2',
		'doel-2=weet niet'
	]);
	await expectAccessibleWithoutScript(respondent);

	// The page opened anew (the browser closed, the link opened again later): the answers are there.
	const again = await respondent.context().newPage();
	await open(again, link.replace(/\/?$/, '/1'));
	await expect(again.getByRole('group').nth(0).getByRole('radio', { name: 'Eens', exact: true })).toBeChecked();
	await expect(again.getByRole('group').nth(1).getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();
	await expect(again.getByRole('group').nth(2).getByRole('radio', { name: 'Weet niet', exact: true })).toBeChecked();
	await expect(again.locator('.qs-saved')).toHaveCount(0);
	await close();
});

test('with JavaScript the theme page has no save buttons of its own: each answer is saved as it is given', async ({ page, browser }) => {
	const { link } = await pilotWithLink(page, 'Autosavestad');
	const { respondent, close } = await respondentPage(browser, page, { width: 1280, height: 800 });
	await open(respondent, link.replace(/\/?$/, '/1'));
	await expect(respondent.getByRole('group')).toHaveCount(9);
	await expect(respondent.getByRole('button', { name: 'Bewaar mijn antwoorden' })).toHaveCount(0);
	await expect(respondent.locator('.qs-noscript-note')).toHaveCount(0);
	await respondent.getByRole('group').first().getByRole('radio', { name: 'Eens', exact: true }).check();
	await expect(respondent.getByText('Uw antwoorden zijn opgeslagen.')).toBeVisible();
	expect(answersForLink(link)).toEqual([{ key: 'doel-1', score: 4, dont_know: 0, text: null }]);
	await close();
});

/** The facilitator closes the pilot on its page, as they would. */
async function closePilot(page: Page, id: number) {
	await open(page, `/pilots/${id}`);
	await page.getByLabel('Ja, sluit de vragenlijst').check();
	await page.getByRole('button', { name: 'Sluit de vragenlijst' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'De vragenlijst is gesloten.' })).toBeVisible();
}

const CLOSED_UNSENT =
	'De vragenlijst is gesloten. U kunt geen antwoorden meer geven. U had uw antwoorden nog niet ingeleverd. Daarom tellen ze niet mee.';

test('a pilot closed while someone is answering: saving and "Volgende" say it is closed, not that the connection is gone', async ({
	page,
	browser
}) => {
	const contact = 'Bureau cliëntenraad, 0123 45 67 89';
	await login(page);
	const { id, links } = await createOpenPilot(page, { municipality: 'Sluitstad', links: { 'Lid van de raad': 1 }, contact });
	const link = links['Lid van de raad'][0];
	const { respondent, close } = await respondentPage(browser, page, { width: 1280, height: 800 });
	await open(respondent, link.replace(/\/?$/, '/1'));
	await respondent.getByRole('group').nth(0).getByRole('radio', { name: 'Eens', exact: true }).check();
	await expect(respondent.getByText('Uw antwoorden zijn opgeslagen.')).toBeVisible();

	await closePilot(page, id);

	// The next answer is refused: the page says why, and what became of the answers saved before.
	await respondent.getByRole('group').nth(1).getByRole('radio', { name: 'Oneens', exact: true }).check();
	await expect(respondent.getByRole('status').filter({ hasText: 'Niet opgeslagen.' })).toHaveText(`Niet opgeslagen. ${CLOSED_UNSENT}`);
	// "Volgende" leads to the page that says the questionnaire is closed, and whom to ask.
	await respondent.getByRole('button', { name: 'Volgende', exact: true }).click();
	await expect(respondent.getByRole('heading', { level: 1, name: 'De vragenlijst is gesloten' })).toBeVisible();
	await expect(respondent.getByText(CLOSED_UNSENT)).toBeVisible();
	await expect(respondent.getByText(`Neem dan contact op met: ${contact}`)).toBeVisible();
	await expect(respondent.getByText('Er is geen verbinding')).toHaveCount(0);
	await expect(respondent).toHaveTitle('De vragenlijst is gesloten – Quickscan');
	await expectAccessible(respondent);
	// That is the truth: the answer saved before the closing is stored, and it is not handed in.
	expect(answersForLink(link)).toEqual([{ key: 'doel-1', score: 4, dont_know: 0, text: null }]);
	await close();
});

test('a pilot closed while someone is answering without JavaScript: the next button says it is closed @nojs', async ({ page, browser }) => {
	await login(page);
	const { id, links } = await createOpenPilot(page, { municipality: 'Sluitdorp', links: { 'Lid van de raad': 2 } });
	const [busy, notStarted] = links['Lid van de raad'];
	const { respondent, close } = await respondentPage(browser, page, { width: 1280, height: 800 });
	await open(respondent, busy.replace(/\/?$/, '/1'));
	await respondent.getByRole('group').nth(0).getByRole('radio', { name: 'Eens', exact: true }).check();
	await respondent.getByRole('button', { name: 'Bewaar mijn antwoorden' }).first().click();
	await expect(respondent.locator('.qs-saved')).toBeVisible();
	await closePilot(page, id);
	await respondent.getByRole('button', { name: 'Volgende', exact: true }).click();
	await expect(respondent.getByRole('heading', { level: 1, name: 'De vragenlijst is gesloten' })).toBeVisible();
	await expect(respondent.getByText(CLOSED_UNSENT)).toBeVisible();
	await expectAccessible(respondent);
	// Someone who never answered is not told about answers they do not have.
	const response = await respondent.goto(notStarted);
	expect(response?.status()).toBe(410);
	await expect(respondent.getByText('De vragenlijst is gesloten. U kunt geen antwoorden meer geven.', { exact: true })).toBeVisible();
	await close();
});

/** The bottom of an element in the page (not the window): within the first screen when it is at most the screen's height. */
async function bottomInPage(page: Page, selector: string): Promise<number> {
	return page.locator(selector).evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
}

/** The current question's last option and the "Volgende vraag" button are on the first screen. */
async function expectQuestionFits(page: Page, height: number, what: string) {
	const step = '.qs-step--current';
	await expect(page.locator(`${step} input[type=radio]`)).toHaveCount(6);
	const lastOption = await bottomInPage(page, `${step} .qs-option:last-child`);
	const next = await bottomInPage(page, 'button[value="volgende-vraag"]');
	expect(lastOption, `last option of ${what}`).toBeLessThanOrEqual(height);
	expect(next, `"Volgende vraag" under ${what}`).toBeLessThanOrEqual(height);
}

test('on a small phone (360 by 640) the first question of every theme fits the screen, all options and the button', async ({
	page,
	browser
}) => {
	const { link } = await pilotWithLink(page, 'Kleinschermdorp');
	const size = { width: 360, height: 640 };
	const { respondent, close } = await respondentPage(browser, page, size);
	const themes = 8;
	for (let n = 1; n <= themes; n++) {
		await open(respondent, link.replace(/\/?$/, `/${n}`));
		await expect(respondent.getByText(`Thema ${n} van ${themes}`, { exact: true })).toBeVisible();
		await expect(respondent.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
		await respondent.screenshot({ path: test.info().outputPath(`thema-${n}-vraag-1-360x640.png`) });
		await expectQuestionFits(respondent, size.height, `theme ${n}`);
		if (n === 1) await expectAccessible(respondent);
	}
	// The longest statement of the scan, reached with "Volgende vraag" as a respondent would.
	await open(respondent, link.replace(/\/?$/, '/6'));
	const longest = 'De raad hoort ook moeilijk bereikbare groepen, zoals jongeren of mensen met een beperking.';
	while (!(await respondent.locator('.qs-step--current legend').textContent())?.includes(longest))
		await respondent.getByRole('button', { name: 'Volgende vraag' }).click();
	await expectQuestionFits(respondent, size.height, 'the longest statement');
	await respondent.screenshot({ path: test.info().outputPath('langste-stelling-360x640.png') });

	// A larger phone has room to spare; at 200% zoom (640 by 400) the page may scroll, but shows all of it.
	await respondent.setViewportSize({ width: 390, height: 844 });
	await open(respondent, link.replace(/\/?$/, '/1'));
	await expectQuestionFits(respondent, 844, 'theme 1 at 390 by 844');
	await respondent.screenshot({ path: test.info().outputPath('thema-1-vraag-1-390x844.png') });
	await respondent.setViewportSize({ width: 640, height: 400 });
	await expect(respondent.getByText('Het doel van de raad en wat hij oplevert', { exact: true })).toBeVisible();
	// The instruction is below the buttons in this layout, not gone.
	await expect(respondent.getByText('Kies bij elke stelling wat het beste past.').filter({ visible: true })).toHaveCount(1);
	await expect(respondent.getByRole('button', { name: 'Volgende vraag' })).toBeVisible();
	await close();
});
