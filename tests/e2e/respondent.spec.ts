// The respondent's journey: a council member on a phone, with and without JavaScript, stopping
// halfway and going on elsewhere, losing the connection, and links that no longer work.
import { expect, test, type Page } from '@playwright/test';
import { answerPage, createOpenPilot, expectAccessible, login, open } from './helpers';
import { answersForLink, responseStatusForLink } from './db';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Content reflows at phone width (and so at 200% zoom): nothing needs sideways scrolling. */
async function expectNoSideways(page: Page) {
	const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
	expect(scrollWidth, `page is wider than the screen at ${page.url()}`).toBeLessThanOrEqual(width);
}

/** Walks from the intro through every theme page to the thank-you page, checking each with axe. */
async function completeQuestionnaire(page: Page, link: string) {
	await open(page, link);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Quickscan');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
	const total = Number((await page.getByText(/^Thema 1 van \d+$/).textContent())!.match(/van (\d+)/)![1]);
	for (let n = 1; n <= total; n++) {
		await expect(page.getByText(`Thema ${n} van ${total}`, { exact: true })).toBeVisible();
		if (n === 1) {
			// On a phone, one question at a time, with JavaScript and without.
			await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
			await expect(page.getByRole('group')).toHaveCount(1);
		}
		if (n === 2 && test.info().project.use.javaScriptEnabled === false) {
			// Without JavaScript each question is a page load: from here on the whole theme at once (remembered).
			await page.getByRole('button', { name: 'Toon alle vragen van dit thema' }).click();
			await expect(page.getByRole('button', { name: 'Toon één vraag tegelijk' })).toBeVisible();
		}
		await answerPage(page, (i) => ['Eens', 'Oneens', 'Weet niet', 'Helemaal eens'][i % 4]);
		if (n === 1) await expectAccessible(page);
		await expectNoSideways(page);
		await page
			.getByRole('button', { name: n === total ? 'Naar het overzicht' : 'Volgende' })
			.first()
			.click();
	}
	await expect(page.getByRole('heading', { name: 'Overzicht' })).toBeVisible();
	await expect(page.getByText('U heeft alle vragen beantwoord.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Lever mijn antwoorden in' }).click();
	await expect(page.getByRole('heading', { name: 'Bedankt voor het invullen!' })).toBeVisible();
	await expectAccessible(page);
	return total;
}

test('a council member completes the full scan on a phone, with JavaScript', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Telefoonstad', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	const pages = await completeQuestionnaire(page, link);
	expect(pages).toBe(8);
	// 48 statements, 24 mirror questions, the ladder twice and 9 open questions.
	const stored = answersForLink(link);
	expect(stored).toHaveLength(48 + 24 + 2 + 9);
	expect(stored.find((a) => a.key === 'doel-1')?.score).toBe(4);
	expect(stored.find((a) => a.key === 'doel-1.spiegel')?.score).toBe(2);
	expect(stored.filter((a) => a.text !== null)[0].text).toContain('met een komma, en "aanhalingstekens".');
	expect(responseStatusForLink(link)).toBe('submitted');
	// The link now only shows the thank-you page, and answers can no longer change.
	await page.goto(link.replace(/\/?$/, '/1'));
	await expect(page.getByRole('heading', { name: 'Bedankt voor het invullen!' })).toBeVisible();
});

test('a council member completes the short scan without JavaScript @nojs', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Zonderscriptdorp', variant: 'Korte versie', links: { Gemeente: 1 } });
	const link = links['Gemeente'][0];
	await page.context().clearCookies();
	await completeQuestionnaire(page, link);
	const stored = answersForLink(link);
	// Short version: 24 statements, their 24 mirror questions, the ladder twice, 9 open questions.
	expect(stored).toHaveLength(24 + 24 + 2 + 9);
	expect(responseStatusForLink(link)).toBe('submitted');
});

