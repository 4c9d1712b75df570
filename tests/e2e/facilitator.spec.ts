// The facilitator's journey: log in, set up a pilot, hand out links and letters, type in a paper
// questionnaire and import answers from a file, with axe on every page visited.
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createOpenPilot, expectAccessible, login, open } from './helpers';
import { query } from './db';

test('a facilitator logs in, creates a pilot, fixes a mistake in the form and makes links and letters', async ({ page }) => {
	await open(page, '/login');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('beheer@quickscan.local');
	await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();
	await login(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Nieuwe pilot' }).click();
	await expect(page).toHaveURL(/\/pilots\/nieuw$/);
	await page.getByLabel('Naam van de gemeente').fill('Lindendam');
	await page.getByLabel('Minimale groepsgrootte').fill('2');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	// The error names the problem and every typed value is still there.
	await expect(page.getByRole('alert')).toContainText('De minimale groepsgrootte is 3 of meer');
	await expect(page.getByLabel('Naam van de gemeente')).toHaveValue('Lindendam');
	await expectAccessible(page);
	await page.getByLabel('Minimale groepsgrootte').fill('4');
	await page.getByRole('radio', { name: 'Een brede adviesraad zonder werkgroep' }).check();
	await page.getByLabel(/Bij wie kunnen deelnemers terecht met vragen/).fill('Anna de Vries, ondersteuner van de raad, 06 12 34 56 78');
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+/);
	const id = Number(new URL(page.url()).pathname.split('/')[2]);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Lindendam');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Links en uitnodigingen' }).click();
	await page.getByLabel('Voor welke rol?').selectOption({ label: 'Lid van de raad' });
	await page.getByLabel('Hoeveel links?').fill('3');
	await page.getByRole('button', { name: 'Links maken' }).click();
	await expect(page.getByRole('textbox', { name: /^Link nummer \d+$/ })).toHaveCount(3);
	await expectAccessible(page);
	const shown = await page
		.getByRole('textbox', { name: /^Link nummer \d+$/ })
		.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

	// The CSV download holds the same links as the page.
	const csv = await (await page.request.get(`/pilots/${id}/links.csv`)).text();
	const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
	expect(rows.map((r) => r.link).sort()).toEqual([...shown].sort());
	expect(rows.every((r) => r.rol === 'Lid van de raad' || r.rol === 'raad')).toBe(true);

	// One letter per link, each with the address of the code page, the link's code and a QR code.
	await open(page, `/pilots/${id}/brieven`);
	await expect(page.getByRole('img', { name: 'QR-code van uw persoonlijke link' })).toHaveCount(3);
	await expect(page.getByText(`${new URL(page.url()).host}/code`, { exact: true })).toHaveCount(3);
	expect(rows.map((r) => r.code)).toEqual(rows.map(() => expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/)));
	for (const row of rows) await expect(page.getByText(row.code, { exact: true })).toBeVisible();
	// Every letter says whom to ask.
	await expect(page.getByText('Anna de Vries, ondersteuner van de raad, 06 12 34 56 78', { exact: true })).toHaveCount(3);
	await expectAccessible(page);

	// The printable paper questionnaire, per role.
	await open(page, `/pilots/${id}/papier`);
	await page.getByRole('link', { name: 'Vragenlijst voor: Lid van de raad' }).click();
	await expect(page.getByText('Wat denkt u dat de gemeente hier antwoordt?').first()).toBeVisible();
	await expect(page.getByText('Anna de Vries, ondersteuner van de raad, 06 12 34 56 78', { exact: true })).toBeVisible();
	await expectAccessible(page);

	// A respondent whose link does not work yet (the pilot is not open) is told whom to ask.
	const respondent = await page.context().browser()!.newContext();
	const early = await respondent.newPage();
	expect((await early.goto(shown[0]))!.status()).toBe(403);
	await expect(
		early.getByText('Lukt het niet, of heeft u vragen? Neem dan contact op met: Anna de Vries, ondersteuner van de raad, 06 12 34 56 78')
	).toBeVisible();
	await respondent.close();

	// Links of the only pilot with a known database row: none of them stored as plain text.
	const stored = query<{ token_hash: string; salt: string }>('SELECT token_hash, salt FROM invitations WHERE pilot_id = ?', id);
	for (const link of shown) {
		const token = new URL(link).pathname.split('/')[2];
		expect(stored.some((s) => s.token_hash === token || s.salt === token)).toBe(false);
	}
});

test('a returned paper questionnaire is typed in and stored as paper', async ({ page }) => {
	await login(page);
	const { id } = await createOpenPilot(page, { municipality: 'Papierdorp', variant: 'Korte versie' });
	await open(page, `/pilots/${id}/invoer`);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Gemeente' }).click();
	await expect(page.getByRole('heading', { name: 'Vragenlijst van: Gemeente' })).toBeVisible();
	const groups = page.getByRole('group');
	const first = groups.first();
	await first.getByRole('radio', { name: 'Helemaal eens', exact: true }).check();
	await groups.nth(2).getByRole('radio', { name: 'Weet niet', exact: true }).check();
	await page.getByRole('textbox').first().fill('Meer overleg met de wethouder.');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Sla deze papieren vragenlijst op' }).click();
	await expect(page.getByRole('status')).toContainText('Opgeslagen: een papieren vragenlijst met 3 antwoorden');
	const rows = query<{ source: string; status: string; role: string; n: number }>(
		`SELECT r.source, r.status, r.role, count(a.key) AS n FROM responses r JOIN answers a ON a.response_id = r.id WHERE r.pilot_id = ? GROUP BY r.id`,
		id
	);
	expect(rows).toEqual([{ source: 'paper', status: 'submitted', role: 'gemeente', n: 3 }]);
	// The overview counts it as handed in.
	await open(page, `/pilots/${id}`);
	await expect(page.getByRole('row', { name: /Gemeente/ }).first()).toContainText('1');
});

test('a CSV import is all or nothing, with the row and column of each mistake', async ({ page }) => {
	await login(page);
	const { id } = await createOpenPilot(page, { municipality: 'Importstad', variant: 'Korte versie' });
	await open(page, `/pilots/${id}/import`);
	await expectAccessible(page);
	const count = () => query<{ n: number }>('SELECT count(*) AS n FROM responses WHERE pilot_id = ?', id)[0].n;

	const bad = ['response;role;item;value', 'a;raad;doel-1;4', 'a;raad;doel-2;9', 'b;wethouder;doel-1;2'].join('\n');
	await page.getByLabel('CSV-bestand met antwoorden').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: 'Importeren' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Het bestand is niet geïmporteerd');
	await expect(alert).toContainText('Rij 3, kolom "value"');
	await expect(alert).toContainText('Rij 4, kolom "role"');
	expect(count()).toBe(0);
	await expectAccessible(page);

	const good = ['response;role;item;value', 'a;raad;doel-1;4', 'a;raad;doel-open;Goed, maar te laat', 'b;gemeente;doel-1;weet_niet'].join(
		'\n'
	);
	await page.getByLabel('CSV-bestand met antwoorden').setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByRole('status')).toContainText('2 vragenlijsten met samen 3 antwoorden');
	expect(count()).toBe(2);
	const open_ = query<{ text: string }>(
		`SELECT a.text FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.pilot_id = ? AND a.key = 'doel-open'`,
		id
	);
	expect(open_).toEqual([{ text: 'Goed, maar te laat' }]);
});
