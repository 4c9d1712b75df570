// The live vote of het goede gesprek: the facilitator opens a vote on the demo pilot's agenda,
// three phones vote by the code (typed any which way, or the QR code's address), the tally on the
// facilitator's screen follows without a reload (by events, or by polling when no event comes),
// the facilitator closes it and the phones are told. Without JavaScript the vote is a plain form
// and the tally has a refresh button. axe on every page visited.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, open } from './helpers';
import { openVote, phone, toVotePage } from './vote-steps';

const save = (p: Page) => p.getByRole('button', { name: 'Bewaar mijn stippen' }).click();
const saved = (p: Page) => expect(p.getByText('Uw stippen zijn bewaard.')).toBeVisible();
const dots = (p: Page, topic: number, label: string) => p.getByRole('group').nth(topic).getByRole('radio', { name: label, exact: true });
const row = (p: Page, topic: number) => p.locator('.qs-tally > li').nth(topic);

test('three phones vote by the code and the facilitator’s tally follows without a reload', async ({ page, browser }) => {
	await toVotePage(page);
	const code = await openVote(page);
	// The address to type and a QR code of the vote's own address, in large type on the screen.
	await expect(page.getByText(`${new URL(page.url()).host}/stem`)).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR-code met de link naar de stemming' })).toBeVisible();
	await expect(page.getByText('De tussenstand verandert vanzelf')).toBeVisible();
	await expectAccessible(page);
	const first = (await row(page, 0).locator('.qs-tally__title').textContent())!.trim();

	// Phone 1 types the code messily: small letters, no dash, spaces.
	const one = await phone(browser);
	await open(one.page, '/stem');
	await expectAccessible(one.page);
	await one.page.getByRole('textbox', { name: 'Code' }).fill(` ${code.replace('-', '').toLowerCase()} `);
	await one.page.getByRole('button', { name: 'Ga naar de stemming' }).click();
	await expect(one.page).toHaveURL(new RegExp(`/stem/${code.replace('-', '')}$`));
	await expect(one.page.getByRole('heading', { level: 1 })).toHaveText('Verdeel uw stippen');
	await expect(one.page.getByRole('group').first()).toContainText(first);
	await expect(one.page.locator('.qs-dots__left')).toHaveText('Nog 3 stippen over.');
	await dots(one.page, 0, '3 stippen').check();
	await expect(one.page.locator('.qs-dots__left')).toHaveText('Alle stippen zijn verdeeld.');
	await expectAccessible(one.page);
	await save(one.page);
	await saved(one.page);
	await expect(page.locator('.qs-standing strong')).toHaveText('1 persoon heeft gestemd');
	await expect(row(page, 0)).toContainText('3 stippen');

	// Phone 2 comes by the QR code's address.
	const two = await phone(browser);
	await open(two.page, `/stem/${code.replace('-', '')}`);
	await dots(two.page, 0, '1 stip').check();
	await dots(two.page, 1, '2 stippen').check();
	await save(two.page);
	await saved(two.page);
	await expect(page.locator('.qs-standing strong')).toHaveText('2 mensen hebben gestemd');

	// Phone 3 chooses too many first: refused, nothing counted, then right.
	const three = await phone(browser);
	await open(three.page, `/stem/${code.replace('-', '')}`);
	await dots(three.page, 0, '2 stippen').check();
	await dots(three.page, 1, '2 stippen').check();
	await expect(three.page.locator('.qs-dots__left')).toHaveText('U heeft 4 stippen gekozen. U kunt er 3 verdelen.');
	await save(three.page);
	await expect(three.page.getByRole('alert')).toContainText('U heeft 4 stippen gekozen. U kunt er 3 verdelen.');
	await expectAccessible(three.page);
	await dots(three.page, 1, 'Geen stip').check();
	await save(three.page);
	await saved(three.page);
	await expect(page.locator('.qs-standing strong')).toHaveText('3 mensen hebben gestemd');
	await expect(row(page, 0)).toContainText('6 stippen');
	await expect(row(page, 1)).toContainText('2 stippen');
	await expect(page.locator('.qs-standing')).toContainText(`Meeste stippen: ${first}`);

	// One set of dots per phone: phone 1 sees its own dots again and changes them; still three voters.
	await open(one.page, one.page.url());
	await expect(dots(one.page, 0, '3 stippen')).toBeChecked();
	await dots(one.page, 0, 'Geen stip').check();
	await dots(one.page, 1, '3 stippen').check();
	await save(one.page);
	await saved(one.page);
	await expect(row(page, 1)).toContainText('5 stippen');
	await expect(row(page, 0)).toContainText('3 stippen');
	await expect(page.locator('.qs-standing strong')).toHaveText('3 mensen hebben gestemd');

	// Closing: the result stays on the screen, and a phone that tries again is told it is closed.
	await page.getByRole('button', { name: 'Sluit de stemming' }).click();
	await expect(page.getByText('De stemming is gesloten.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Uitkomst' })).toBeVisible();
	await expect(page.locator('.qs-join__code')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Open een nieuwe stemming' })).toBeVisible();
	await expectAccessible(page);
	await dots(two.page, 2, '1 stip').check();
	await dots(two.page, 1, '1 stip').check();
	await save(two.page);
	await expect(two.page.getByRole('heading', { level: 1 })).toHaveText('De stemming is gesloten');
	await expectAccessible(two.page);
	await open(page, page.url());
	await expect(row(page, 1)).toContainText('5 stippen');
	for (const p of [one, two, three]) await p.context.close();
});