test('without JavaScript an open answer is shown again when going back, and kept when going on @nojs', async ({ page }) => {
	// On a wide screen, where a theme is one page.
	await page.setViewportSize({ width: 1280, height: 800 });
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Terugbladerdorp', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	const text = 'Wij willen eerder meepraten, niet pas aan het eind.';
	await page.getByRole('textbox').first().fill(text);
	await page.getByRole('button', { name: 'Volgende', exact: true }).click();
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Vorige', exact: true }).click();
	await expect(page.getByText('Thema 1 van 8', { exact: true })).toBeVisible();
	await expect(page.getByRole('textbox').first()).toHaveValue(text);
	await page.getByRole('button', { name: 'Volgende', exact: true }).click();
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	expect(answersForLink(link).find((a) => a.text !== null)?.text).toBe(text);
});

test('a respondent stops halfway and goes on in another browser with the answers in place', async ({ page, browser }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Halverwege', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await page.goto(link);
	await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
	await expect(page.getByText('Thema 1 van 8', { exact: true })).toBeVisible();
	await answerPage(page, () => 'Helemaal oneens');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	// Half of page 2, saved by autosave only: no button is pressed.
	const first = page.getByRole('group').first();
	await first.getByRole('radio', { name: 'Oneens', exact: true }).check();
	const key = await first.getAttribute('id');
	await expect.poll(() => answersForLink(link).some((a) => `v-${a.key}` === key)).toBe(true);

	const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page2 = await other.newPage();
	await page2.goto(link);
	await page2.getByRole('link', { name: 'Ga verder waar u was gebleven' }).click();
	await expect(page2.getByText('Thema 2 van 8', { exact: true })).toBeVisible();
	await expect(page2.locator(`#${key}`).getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();
	await expectAccessible(page2);
	await page2.getByRole('button', { name: 'Vorige' }).click();
	await expect(page2.getByText('Thema 1 van 8', { exact: true })).toBeVisible();
	const checked = await page2.getByRole('radio', { checked: true }).count();
	const groups = await page2.getByRole('group').count();
	expect(checked).toBe(groups);
	await other.close();
});

test('an answer given while the connection is gone is kept and saved when it returns', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Geenverbinding', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	await page.context().setOffline(true);
	await page.getByRole('group').first().getByRole('radio', { name: 'Helemaal eens', exact: true }).check();
	await expect(page.getByText('Let op: niet opgeslagen.')).toBeVisible();
	await expect(page.getByRole('group').first().getByRole('radio', { name: 'Helemaal eens', exact: true })).toBeChecked();
	expect(answersForLink(link)).toHaveLength(0);
	// Going on fails too, says so, and leaves focus on the button for another try.
	await page.getByRole('button', { name: 'Naar het overzicht' }).click();
	await expect(page.getByText(/^Er is geen verbinding\. Uw antwoorden staan nog op het scherm\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Naar het overzicht' })).toBeFocused();
	// Back online: the browser's "online" event makes the page try again at once.
	await page.context().setOffline(false);
	await expect(page.getByText('Uw antwoorden zijn opgeslagen.')).toBeVisible();
	expect(answersForLink(link)).toEqual([{ key: 'doel-1', score: 5, dont_know: 0, text: null }]);
});

test('a group link lets a respondent choose a role and gives a personal link to go on with', async ({ page }) => {
	await login(page);
	const { id } = await createOpenPilot(page, { municipality: 'Groepslinkstad' });
	await open(page, `/pilots/${id}/links`);
	await page.getByLabel('Voor wie is de groepslink?').selectOption({ label: 'Alle rollen (de deelnemer kiest zelf)' });
	await page.getByRole('button', { name: /groepslink/i }).click();
	await expect(page.getByRole('status')).toContainText('De groepslink voor alle rollen is gemaakt');
	const groupUrl = await page.getByRole('row').filter({ hasText: 'Groep' }).getByRole('textbox').first().inputValue();
	await page.context().clearCookies();
	await open(page, groupUrl);
	await page.getByRole('radio', { name: 'medewerker of manager van de gemeente' }).check();
	await page.getByRole('button', { name: 'Begin met de vragenlijst' }).click();
	await expect(page.getByText('Dit is uw persoonlijke link.')).toBeVisible();
	const personal = page.url().replace(/\?.*$/, '');
	expect(personal).not.toBe(groupUrl);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
	await expect(page.getByText(/^Thema 1 van \d+$/)).toBeVisible();
	// The gemeente's mirror question asks about the council (on a phone it is the second question).
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	await expect(page.getByText('Wat denkt u dat de raad hier antwoordt?').first()).toBeVisible();
});

test('unknown and revoked links get a friendly page with the right status', async ({ page }) => {
	const unknown = await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAA');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Link niet gevonden' })).toBeVisible();
	await expectAccessible(page);

	await login(page);
	const contact = 'Bureau cliëntenraad, 0123 45 67 89';
	const { id, links } = await createOpenPilot(page, { municipality: 'Intrekdorp', links: { 'Lid van de raad': 2 }, contact });
	await open(page, `/pilots/${id}/links`);
	const textbox = page.getByRole('textbox', { name: /^Link nummer \d+$/ });
	const values = await textbox.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
	const name = await textbox.nth(values.indexOf(links['Lid van de raad'][0])).getAttribute('id');
	const row = page.getByRole('row').filter({ has: page.locator(`#${name}`) });
	await row.locator('summary').click();
	await row.getByRole('checkbox').check();
	await row.getByRole('button', { name: /intrekken/ }).click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: /ingetrokken/i })
			.first()
	).toBeVisible();
	await page.context().clearCookies();
	const revoked = await page.goto(links['Lid van de raad'][0]);
	expect(revoked?.status()).toBe(410);
	await expect(page.getByRole('heading', { name: 'Deze link werkt niet meer' })).toBeVisible();
	await expect(page.getByText(`Neem dan contact op met: ${contact}`)).toBeVisible();
	await expectAccessible(page);
	// The other link still works, and its intro says whom to ask too.
	expect((await page.goto(links['Lid van de raad'][1]))?.status()).toBe(200);
	await expect(page.getByText(`Vragen? Neem contact op met: ${contact}`)).toBeVisible();
	// The contact can change while the pilot is open (someone goes on leave); too long is refused in Dutch.
	await login(page);
	await open(page, `/pilots/${id}`);
	const field = page.getByLabel('Bij wie kunnen deelnemers terecht met vragen? (niet verplicht)');
	// The browser stops at 200 characters; the server checks too, for a form sent some other way.
	await field.evaluate((el) => el.removeAttribute('maxlength'));
	await field.fill('x'.repeat(201));
	await page.getByRole('button', { name: 'Contact opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Gebruik hoogstens 200 tekens.');
	await field.fill('Jan Jansen, 0123 98 76 54');
	await page.getByRole('button', { name: 'Contact opslaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Het contact is opgeslagen.' })).toBeVisible();
	await expectAccessible(page);
	await page.context().clearCookies();
	await page.goto(links['Lid van de raad'][1]);
	await expect(page.getByText('Vragen? Neem contact op met: Jan Jansen, 0123 98 76 54')).toBeVisible();
});

