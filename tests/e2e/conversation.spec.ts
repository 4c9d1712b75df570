// Het goede gesprek: the draft agenda from the demo pilot's released results, changed into the
// facilitator's own (an own topic, order, minutes, notes, a quote), read-only for others.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open, startFromDraft } from './helpers';

test('the facilitator turns the draft agenda into their own', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bereid het gesprek voor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Het goede gesprek – Voorbeeldstad (demo)');
	await startFromDraft(page);
	const topics = page.locator('.qs-agenda > li');
	const count = await topics.count();
	expect(count).toBeGreaterThan(2);
	// Each topic says why, with figures, and offers questions.
	await expect(topics.first().getByRole('heading', { level: 3 })).toBeVisible();
	await expect(topics.first().getByText('Vragen voor het gesprek')).toBeVisible();
	await expectAccessible(page);

	// An own topic goes to the end; the draft is stored with it.
	await page.getByLabel('Onderwerp', { exact: true }).fill('Vergoeding voor leden van de raad');
	await page.getByRole('button', { name: 'Voeg toe aan de agenda' }).click();
	await expect(topics).toHaveCount(count + 1);
	await expect(topics.last().getByRole('heading', { level: 3 })).toContainText('Vergoeding voor leden van de raad');
	await expect(page.getByText('Dit is een voorstel.')).toHaveCount(0);

	// Up one place, then minutes and notes.
	const second = (await topics.nth(1).getByRole('heading', { level: 3 }).textContent())!.replace(/^\d+\.\s*/, '');
	await topics
		.nth(1)
		.getByRole('button', { name: /^Omhoog/ })
		.click();
	await expect(topics.first().getByRole('heading', { level: 3 })).toContainText(second);
	await topics.first().getByLabel('Minuten').fill('20');
	await topics
		.first()
		.getByRole('button', { name: /^Tijd opslaan/ })
		.click();
	await expect(page.getByText(`${count + 1} onderwerpen, samen ${20 + count * 10} minuten`)).toBeVisible();
	await expect(topics.first().getByText('Tijd opgeslagen.')).toBeVisible();
	await topics.first().getByLabel('Aantekeningen').fill('De raad wil elk kwartaal overleg.');
	await topics
		.first()
		.getByRole('button', { name: /^Aantekeningen opslaan/ })
		.click();
	await expect(topics.first().getByText('Aantekeningen opgeslagen.')).toBeVisible();
	await open(page, page.url());
	await expect(topics.first().getByLabel('Aantekeningen')).toHaveValue('De raad wil elk kwartaal overleg.');

	// Removing a topic with notes asks first.
	await topics
		.first()
		.getByRole('button', { name: /^Van de agenda halen/ })
		.click();
	await expect(topics.first().getByText('Bij dit onderwerp staan aantekeningen.')).toBeVisible();
	await expect(topics).toHaveCount(count + 1);

	// An open answer as a quote, under the first topic.
	await page.locator('details.qs-open').first().locator('summary').click();
	await page.locator('details.qs-open').first().getByRole('button', { name: 'Toon als citaat' }).first().click();
	await expect(page.getByText('Gekozen als citaat').first()).toBeVisible();
	const quote = page.locator('.qs-quotes > li').first();
	await quote.getByLabel('Bij onderwerp').selectOption({ index: 1 });
	await quote.getByRole('button', { name: 'Zet bij dit onderwerp' }).click();
	await expect(quote.getByLabel('Bij onderwerp')).not.toHaveValue('');
	await expectAccessible(page);
});

test('the facilitator presents the agenda by keyboard, a mirror topic in steps, and takes a note', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bereid het gesprek voor' }).click();
	// A misjudged mirror topic from the candidates, at the end of the agenda.
	await startFromDraft(page);
	const topics = page.locator('.qs-agenda > li');
	const count = (await topics.count()) + 1;
	const misjudged = page.locator('details.qs-candidates', { hasText: 'Anders dan verwacht' });
	await misjudged.locator('summary').click();
	await misjudged
		.getByRole('button', { name: /^Zet op de agenda/ })
		.first()
		.click();
	await expect(topics).toHaveCount(count);
	await expect(topics.last().getByText('Anders dan verwacht')).toBeVisible();

	await page.getByRole('link', { name: 'Presenteer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await expect(page.locator('.qs-slide__agenda li')).toHaveCount(count);
	await expectAccessible(page);
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/\/presentatie\/2$/);
	await expect(page.getByText(`onderwerp 1 van ${count}`)).toBeVisible();
	// No tables, sort links or downloads on a slide.
	await expect(page.locator('table, details.qs-chart__table, a[download]')).toHaveCount(0);
	await expectAccessible(page);
	await page.keyboard.press('PageUp');
	await expect(page).toHaveURL(/\/presentatie\/1$/);

	// The last slide: the mirror topic reveals what was expected, then what was answered.
	await open(page, new URL(page.url()).pathname.replace(/\/1$/, `/${count + 1}`));
	await expect(page.getByText('verwachtte dat')).toHaveCount(0);
	await page.keyboard.press('PageDown');
	await expect(page.getByText('verwachtte dat')).toBeVisible();
	await expect(page.getByText(/gaf gemiddeld/)).toHaveCount(0);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText(/gaf gemiddeld/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Volgende' })).toHaveCount(0);
	await expectAccessible(page);

	// A note typed during the meeting is saved as typed.
	await page.locator('details.qs-slide__notes summary').click();
	await page.getByLabel('Aantekeningen').fill('Gemeente gaat de raad eerder betrekken.');
	await expect(page.getByText('Aantekeningen opgeslagen.')).toBeVisible();
	// Keys typed in the notes stay there; from the slide itself, Esc goes back to the agenda.
	await page.getByRole('heading', { level: 1 }).click();
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/gesprek$/);
	await expect(topics.last().getByLabel('Aantekeningen')).toHaveValue('Gemeente gaat de raad eerder betrekken.');
});

test('@nojs slides are plain pages with next and previous links', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	const id = new URL(page.url()).pathname.split('/')[2];
	await open(page, `/pilots/${id}/gesprek/presentatie/1`);
	await page.getByRole('link', { name: 'Volgende' }).click();
	await expect(page).toHaveURL(/\/presentatie\/2$/);
	await page.getByRole('link', { name: 'Vorige' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await page.getByRole('link', { name: 'Stoppen met presenteren' }).click();
	await expect(page).toHaveURL(/\/gesprek$/);
});