test('with events held back, the facilitator’s tally follows by polling', async ({ page, browser }) => {
	// A proxy that holds the stream back: the events never arrive.
	await page.route('**/gesprek/stemmen/live', (route) =>
		route.request().headers()['accept']?.includes('text/event-stream') ? route.abort() : route.continue()
	);
	await toVotePage(page);
	const code = await openVote(page);
	const voter = await phone(browser);
	await open(voter.page, `/stem/${code}`);
	await dots(voter.page, 0, '2 stippen').check();
	await save(voter.page);
	await saved(voter.page);
	await expect(page.locator('.qs-standing strong')).toHaveText('1 persoon heeft gestemd', { timeout: 15_000 });
	await expect(row(page, 0)).toContainText('2 stippen');
	await page.getByRole('button', { name: 'Sluit de stemming' }).click();
	await expect(page.getByText('De stemming is gesloten.')).toBeVisible();
	await voter.context.close();
});

test('a wrong code says so, with focus on the field', async ({ browser }) => {
	const visitor = await phone(browser);
	const p = visitor.page;
	await open(p, '/stem');
	await p.getByRole('textbox', { name: 'Code' }).fill('ZZZ-ZZZ');
	await p.getByRole('button', { name: 'Ga naar de stemming' }).click();
	await expect(p.getByText('Er is geen stemming met deze code.')).toBeVisible();
	await expect(p.getByRole('textbox', { name: 'Code' })).toBeFocused();
	await p.getByRole('textbox', { name: 'Code' }).fill('ab');
	await p.getByRole('button', { name: 'Ga naar de stemming' }).click();
	await expect(p.getByText('Dit is geen code.')).toBeVisible();
	await expectAccessible(p);
	// A code in an address that opens nothing: back to the code page, which says why.
	await open(p, '/stem/ZZZZZZ');
	await expect(p).toHaveURL(/\/stem\?fout=code$/);
	await expect(p.getByText('De code in de link klopt niet.')).toBeVisible();
	await visitor.context.close();
});

test('@nojs voting is a plain form and the tally has a refresh button', async ({ page, browser }) => {
	await toVotePage(page);
	const code = await openVote(page);
	await expect(page.getByText('De tussenstand verandert niet vanzelf')).toBeVisible();
	await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
	await expectAccessible(page);

	const voter = await phone(browser, false);
	await open(voter.page, '/stem');
	await voter.page.getByRole('textbox', { name: 'Code' }).fill(code);
	await voter.page.getByRole('button', { name: 'Ga naar de stemming' }).click();
	await expect(voter.page.getByRole('heading', { level: 1 })).toHaveText('Verdeel uw stippen');
	// Too many is refused by the server alone.
	await dots(voter.page, 0, '3 stippen').check();
	await dots(voter.page, 1, '1 stip').check();
	await save(voter.page);
	await expect(voter.page.getByText('U heeft 4 stippen gekozen. U kunt er 3 verdelen. Haal er stippen af.')).toBeVisible();
	await expect(dots(voter.page, 0, '3 stippen')).toBeChecked();
	await dots(voter.page, 1, 'Geen stip').check();
	await save(voter.page);
	await saved(voter.page);
	await expectAccessible(voter.page);

	await expect(page.locator('.qs-standing strong')).toHaveText('0 mensen hebben gestemd');
	await page.getByRole('button', { name: 'Ververs de tussenstand' }).click();
	await expect(page.locator('.qs-standing strong')).toHaveText('1 persoon heeft gestemd');
	await expect(row(page, 0)).toContainText('3 stippen');
	await page.getByRole('button', { name: 'Sluit de stemming' }).click();
	await expect(page.getByText('De stemming is gesloten.')).toBeVisible();
	await open(voter.page, voter.page.url());
	await expect(voter.page.getByRole('heading', { level: 1 })).toHaveText('De stemming is gesloten');
	await voter.context.close();
});
