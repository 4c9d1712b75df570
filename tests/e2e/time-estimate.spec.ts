// One honest time estimate: the pilot form, the letters, the paper form and the respondent's intro
// all say the estimate of the questions a role really gets, mirror questions included. The unit
// tests of $lib/scan/questionnaire tie the number to the questions (74 scored answers and 9 open
// ones take 23 minutes at the app's rates, said as "ongeveer 25"); this checks every place shows it.
import { expect, test } from '@playwright/test';
import { createOpenPilot, expectAccessible, login, open } from './helpers';

// The full version with mirror questions, for any role of the real scan (they all get the same).
const FULL_WITH_MIRRORS = 25;
const FULL_WITHOUT_MIRRORS = 20;

test('the pilot form, the letters, the paper form and the intro give the same estimate', async ({ page, browser }) => {
	await login(page);
	await open(page, '/pilots/nieuw');
	// Before roles and mirror questions are chosen, each version's estimate spans every choice.
	await expect(
		page.getByRole('radio', { name: `Volledige versie (ongeveer ${FULL_WITHOUT_MIRRORS} tot ${FULL_WITH_MIRRORS} minuten)` })
	).toBeVisible();
	await expect(page.getByLabel(/spiegelvragen/i).first()).toBeChecked();

	const { id, links } = await createOpenPilot(page, { municipality: 'Tijddorp', links: { 'Lid van de raad': 1 } });
	const said = `ongeveer ${FULL_WITH_MIRRORS} minuten`;

	await open(page, `/pilots/${id}/brieven`);
	await expect(page.getByRole('article').getByText(`Het invullen duurt ${said}.`)).toBeVisible();

	await open(page, `/pilots/${id}/papier`);
	await page.getByRole('link', { name: 'Vragenlijst voor: Lid van de raad' }).click();
	await expect(page.getByText(new RegExp(`duurt ${said}`))).toBeVisible();

	const respondent = await browser.newContext();
	const intro = await respondent.newPage();
	await open(intro, links['Lid van de raad'][0]);
	await expect(intro.getByText(new RegExp(`duurt ${said}`))).toBeVisible();
	await expectAccessible(intro);
	await respondent.close();
});
