// Het goede gesprek: the draft agenda from the demo pilot's released results, changed into the
// facilitator's own (an own topic, order, minutes, notes, a quote), read-only for others.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open } from './helpers';

test('the facilitator turns the draft agenda into their own', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Bereid het gesprek voor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Het goede gesprek – Voorbeeldstad (demo)');
	await expect(page.getByText('Dit is een voorstel.')).toBeVisible();
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
	await topics.first().getByLabel('Aantekeningen').fill('De raad wil elk kwartaal overleg.');
	await topics
		.first()
		.getByRole('button', { name: /^Aantekeningen opslaan/ })
		.click();
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