test('a respondent answers by keyboard alone, one question at a time on a phone', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Toetsenbord', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await open(page, link.replace(/\/?$/, '/1'));
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(1);
	// Tab to the first choice, pick the 4th option with the arrow keys, Enter for the next question
	// (the mirror question), whose first choice is then one Tab away.
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
	await expect(page.getByText(/^Vraag \d+ van \d+ in dit thema$/).filter({ visible: true })).toHaveCount(0);
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
	const step = page.getByText(/^Vraag \d+ van \d+ in dit thema$/).filter({ visible: true });
	await expect(step).toHaveText(/^Vraag 3 van/);
	await expect(page.getByRole('group')).toHaveCount(1);
	// A choice and "Volgende vraag" before the script has loaded: saved by the server, on to question 4.
	await page.getByRole('group').getByRole('radio', { name: 'Eens', exact: true }).check();
	await page.getByRole('button', { name: 'Volgende vraag' }).click();
	await expect(page).toHaveURL(/\/1\?vraag=4$/);
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

test('a link typed over with a stray character or a capital S still finds its way', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Typfoutdorp', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	await page.goto(`${link}.`);
	await expect(page).toHaveURL(link);
	await page.goto(link.replace('/s/', '/S/'));
	await expect(page).toHaveURL(link);
	const broken = await page.goto(link.slice(0, -1));
	expect(broken?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Link niet gevonden' })).toBeVisible();
	await expect(page.getByText('Typ de link dan nog eens over')).toBeVisible();
	await expectAccessible(page);
});
