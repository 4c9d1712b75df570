// Steps of the live vote that more than one journey takes: a participant's phone, the demo pilot's
// vote page with no vote open, and opening a new vote.
import { expect, type Browser, type Page } from '@playwright/test';
import { login, open } from './helpers';

let clients = 0;
/** A participant's phone with an address of its own, so no other test's wrong codes count against it. */
export async function phone(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${++clients}` } });
	return { context, page: await context.newPage() };
}

/** The vote page of the demo pilot with no vote open (closing whatever an earlier run left open). */
export async function toVotePage(page: Page): Promise<number> {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+$/);
	const id = Number(new URL(page.url()).pathname.split('/')[2]);
	await open(page, `/pilots/${id}/gesprek`);
	await page.getByRole('link', { name: 'Stemmen over de onderwerpen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stemmen over de onderwerpen – Voorbeeldstad (demo)');
	const close = page.getByRole('button', { name: 'Sluit de stemming' });
	if (await close.isVisible()) {
		await close.click();
		await expect(page.getByText('De stemming is gesloten.')).toBeVisible();
	}
	return id;
}

/** Opens a new vote and returns its code as shown (KX7-P2M). */
export async function openVote(page: Page): Promise<string> {
	await page.getByRole('button', { name: /^Open een (nieuwe )?stemming$/ }).click();
	await expect(page.getByText('De stemming is open.')).toBeVisible();
	await expect(page.locator('.qs-standing strong')).toHaveText('0 mensen hebben gestemd');
	const code = (await page.locator('.qs-join__code [aria-hidden]').textContent())!.trim();
	expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
	return code;
}
