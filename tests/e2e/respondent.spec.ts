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
