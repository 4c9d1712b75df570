// Coming back to the questionnaire: through a group link on the same device (the answers are found
// again, someone else can start afresh, a handed-in response is not offered), "Ga verder" at the
// question after the last one answered, and an intro whose start button is in view on a small phone.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createOpenPilot, expectAccessible, login, open } from './helpers';
import { answersForLink, responseStatusForLink } from './db';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const COOKIE = 'quickscan-eigen-link';
const tokenOf = (url: string) => new URL(url).pathname.split('/')[2];

/** Makes a group link for all roles on a new open pilot, and returns its address. */
async function groupLink(page: Page, municipality: string): Promise<string> {
	await login(page);
	const { id } = await createOpenPilot(page, { municipality });
	await open(page, `/pilots/${id}/links`);
	await page.getByLabel('Voor wie is de groepslink?').selectOption({ label: 'Alle rollen (de deelnemer kiest zelf)' });
	await page.getByRole('button', { name: /groepslink/i }).click();
	await expect(page.getByRole('status')).toContainText('De groepslink voor alle rollen is gemaakt');
	const url = await page.getByRole('row').filter({ hasText: 'Groep' }).getByRole('textbox').first().inputValue();
	await page.context().clearCookies();
	return url;
}

/** Chooses a role on the group link's intro and starts: the new personal link (without ?nieuw=1). */
async function startAs(page: Page, role: string): Promise<string> {
	await page.getByRole('radio', { name: role }).check();
	await page.getByRole('button', { name: 'Begin met de vragenlijst' }).click();
	await expect(page.getByRole('heading', { name: 'Dit is uw persoonlijke link.' })).toBeVisible();
	return page.url().replace(/\?.*$/, '');
}

