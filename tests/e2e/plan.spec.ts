// The plan van aanpak: actions added with a reason from the agenda and linked to a theme and a
// statement, edited, moved, given progress, deleted after a yes; the overview marks what is
// overdue; the downloads hold every action; another pilot's action cannot be reached through this
// pilot's address; and without JavaScript an action is added before any release.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expectAccessible, login, open } from './helpers';
import { addAction, emptyDemoPlan, months } from './plan-steps';
import { BASE, PLAN_ACTION_FORM } from './routes';

/** As a browser sends a form: the site's own origin, and HTML (not JSON) back. */
const HEADERS = { origin: BASE, accept: 'text/html' };

test('the facilitator makes a plan van aanpak: add, link, move, edit, progress, delete, download', async ({ page }) => {
	test.setTimeout(120_000);
	const demo = emptyDemoPlan();
	const { past, now } = months();
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await page.getByRole('link', { name: 'Naar het plan van aanpak' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan van aanpak – Voorbeeldstad (demo)');
	await expect(page.getByText('Er staan nog geen acties in het plan. Voeg hieronder de eerste actie toe.')).toBeVisible();
	await expectAccessible(page);

	// A form with gaps says what is missing, per field.
	await page.getByRole('button', { name: 'Voeg de actie toe' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'De actie is niet toegevoegd' });
	await expect(summary.getByRole('link', { name: 'Schrijf op wat u gaat doen.' })).toBeVisible();
	await expect(summary.getByRole('link', { name: 'Kies wie de actie uitvoert.' })).toBeVisible();
	await expectAccessible(page);

	// The first action: its reason from the agenda, linked to a theme and a statement.
	await addAction(page, {
		title: 'Vaste vergadering met de wethouder',
		why: 'De raad hoort te laat van plannen.',
		owner: 'De gemeente',
		month: now,
		topic: true,
		link: true
	});
	const first = page.locator('.qs-plan-actions > li').first();
	await expect(first.getByText('Thema: Waarom doen we dit?')).toBeVisible();
	await expect(first.getByText('Het is duidelijk wat de raad en de gemeente samen willen bereiken.')).toBeVisible();
	await expect(first.locator('dd').first()).toContainText(':');
	await addAction(page, {
		title: 'Werkgroep informatie opzetten',
		why: 'Stukken komen te laat.',
		owner: 'Raad en gemeente samen',
		month: past
	});
	await expect(page.getByText('1 actie is te laat.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Werkgroep informatie opzetten/ })).toContainText('te laat');
	await expectAccessible(page);

	// Down one place: the second action comes first.
	await first.getByRole('button', { name: /^Omlaag/ }).click();
	await expect(page.locator('.qs-plan-actions h3').first()).toContainText('Werkgroep informatie opzetten');

	// Edit the overdue one: done now, so no longer overdue; then a line of progress.
	await page.getByRole('link', { name: 'Werkgroep informatie opzetten' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgroep informatie opzetten');
	await expect(page.getByText('Er is nog geen voortgang genoteerd.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Wat gaan we doen?').fill('Werkgroep informatie is opgezet');
	await page.getByRole('radio', { name: 'Uitgevoerd' }).check();
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgroep informatie is opgezet');
	await page.getByLabel('Wat is er gebeurd?').fill('Eerste bijeenkomst van de werkgroep gehouden.');
	await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
	await expect(page.getByText('De voortgang is opgeslagen.')).toBeVisible();
	await expect(page.locator('.qs-plan-log li')).toContainText('Eerste bijeenkomst van de werkgroep gehouden.');
	await expectAccessible(page);

	// A third action, then deleted: only after the yes.
	await page.getByRole('link', { name: 'Terug naar het plan van aanpak' }).click();
	await expect(page.getByText('1 actie is te laat.')).toHaveCount(0);
	await addAction(page, { title: 'Actie die weg mag', why: 'Een proef.', owner: 'De raad', month: now });
	await page.getByRole('link', { name: 'Actie die weg mag' }).first().click();
	await page.getByRole('button', { name: 'Verwijder de actie' }).click();
	await expect(page.getByText('Vink aan dat u de actie wilt verwijderen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actie die weg mag');
	await page.getByLabel('Ja, verwijder deze actie').check();
	await page.getByRole('button', { name: 'Verwijder de actie' }).click();
	await expect(page.getByText('De actie is verwijderd.')).toBeVisible();
	await expect(page.locator('.qs-plan-actions > li')).toHaveCount(2);

	// The downloads: a workbook and a text, each with every action.
	const titles = ['Werkgroep informatie is opgezet', 'Vaste vergadering met de wethouder'];
	const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /als Excel-bestand/ }).click()]);
	expect(xlsx.suggestedFilename()).toBe('quickscan-voorbeeldstad-demo-nulmeting-plan-van-aanpak.xlsx');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Acties')!;
	const header = (sheet.getRow(1).values as unknown[]).slice(1);
	expect(header).toEqual(
		expect.arrayContaining(['nummer', 'actie', 'eigenaar', 'maand', 'status', 'te_laat', 'teken_van_succes', 'stelling_ids'])
	);
	const column = (name: string) => header.indexOf(name) + 1;
	expect([2, 3].map((r) => sheet.getRow(r).getCell(column('actie')).value)).toEqual(titles);
	expect(sheet.getRow(2).getCell(column('status')).value).toBe('uitgevoerd');
	expect(sheet.getRow(3).getCell(column('stelling_ids')).value).toBe('doel-1');
	expect(workbook.getWorksheet('Voortgang')!.getRow(2).getCell(4).value).toBe('Eerste bijeenkomst van de werkgroep gehouden.');

	const [text] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Plan van aanpak als tekst' }).click()]);
	expect(text.suggestedFilename()).toBe('quickscan-voorbeeldstad-demo-nulmeting-plan-van-aanpak.txt');
	const body = readFileSync((await text.path())!, 'utf8');
	for (const title of titles) expect(body).toContain(title);
	expect(body).toContain('Wie: De gemeente');
	expect(body).toContain('Status: Uitgevoerd');
	expect(body).toContain('Laatste voortgang:');

	// More than five actions: a gentle word, not a limit.
	for (let i = 0; i < 4; i++)
		expect(
			(
				await page.request.post(`/pilots/${demo}/plan?/voegtoe`, {
					form: { ...PLAN_ACTION_FORM, titel: `Extra ${i}` },
					headers: HEADERS
				})
			).status()
		).toBe(200);
	await open(page, `/pilots/${demo}/plan`);
	await expect(page.getByText('Een plan met meer dan vijf acties is moeilijk vol te houden.')).toBeVisible();
	await expectAccessible(page);
});

test('an action of another pilot cannot be read or changed through this pilot’s address', async ({ page }) => {
	const demo = emptyDemoPlan();
	const db = new Database('.e2e-data/quickscan.db');
	const other = db
		.prepare(
			"INSERT INTO pilots (municipality, council_type, snapshot_id, variant, roles, status, owner_id) SELECT 'Andermans plan', council_type, snapshot_id, variant, roles, 'draft', 1 FROM pilots WHERE id = ? RETURNING id"
		)
		.get(demo) as { id: number };
	const theirs = (
		db
			.prepare(
				"INSERT INTO plan_actions (pilot_id, position, title, owner_kind, due_month) VALUES (?, 1, 'Van een ander', 'raad', '2026-01') RETURNING id"
			)
			.get(other.id) as { id: number }
	).id;
	db.close();
	await login(page);
	expect((await page.request.get(`/pilots/${demo}/plan/${theirs}`)).status()).toBe(404);
	const post = (action: string, form: Record<string, string>) =>
		page.request.post(`/pilots/${demo}/plan/${theirs}?/${action}`, { form, headers: HEADERS, maxRedirects: 0 });
	expect((await post('bewaar', { ...PLAN_ACTION_FORM, titel: 'Gekaapt', status: 'gestopt' })).status()).toBe(404);
	expect((await post('voortgang', { datum: '2024-05-01', tekst: 'x' })).status()).toBe(404);
	expect((await post('verwijder', { confirm: 'ja' })).status()).toBe(404);
	expect(
		(
			await page.request.post(`/pilots/${demo}/plan?/verplaats`, {
				form: { actie: String(theirs), richting: 'op' },
				headers: HEADERS
			})
		).status()
	).toBe(409);
	const check = new Database('.e2e-data/quickscan.db', { readonly: true });
	expect(check.prepare('SELECT title, status FROM plan_actions WHERE id = ?').get(theirs)).toEqual({
		title: 'Van een ander',
		status: 'gepland'
	});
	expect(check.prepare('SELECT count(*) AS n FROM plan_progress WHERE action_id = ?').get(theirs)).toEqual({ n: 0 });
	check.close();
});

test('@nojs an action is added without JavaScript, before any release', async ({ page }) => {
	const db = new Database('.e2e-data/quickscan.db');
	const pilot = (
		db
			.prepare(
				"INSERT INTO pilots (municipality, council_type, snapshot_id, variant, roles, status, owner_id) SELECT ?, council_type, snapshot_id, 'short', roles, 'open', 1 FROM pilots ORDER BY id LIMIT 1 RETURNING id"
			)
			.get(`Zonderscript ${Date.now().toString(36)}`) as { id: number }
	).id;
	db.close();
	const { now } = months();
	await login(page);
	await open(page, `/pilots/${pilot}/plan`);
	await expect(page.getByText('Zijn er uitkomsten? Dan kunt u hier ook een onderwerp')).toBeVisible();
	await expectAccessible(page);

	// Without a reason and with a name for "someone else" missing: both said, what was typed kept.
	const form = page.locator('form[action="?/voegtoe"]');
	await form.getByLabel('Wat gaan we doen?').fill('Training voor nieuwe raadsleden');
	await form.getByRole('radio', { name: 'Iemand anders (schrijf de naam hieronder)' }).check();
	await form.getByRole('button', { name: 'Voeg de actie toe' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'De actie is niet toegevoegd' });
	await expect(summary.getByRole('link', { name: 'Kies een onderwerp van de agenda of schrijf op waarom.' })).toBeVisible();
	await expect(summary.getByRole('link', { name: 'Schrijf de naam op van wie de actie uitvoert.' })).toBeVisible();
	await expect(page.getByLabel('Wat gaan we doen?')).toHaveValue('Training voor nieuwe raadsleden');
	await expectAccessible(page);

	await page.getByLabel('Waarom deze actie?').fill('Nieuwe leden weten niet hoe advies geven werkt.');
	await page.getByLabel('Naam (bij iemand anders)').fill('Werkgroep Scholing');
	await page.getByLabel('Maand', { exact: true }).selectOption({ label: now.month });
	await page.getByLabel('Jaar', { exact: true }).selectOption(now.year);
	await page.getByRole('checkbox', { name: 'Thema: Waarom doen we dit?' }).check();
	await page.getByRole('button', { name: 'Voeg de actie toe' }).click();
	await expect(page.getByText('De actie staat in het plan.')).toBeVisible();
	const action = page.locator('.qs-plan-actions > li');
	await expect(action).toHaveCount(1);
	await expect(action.getByRole('heading', { level: 3 })).toContainText('Training voor nieuwe raadsleden');
	await expect(action.getByText('Werkgroep Scholing')).toBeVisible();
	await expect(action.getByText('Middel')).toBeVisible();
	await expect(action.getByText('Gepland')).toBeVisible();
	await expectAccessible(page);
});
