// The benchmark as a facilitator sees it: the pilot's own theme scores against other pilots (never
// named), with a table behind "Tabel", and a plain note where its own group is too small; the
// admin's programme overview. Pilots are made fresh for the test by the app's own modules.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open } from './helpers';

function seed(): { pilot: number; suffix: string } {
	const suffix = Date.now().toString(36);
	const out = execFileSync('npx', ['tsx', 'tests/e2e/benchmark-seed.ts', suffix], { encoding: 'utf8' });
	return { ...JSON.parse(out.trim().split('\n').at(-1)!), suffix };
}

test('a pilot sees its theme scores against other municipalities, never their names', async ({ page }) => {
	const { pilot, suffix } = seed();
	await login(page);
	await open(page, `/pilots/${pilot}/benchmark`);
	await expect(page.getByRole('heading', { level: 1, name: 'Vergelijken met andere gemeenten' })).toBeVisible();
	const all = page.getByRole('region', { name: 'Alle gemeenten' });
	await expect(all.getByRole('heading', { name: 'Gemeente', exact: true })).toBeVisible();
	// The staff's chart, with the pilot as a point among the others, and its table.
	const chart = all.getByRole('img', { name: /Gemeente: uw score per thema naast andere gemeenten/ });
	await expect(chart.first()).toBeAttached();
	const staffTable = all.getByRole('table', { name: /Gemeente: uw score per thema/ });
	await all.locator('summary').filter({ hasText: 'Gemeente: uw score' }).click();
	const doel = staffTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Waarom doen we dit?' }) });
	await expect(doel.getByRole('cell').first()).toHaveText('5,0');
	await expect(doel).toContainText(/\d+-\d+ gemeenten|\d+ of meer gemeenten/);
	await expect(doel).toContainText('bij het hoogste kwart');
	// Its own council group has 4 people: it says so.
	await expect(all.getByText('Uw groep lid van de raad is te klein om mee te vergelijken')).toBeVisible();
	// Other pilots are never named.
	await expect(page.getByText(`Vergelijkstad ${suffix}`)).toHaveCount(0);
	await expectAccessible(page);
});

test('the results page links to the comparison; the admin sees the programme overview', async ({ page }) => {
	const { pilot, suffix } = seed();
	await login(page);
	await open(page, `/pilots/${pilot}/uitkomsten`);
	await page.getByRole('link', { name: 'Vergelijk met andere gemeenten' }).click();
	await expect(page).toHaveURL(new RegExp(`/pilots/${pilot}/benchmark$`));
	await open(page, '/beheer');
	await page.getByRole('link', { name: /Programma-overzicht/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Programma-overzicht' })).toBeVisible();
	await page.getByLabel('Rol voor de scores').selectOption({ label: 'Gemeente' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page.getByRole('table')).toContainText(/scores van gemeente/);
	await expectAccessible(page);
	// The pilot under test is on some page of the overview, with its staff's released score.
	for (let n = 1; n < 50 && (await page.getByRole('rowheader', { name: `Eigenstad ${suffix} – Nulmeting` }).count()) === 0; n++) {
		await page.getByRole('link', { name: 'Volgende pagina' }).click();
	}
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Eigenstad ${suffix} – Nulmeting` }) });
	await expect(row).toContainText('Gemeente 5');
	await expect(row.getByRole('cell').nth(3)).toHaveText('5,0');
});
