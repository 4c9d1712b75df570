// The code on a letter: a facilitator prints letters, a respondent types the code from one (in
// lower case, with spaces, without dashes) and lands on that link's intro; a wrong code gets a
// plain message with focus on the field; the short link /c/<code> opens the same intro; and no code
// ever reaches the request log. axe on every page visited.
import fs from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createOpenPilot, expectAccessible, login, open } from './helpers';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const WRONG = 'Deze code kennen we niet. Kijk nog een keer goed naar de code in uw brief en typ hem opnieuw.';

let clients = 0;
/** A respondent's browser with an address of its own, so no other test's wrong codes count against it. */
async function respondent(browser: Browser) {
	const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${++clients + 100}` } });
	return { context, page: await context.newPage() };
}

test('a respondent types the code from a letter, messy or not, and lands on that link’s intro', async ({ page, browser }) => {
	await login(page);
	const { id } = await createOpenPilot(page, { municipality: 'Codedorp', links: { 'Lid van de raad': 2 } });

	// The letters show each link's code, in three groups of four, under the address of the code page.
	await open(page, `/pilots/${id}/brieven`);
	await expectAccessible(page);
	const letter = page.getByRole('article').first();
	await expect(letter.getByText(`${new URL(page.url()).host}/code`, { exact: true })).toBeVisible();
	const code = (await letter.getByText(CODE).textContent())!.trim();
	expect(code).toMatch(CODE);
	// The letter's code belongs to one link: the list of links says which.
	const rows: Record<string, string>[] = parse(await (await page.request.get(`/pilots/${id}/links.csv`)).text(), {
		bom: true,
		columns: true
	});
	const row = rows.find((r) => r.code === code)!;
	expect(row.link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
	expect(row.korte_link).toBe(`${new URL(page.url()).origin}/c/${code.replaceAll('-', '')}`);
	const intro = new URL(row.link).pathname;
	// The list of links shows it too, to read out to someone who lost the letter.
	await open(page, `/pilots/${id}/links`);
	await expect(page.getByText(`Code op de brief: ${code}`, { exact: true })).toBeVisible();

	const visitor = await respondent(browser);
	const r = visitor.page;
	// Someone whose link does not work is shown the way to the code page too.
	await open(r, `/s/${'x'.repeat(22)}`);
	await expect(r.getByRole('link', { name: /Heeft u een brief met een code/ })).toHaveAttribute('href', '/code');
	await open(r, '/');
	await r.getByRole('link', { name: /Heeft u een brief met een code/ }).click();
	await expect(r).toHaveURL(/\/code$/);
	await expect(r.getByRole('heading', { level: 1, name: 'Heeft u een brief met een code?' })).toBeVisible();
	const field = r.getByRole('textbox', { name: 'Uw code' });
	await expect(field).toHaveAttribute('autocomplete', 'off');
	await expect(field).toHaveAttribute('autocapitalize', 'characters');
	await expect(field).toHaveAttribute('inputmode', 'text');
	await expectAccessible(r);

	// A wrong code: the message is tied to the field, and focus is on it.
	await field.fill('0000 0000 000X');
	await r.getByRole('button', { name: 'Verder' }).click();
	await expect(r.getByText(WRONG)).toBeVisible();
	await expect(field).toBeFocused();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(new RegExp(WRONG.slice(0, 30)));
	await expectAccessible(r);

	// The right code, typed in lower case with spaces and no dashes.
	await field.fill(
		` ${code
			.toLowerCase()
			.replaceAll('-', '')
			.replace(/(.{4})/g, '$1 ')}`
	);
	await r.getByRole('button', { name: 'Verder' }).click();
	await expect(r).toHaveURL((url) => url.pathname === intro);
	await expect(r.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(r);

	// The short link, however it is typed, opens the same intro; a wrong one leads to the code page.
	for (const short of [`/c/${code.replaceAll('-', '')}`, `/C/${code.toLowerCase()}`]) {
		await open(r, short);
		await expect(r).toHaveURL((url) => url.pathname === intro);
	}
	await open(r, '/c/0000-0000-000X');
	await expect(r).toHaveURL(/\/code\?fout=link$/);
	await expect(r.getByText('De code in de link klopt niet. Typ de code uit uw brief hieronder.')).toBeVisible();
	await expectAccessible(r);
	await visitor.context.close();

	// No code, in any form, reaches the request log.
	const log = fs.readFileSync('.e2e-data/server.log', 'utf8').toLowerCase();
	expect(log).toContain('"path":"/c/…"');
	for (const form of [code, code.replaceAll('-', '')]) expect(log).not.toContain(form.toLowerCase());
});

test('without JavaScript, a wrong code gets its message and focus on the field @nojs', async ({ browser }) => {
	const { context, page } = await respondent(browser);
	await open(page, '/code');
	await page.getByRole('textbox', { name: 'Uw code' }).fill('kx7p m2q9 4hnb');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText(WRONG)).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Uw code' })).toBeFocused();
	await expect(page.getByRole('textbox', { name: 'Uw code' })).toHaveValue('kx7p m2q9 4hnb');
	// Something that cannot be a code is told apart.
	await page.getByRole('textbox', { name: 'Uw code' }).fill('abc');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText(/Dit is geen code\. Een code heeft 12 letters en cijfers/)).toBeVisible();
	await expectAccessible(page);
	await context.close();
});
