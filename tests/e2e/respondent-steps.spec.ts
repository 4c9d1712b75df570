// The respondent's journey question by question on a phone: one question at a time with the
// keyboard, a question linked from the overview, the back button, the same layout without
// JavaScript (every button saves), and a first paint that is already the final layout.
import { expect, test, type Page } from '@playwright/test';
import { answerPage, createOpenPilot, expectAccessible, login, open } from './helpers';
import { answersForLink } from './db';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a respondent answers by keyboard alone, one question at a time on a phone', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Toetsenbord', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	// Tab to the first choice, pick the 4th option with the arrow keys, Enter for the next question
	// (the mirror question), whose first choice comes after its "Lees voor" player.
	const focusedRadio = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio');
	for (let i = 0; i < 15 && !(await focusedRadio()); i++) await page.keyboard.press('Tab');
	expect(await focusedRadio()).toBe(true);
	await page.keyboard.press('Space');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByText(/^Vraag 2 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	await expect(page.getByRole('group')).toContainText('Wat denkt u dat de gemeente hier antwoordt?');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Lees voor: vraag 2', { exact: true })).toBeFocused();
	for (let i = 0; i < 5 && !(await focusedRadio()); i++) await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await expect(page.locator('#v-doel-1 input[value="4"]')).toBeChecked();
	await expect(page.locator('#v-doel-1-spiegel input[value="1"]')).toBeChecked();
	// Focus is always visible.
	const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
	expect(outline).not.toBe('none');
	await expect
		.poll(() =>
			answersForLink(link)
				.map((a) => `${a.key}=${a.score}`)
				.sort()
		)
		.toEqual(['doel-1.spiegel=1', 'doel-1=4']);
	await expectAccessible(page);
	// "Vorige vraag" goes back with the answer in place; "Toon alle vragen" shows the whole theme.
	await page.getByRole('button', { name: 'Vorige vraag' }).click();
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group').getByRole('radio', { name: 'Eens', exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Toon alle vragen van dit thema' }).click();
	expect(await page.getByRole('group').count()).toBeGreaterThan(2);
	await expectAccessible(page);
	// And on with the keyboard: the "Volgende" button is reachable and works with Enter.
	await page.getByRole('button', { name: 'Volgende', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	// The choice to see all questions is remembered on this device (a cookie for the questionnaire's
	// pages only, so the server shows the next theme that way straight away).
	await expect(page.getByRole('button', { name: 'Toon één vraag tegelijk' })).toBeVisible();
	expect(await page.getByRole('group').count()).toBeGreaterThan(2);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'quickscan-alle-vragen');
	expect(cookie).toMatchObject({ value: '1', path: '/s' });
});

test('on a phone, a question linked from the overview opens by itself, ready to answer', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Overzichtdorp', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/2'));
	await page.getByRole('group').getByRole('radio', { name: 'Eens', exact: true }).check();
	await page.getByRole('button', { name: 'Naar het overzicht' }).click();
	await expect(page.getByRole('heading', { name: 'Overzicht' })).toBeVisible();
	// The fourth question of theme 2 is still open; its link opens that one question, with focus on it.
	const missing = page.locator('h3:has-text("Thema 2:") + ul').getByRole('link');
	const hash = new URL((await missing.nth(2).getAttribute('href'))!, 'http://x').hash;
	await missing.nth(2).click();
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	await expect(page.getByText(/^Vraag 4 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	await expect(page.getByRole('group')).toHaveAttribute('id', hash.slice(1));
	await expect(page.locator(':focus')).toHaveAttribute('id', 'vraag-3');
	await expectAccessible(page);
});

test('on a phone, the back button goes back one question, and "Vorige" returns to the last question of the theme before', async ({
	page
}) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Terugknopstad', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	const step = (n: number) => page.getByText(new RegExp(`^Vraag ${n} van \\d+ in dit thema$`));
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	await expect(step(3)).toBeVisible();
	await page.goBack();
	await expect(step(2)).toBeVisible();
	await expect(page.locator(':focus')).toHaveAttribute('id', 'vraag-1');
	await page.goForward();
	await expect(step(3)).toBeVisible();
	// "Vorige vraag" goes back through those steps, so back after it never leads forward again.
	await page.getByRole('button', { name: 'Vorige vraag' }).click();
	await expect(step(2)).toBeVisible();
	await page.goBack();
	await expect(step(1)).toBeVisible();
	// With all questions shown, the question answered last is where one-at-a-time picks up.
	await page.getByRole('button', { name: 'Toon alle vragen van dit thema' }).click();
	await page.locator('#vraag-4').getByRole('radio', { name: 'Oneens', exact: true }).check();
	await page.getByRole('button', { name: 'Toon één vraag tegelijk' }).click();
	await expect(step(5)).toBeVisible();
	await expect(page.locator('#vraag-4').getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();

	// Walk to the end of theme 1, on to theme 2, and back with "Vorige".
	await answerPage(page);
	const total = Number(
		(await page
			.getByText(/^Vraag \d+ van \d+ in dit thema$/)
			.filter({ visible: true })
			.textContent())!.match(/van (\d+)/)![1]
	);
	await page.getByRole('button', { name: 'Volgende', exact: true }).click();
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	await expect(step(1)).toBeVisible();
	await page.getByRole('button', { name: 'Vorige', exact: true }).click();
	await expect(page.getByText('Thema 1 van 8', { exact: true })).toBeVisible();
	await expect(step(total)).toBeVisible();
	await expect(page.locator(':focus')).toHaveAttribute('id', `vraag-${total - 1}`);
	// The last question of theme 1 is its open question, with the answer given before.
	await expect(page.getByRole('textbox')).toHaveValue(/^Antwoord \d+ met een komma/);
});