test('through a group link, someone who stops finds their answers again on the same device; someone else can start afresh', async ({
	page,
	browser
}) => {
	const group = await groupLink(page, 'Terugkomstad');
	await open(page, group);
	await expectAccessible(page);
	// The group link says how going on works on this channel: a link of your own, or this link on this device.
	await expect(page.getByText('Als u begint, krijgt u een eigen link.')).toBeVisible();
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	const personal = await startAs(page, 'lid van de raad');

	// The personal link in plain text, and a copy button that says it copied.
	const box = page.getByRole('region', { name: 'Dit is uw persoonlijke link.' });
	await expect(box.getByText(personal, { exact: true })).toBeVisible();
	await expect(box.getByText('Op dit apparaat kunt u ook verder via de groepslink.')).toBeVisible();
	await box.getByRole('button', { name: 'Kopieer de link' }).click();
	await expect(box.getByRole('status')).toHaveText('Gekopieerd');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(personal);
	await expectAccessible(page);

	// Five questions answered, one at a time, then the browser is closed.
	await page.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(new RegExp(`^Vraag ${n} van \\d+ in dit thema$`))).toBeVisible();
		await page.getByRole('group').getByRole('radio', { name: 'Oneens', exact: true }).check();
		await page.getByRole('button', { name: 'Volgende vraag' }).click();
	}
	await expect.poll(() => answersForLink(personal).length).toBe(5);
	const state = await page.context().storageState();
	await page.context().close();

	// The cookie holds the personal link for the group link's pages only, out of reach of scripts.
	const cookie = state.cookies.find((c) => c.name === COOKIE)!;
	expect(cookie).toMatchObject({ value: tokenOf(personal), path: new URL(group).pathname, httpOnly: true, sameSite: 'Lax', secure: false });
	const days = (cookie.expires * 1000 - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(1);
	expect(days).toBeLessThanOrEqual(90);

	// The same device (its cookies) opens the group link again: going on comes first, no role choice.
	const again = await browser.newContext({ storageState: state, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const back = await again.newPage();
	await open(back, group);
	await expect(back.getByRole('heading', { name: 'Bent u hier al begonnen?' })).toBeVisible();
	await expect(back.getByRole('radio')).toHaveCount(0);
	// To go on elsewhere, the personal link can be looked up again.
	await expect(back.getByRole('link', { name: 'Bekijk dan eerst uw persoonlijke link' })).toHaveAttribute(
		'href',
		`/s/${tokenOf(personal)}?nieuw=1`
	);
	await expectAccessible(back);
	await back.getByRole('link', { name: 'Ga verder met uw antwoorden' }).click();
	await expect(back).toHaveURL(new RegExp(`^${personal}/1\\?vraag=6`));
	await expect(back.getByText(/^Vraag 6 van \d+ in dit thema$/)).toBeVisible();
	await expectAccessible(back);
	await back.getByRole('button', { name: 'Vorige vraag' }).click();
	await expect(back.getByText(/^Vraag 5 van \d+ in dit thema$/)).toBeVisible();
	await expect(back.getByRole('group').getByRole('radio', { name: 'Oneens', exact: true })).toBeChecked();

	// Another device (no cookie) gets the role choice, as before.
	const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const stranger = await other.newPage();
	await open(stranger, group);
	await expect(stranger.getByRole('radio', { name: 'lid van de raad' })).toBeVisible();
	await expect(stranger.getByRole('link', { name: 'Ga verder met uw antwoorden' })).toHaveCount(0);
	await other.close();

	// On a shared device the next person chooses to start afresh: a new, empty response of their own.
	await open(back, group);
	await back.getByRole('link', { name: 'Ik ben iemand anders' }).click();
	await expect(back.getByRole('link', { name: 'Ga verder met uw antwoorden' })).toHaveCount(0);
	await expectAccessible(back);
	// Pressing start without a role asks for one (and does not fall back to the offer to go on).
	await back.getByRole('button', { name: 'Begin met de vragenlijst' }).click();
	await expect(back.getByRole('alert')).toHaveText('Kies hoe u deze vragenlijst invult.');
	await expect(back.getByRole('link', { name: 'Ga verder met uw antwoorden' })).toHaveCount(0);
	const second = await startAs(back, 'medewerker of manager van de gemeente');
	expect(second).not.toBe(personal);
	await back.getByRole('link', { name: 'Begin met de vragenlijst' }).click();
	await back.getByRole('group').getByRole('radio', { name: 'Eens', exact: true }).check();
	await expect.poll(() => answersForLink(second).length).toBe(1);
	expect(answersForLink(personal)).toHaveLength(5);
	// The group link now goes on with the second person's answers.
	await open(back, group);
	await back.getByRole('link', { name: 'Ga verder met uw antwoorden' }).click();
	await expect(back).toHaveURL(new RegExp(`^${second}/1\\?vraag=2`));

	// Once handed in, the group link offers nothing to go on with, and the cookie is gone.
	await open(back, `${second}/controle`);
	await back.getByRole('button', { name: 'Lever mijn antwoorden in' }).click();
	await expect(back.getByRole('heading', { name: 'Bedankt voor het invullen!' })).toBeVisible();
	expect(responseStatusForLink(second)).toBe('submitted');
	await open(back, group);
	await expect(back.getByRole('radio', { name: 'lid van de raad' })).toBeVisible();
	await expect(back.getByRole('link', { name: 'Ga verder met uw antwoorden' })).toHaveCount(0);
	expect((await again.cookies()).find((c) => c.name === COOKIE)).toBeUndefined();
	await again.close();

	// The personal links went through the server in cookies and paths: no log line holds one.
	const log = fs.readFileSync('.e2e-data/server.log', 'utf8');
	for (const link of [personal, second]) expect(log).not.toContain(tokenOf(link));
});

test('without JavaScript the personal link is plain text and the group link still offers to go on @nojs', async ({ page }) => {
	const group = await groupLink(page, 'Zonderscriptstad');
	await open(page, group);
	const personal = await startAs(page, 'wethouder');
	const box = page.getByRole('region', { name: 'Dit is uw persoonlijke link.' });
	await expect(box.getByText(personal, { exact: true })).toBeVisible();
	// The copy button needs a script; the link is there to select and copy by hand.
	await expect(box.getByRole('button', { name: 'Kopieer de link' })).toBeHidden();
	await expectAccessible(page);
	await open(page, group);
	await page.getByRole('link', { name: 'Ga verder met uw antwoorden' }).click();
	await expect(page).toHaveURL(`${personal}/1`);
	await expect(page.getByText('Thema 1 van 8', { exact: true })).toBeVisible();
});

test('"Ga verder" goes on after the last question answered, not at a question skipped in theme 1', async ({ page, browser }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Verderstad', links: { 'Lid van de raad': 1 } });
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	// On a wide screen each theme is one page.
	await page.setViewportSize({ width: 1280, height: 800 });
	await open(page, `${link}/1`);
	let last = '';
	for (let theme = 1; theme <= 4; theme++) {
		await expect(page.getByText(`Thema ${theme} van 8`, { exact: true })).toBeVisible();
		const groups = page.getByRole('group');
		const count = await groups.count();
		// Theme 1 leaves its first question open; theme 4 stops after its third.
		const [from, to] = theme === 1 ? [1, count] : theme === 4 ? [0, 3] : [0, count];
		for (let i = from; i < to; i++) await groups.nth(i).getByRole('radio').first().check();
		last = (await groups.nth(to - 1).getAttribute('id'))!;
		if (theme < 4) await page.getByRole('button', { name: 'Volgende', exact: true }).click();
	}
	const next = await page.getByRole('group').nth(3).getAttribute('id');
	await expect.poll(() => answersForLink(link).some((a) => `v-${a.key.replace(/\./g, '-')}` === last)).toBe(true);

	// Later, on a phone: the intro offers to go on, and lands at the fourth question of theme 4.
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const later = await phone.newPage();
	await open(later, link);
	await expectAccessible(later);
	await later.getByRole('link', { name: 'Ga verder waar u was gebleven' }).click();
	await expect(later.getByText('Thema 4 van 8', { exact: true })).toBeVisible();
	await expect(later.getByText(/^Vraag 4 van \d+ in dit thema$/)).toBeVisible();
	await expect(later.getByRole('group')).toHaveAttribute('id', next!);
	await expectAccessible(later);
	// The skipped question is still offered on the overview.
	await open(later, `${link}/controle`);
	await expect(later.getByRole('link', { name: /Het is duidelijk wat de raad en de gemeente samen willen bereiken/ })).toBeVisible();
	await expectAccessible(later);
	await phone.close();
});

test('the intro puts the start button in view on a small phone, explains the mirror questions and folds the glossary', async ({ page }) => {
	await login(page);
	// A closing date with a long month name: the longest lead the intro can have.
	const { links } = await createOpenPilot(page, {
		municipality: 'Kleinschermdorp',
		links: { 'Lid van de raad': 1 },
		closesOn: '2099-09-30'
	});
	const link = links['Lid van de raad'][0];
	await page.context().clearCookies();
	for (const [width, height] of [
		[360, 640],
		[390, 844]
	]) {
		await page.setViewportSize({ width, height });
		await open(page, link);
		await page.screenshot({ path: test.info().outputPath(`intro-${width}x${height}.png`) });
		await expect(page.getByRole('link', { name: 'Begin met de vragenlijst' })).toBeInViewport({ ratio: 1 });
	}
	await expect(page.getByText('U kunt de vragenlijst invullen tot en met 30 september 2099.')).toBeVisible();
	await expect(page.getByText('Bij sommige stellingen vragen we ook: wat denkt u dat de gemeente antwoordt?')).toBeVisible();
	// The glossary is one tap away, and opens without a script.
	await expect(page.getByText('De cliëntenraad of adviesraad die de gemeente adviseert over werk en inkomen.')).toBeHidden();
	await page.getByText('Uitleg van woorden').click();
	await expect(page.getByText('De cliëntenraad of adviesraad die de gemeente adviseert over werk en inkomen.')).toBeVisible();
	await expectAccessible(page);
});
