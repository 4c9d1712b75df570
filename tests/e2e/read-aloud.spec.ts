// "Lees voor" on a phone, with and without JavaScript: the control of a statement is reached by
// keyboard, says what it reads, and plays its sound; the file is served as audio, cached for good,
// and can be read in parts. The audio is made before the server starts (playwright.config.ts), so
// the control is there on the first visit.
import { expect, test, type Page } from '@playwright/test';
import { createOpenPilot, expectAccessible, login, open } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function firstQuestion(page: Page, municipality: string) {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality, links: { 'Lid van de raad': 1 } });
	await page.context().clearCookies();
	await open(page, links['Lid van de raad'][0].replace(/\/?$/, '/1'));
	await expect(page.getByText(/^Vraag 1 van \d+ in dit thema$/)).toBeVisible();
}

/** Tabs from the top of the page to the statement's player, as a keyboard user would. */
async function tabTo(page: Page, name: string) {
	const player = page.locator('audio').and(page.getByLabel(name, { exact: true }));
	await page.locator('body').focus();
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press('Tab');
		if (await player.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false))
			return player;
	}
	throw new Error(`${name} is not reached with Tab`);
}

async function checkControl(page: Page) {
	const player = await tabTo(page, 'Lees voor: vraag 1');
	await expect(player).toBeVisible();
	// It fits a 360 px screen and sits above the question's choices, not among them.
	const box = (await player.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(360);
	const firstChoice = (await page.getByRole('group').getByRole('radio').first().boundingBox())!;
	expect(box.y + box.height).toBeLessThan(firstChoice.y);
	// It plays: loaded on demand (preload="none"), its sound has a length.
	await player.evaluate((el) => {
		const audio = el as HTMLAudioElement;
		audio.muted = true;
		void audio.play().catch(() => audio.load());
	});
	await expect.poll(() => player.evaluate((el) => (el as HTMLAudioElement).duration), { timeout: 15_000 }).toBeGreaterThan(0);
	await expectAccessible(page);
	return (await player.getAttribute('src'))!;
}

test('a statement is read aloud on a phone: reached by keyboard, named, and it plays', async ({ page, request }) => {
	await firstQuestion(page, 'Voorleesstad');
	const src = await checkControl(page);
	// The file: audio, the same for everyone for a year, and readable in parts (seeking).
	const whole = await request.get(src);
	expect(whole.status()).toBe(200);
	expect(whole.headers()['content-type']).toBe('audio/mpeg');
	expect(whole.headers()['cache-control']).toContain('immutable');
	const part = await request.get(src, { headers: { range: 'bytes=0-99' } });
	expect(part.status()).toBe(206);
	expect((await part.body()).length).toBe(100);
	expect(part.headers()['content-range']).toBe(`bytes 0-99/${(await whole.body()).length}`);
	expect((await request.get(src, { headers: { range: 'bytes=999999999-' } })).status()).toBe(416);
	// Only names of files that exist: anything else is not found.
	expect((await request.get('/audio/00000000000000000000000000000000.mp3')).status()).toBe(404);
	expect((await request.get('/audio/..%2F..%2Fquickscan.db.mp3')).status()).toBe(404);
});

test('without JavaScript the statement is read aloud by the browser player alone @nojs', async ({ page }) => {
	await firstQuestion(page, 'Voorleesdorp');
	await checkControl(page);
});

test('the intro has a control for its essentials once its file is made', async ({ page }) => {
	await login(page);
	const { links } = await createOpenPilot(page, { municipality: 'Uitlegstad', links: { 'Lid van de raad': 1 } });
	await page.context().clearCookies();
	// Its text holds the pilot's own time: made the first time the intro is shown, there on a later visit.
	await open(page, links['Lid van de raad'][0]);
	await expect
		.poll(
			async () => {
				await open(page, links['Lid van de raad'][0]);
				return page.getByLabel('Lees voor: uitleg over de vragenlijst').count();
			},
			{ timeout: 30_000, intervals: [500, 1000, 2000] }
		)
		.toBe(1);
	await expectAccessible(page);
});