test('without JavaScript a phone shows one question at a time, and every button saves @nojs', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Stapdorp', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	// The server's page, laid out by CSS alone: one question, its number, and the step buttons.
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Volgende', exact: true })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Vorige vraag' })).toHaveCount(0);
	await page.getByRole('group').getByRole('radio', { name: 'Oneens', exact: true }).check();
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	// Saved, and on to the next question of the same theme, named in the address.
	await expect(page).toHaveURL(/\/1\?vraag=2$/);
	await expect(page.getByText(/^Vraag 2 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	expect(answersForLink(link)).toEqual([{ key: 'doel-1', score: 2, dont_know: 0, text: null }]);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Vorige vraag' }).click();
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group').getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();

	// "Toon alle vragen" is a setting the server knows: a cookie for the questionnaire's pages only.
	await page.getByRole('button', { name: 'Toon alle vragen van dit thema' }).click();
	await expect(page.getByRole('button', { name: 'Toon één vraag tegelijk' })).toBeVisible();
	expect(await page.getByRole('group').count()).toBeGreaterThan(2);
	// Every question keeps its number in this layout too: the one numbering of the theme pages and the overview.
	const questions = (await page.getByRole('group').count()) + (await page.getByRole('textbox').count());
	await expect(page.getByText(/^Vraag \d+ van \d+ in dit thema$/).filter({ visible: true })).toHaveCount(questions);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'quickscan-alle-vragen');
	expect(cookie).toMatchObject({ value: '1', path: '/s' });
	await page.goto(link.replace(/\/?$/, '/2'));
	expect(await page.getByRole('group').count()).toBeGreaterThan(2);
	await page.getByRole('button', { name: 'Toon één vraag tegelijk' }).click();
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	// On a wide screen the whole theme is one page, with "Volgende" for the next theme.
	await page.setViewportSize({ width: 1280, height: 800 });
	expect(await page.getByRole('group').count()).toBeGreaterThan(2);
	await expect(page.getByRole('button', { name: 'Volgende vraag' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Volgende', exact: true })).toBeVisible();
});

/** Where the questions and buttons on screen are (in the page, not the window): what must not move. */
async function layout(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.qs-step, form button')]
			.filter((el) => el.checkVisibility())
			.map((el) => {
				const box = el.getBoundingClientRect();
				return `${el.id || el.textContent?.trim()} at ${Math.round(box.x)},${Math.round(box.y + scrollY)} ${Math.round(box.width)}x${Math.round(box.height)}`;
			})
	);
}

/**
 * The browser paints nothing before a page's styles are in (they block rendering). A page without a
 * parser-blocking script (the question page's own script is async) has its DOMContentLoaded before
 * them, so a test that looks at the layout then waits for them, as the browser does before painting.
 */
async function stylesIn(page: Page) {
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null)
	);
}

test('a question page has its final layout before its script runs, and a tap before then is not lost', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Trageverbinding', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	// The intro needs no script at all.
	await page.goto(link);
	await expect(page.getByRole('link', { name: 'Begin met de vragenlijst' })).toBeVisible();
	await expect(page.locator('script[src], link[rel="modulepreload"]')).toHaveCount(0);

	// A slow phone: the page's script arrives only when the test lets it through.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue().catch(() => {});
	});
	await page.goto(link.replace(/\/?$/, '/1?vraag=3'), { waitUntil: 'domcontentloaded' });
	await stylesIn(page);
	const step = page.getByText(/^Vraag \d+ van \d+ in dit thema$/).filter({ visible: true });
	await expect(step).toHaveText(/^Vraag 3 van/);
	await expect(page.getByRole('group')).toHaveCount(1);
	// A choice and "Volgende vraag" before the script has loaded: saved by the server, on to question 4.
	await page.getByRole('group').getByRole('radio', { name: 'Eens', exact: true }).check();
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	await expect(page).toHaveURL(/\/1\?vraag=4$/);
	await stylesIn(page);
	await expect(step).toHaveText(/^Vraag 4 van/);
	await expect(page.getByRole('group')).toHaveCount(1);
	expect(answersForLink(link)).toEqual([{ key: 'doel-2', score: 4, dont_know: 0, text: null }]);
	// Then the script runs: nothing moves, and the question asked for has focus.
	const before = await layout(page);
	expect(before.length).toBeGreaterThan(2);
	release();
	await page.locator('html.js').waitFor({ state: 'attached' });
	await expect(page.locator(':focus')).toHaveAttribute('id', 'vraag-3');
	expect(await layout(page)).toEqual(before);
	await page.unroute('**/_app/immutable/**/*.js');

	// A number that is no question of this theme opens the first unanswered one, as without a number.
	await open(page, link.replace(/\/?$/, '/1?vraag=99'));
	await expect(step).toHaveText(/^Vraag 1 van/);
});
