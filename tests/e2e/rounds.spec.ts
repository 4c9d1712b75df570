// Two rounds of one municipality, set up through the app (pilots, opening, releases, the plan) with
// submitted answers written straight into the database: the follow-up is chosen in the pilot form,
// asks the change question on paper too, and its rounds page shows the change per role with the
// action-linked statement marked; the open action is carried into the new plan once.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible, login, open } from './helpers';
import { query } from './db';
import { BASE, PLAN_ACTION_FORM } from './routes';

const HEADERS = { origin: BASE, accept: 'text/html' };
const SCAN = 'clientenparticipatie-werk-en-inkomen@1';

/** Five submitted online responses per role, every one with the same scores. */
function submit(pilot: number, scores: Record<string, Record<string, number>>) {
	const db = new Database('.e2e-data/quickscan.db');
	try {
		const today = new Date().toISOString().slice(0, 10);
		const response = db.prepare(
			"INSERT INTO responses (public_id, pilot_id, role, source, status, started_on, submitted_on) VALUES (?, ?, ?, 'online', 'submitted', ?, ?) RETURNING id"
		);
		const answer = db.prepare('INSERT INTO answers (response_id, key, score, dont_know) VALUES (?, ?, ?, 0)');
		for (const [role, answers] of Object.entries(scores))
			for (let i = 0; i < 5; i++) {
				const { id } = response.get(randomUUID(), pilot, role, today, today) as { id: number };
				for (const [key, score] of Object.entries(answers)) answer.run(id, key, score);
			}
	} finally {
		db.close();
	}
}

async function post(page: Page, url: string, form: Record<string, string>) {
	const res = await page.request.post(url, { form, headers: HEADERS, maxRedirects: 0 });
	expect(res.status(), `${url}`).toBeLessThan(400);
}

async function openAndRelease(page: Page, pilot: number, scores: Record<string, Record<string, number>>) {
	await post(page, `/pilots/${pilot}?/open`, { confirm: 'ja' });
	submit(pilot, scores);
	await post(page, `/pilots/${pilot}?/release`, { confirm: 'ja' });
}

async function journey(page: Page, project: string) {
	const municipality = `Rondestad ${project} ${Date.now().toString(36)}`;
	await login(page);

	// Round 1, made with the app's own form, released with answers, and a plan action about doel-1.
	await post(page, '/pilots/nieuw?/create', {
		municipality,
		roundLabel: 'Nulmeting',
		councilType: 'clientenraad',
		scan: SCAN,
		variant: 'full',
		mirror: 'on',
		[`roles:${SCAN}`]: 'raad',
		minGroupSize: '5'
	});
	const first = query<{ id: number }>('SELECT id FROM pilots WHERE municipality = ?', municipality)[0].id;
	await openAndRelease(page, first, { raad: { 'doel-1': 2, 'doel-2': 3 }, gemeente: { 'doel-1': 3, 'doel-2': 3 } });
	await post(page, `/pilots/${first}/plan?/voegtoe`, { ...PLAN_ACTION_FORM, stelling: 'doel-1' });

	// Round 2: the pilot form offers round 1 as the earlier round.
	await open(page, '/pilots/nieuw');
	await page.getByLabel('Naam van de gemeente').fill(municipality);
	await page.getByLabel('Naam van de ronde').fill('Vervolgmeting');
	await page.getByRole('radio', { name: 'Een aparte cliëntenraad werk en inkomen' }).check();
	await page.getByLabel('Vorige ronde').selectOption({ label: `${municipality} – Nulmeting` });
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Pilot opslaan' }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+/);
	const second = Number(new URL(page.url()).pathname.split('/')[2]);
	expect(query<{ previous_pilot_id: number }>('SELECT previous_pilot_id FROM pilots WHERE id = ?', second)[0].previous_pilot_id).toBe(
		first
	);

	// The paper form ends with the change question.
	await open(page, `/pilots/${second}/papier?rol=raad`);
	await expect(page.getByRole('heading', { name: /Sinds de vorige meting/ })).toBeVisible();
	await expect(page.getByText('Heeft u sinds de vorige meting iets zien veranderen', { exact: false })).toBeVisible();
	await expectAccessible(page);

	// Answers in round 2: raad went up on doel-1; everyone saw a little change.
	await openAndRelease(page, second, {
		raad: { 'doel-1': 4, 'doel-2': 3, 'ronde.verandering': 2 },
		gemeente: { 'doel-1': 3, 'doel-2': 4, 'ronde.verandering': 1 }
	});

	await open(page, `/pilots/${second}/uitkomsten`);
	await page.getByRole('link', { name: 'Vergelijk met de vorige ronde' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vergelijking met de vorige ronde – ${municipality}`);
	// The change question's counts per role.
	const seen = page.getByRole('table', { name: /Heeft u sinds de vorige meting/ });
	await expect(seen.getByRole('row', { name: /Lid van de raad/ })).toContainText('5');
	// Per role, the statement an action was about is marked, with the change in the table.
	const raad = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { level: 2, name: /raad/i }) })
		.first();
	// The numbers are in the table behind "Tabel" (a <details>, opened without a script too).
	await raad.locator('summary').filter({ hasText: 'stellingen in de vorige en in deze ronde' }).click();
	const statements = raad.getByRole('table', { name: /stellingen in de vorige en in deze ronde/ });
	const row = statements.getByRole('row', { name: /Het is duidelijk wat de raad en de gemeente samen willen bereiken/ });
	await expect(row).toContainText('+2,0');
	await expect(row).toContainText(PLAN_ACTION_FORM.titel);
	await expect(raad.getByText(/★ = een actie uit het vorige plan/).first()).toBeVisible();
	// What the earlier action brought.
	const effect = page.getByRole('article').filter({ hasText: PLAN_ACTION_FORM.titel });
	await expect(effect.getByRole('table').first()).toContainText('+2,0');
	await expect(page.getByRole('heading', { name: 'Niet vergelijkbaar' })).toBeVisible();
	await expectAccessible(page);

	// Carrying the open action: first without the tick (refused), then with it.
	await page.getByRole('link', { name: 'Open acties meenemen naar het plan van aanpak van deze ronde' }).click();
	await expect(page.getByRole('heading', { name: 'Acties uit de vorige ronde' })).toBeVisible();
	await page.getByRole('button', { name: 'Neem 1 open actie mee' }).click();
	await expect(page.getByText('Vink aan dat u de acties wilt meenemen.').first()).toBeVisible();
	await page.getByLabel('Ja, neem deze acties mee naar dit plan').check();
	await page.getByRole('button', { name: 'Neem 1 open actie mee' }).click();
	await expect(page.getByText('1 actie meegenomen uit de vorige ronde.')).toBeVisible();
	await expect(page.getByText('Er zijn geen open acties meer om mee te nemen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: PLAN_ACTION_FORM.titel })).toBeVisible();
	await expectAccessible(page);
	// Carrying again adds nothing.
	await post(page, `/pilots/${second}/plan?/meenemen`, { confirm: 'ja' });
	const carried = query<{ title: string; carried_from_id: number }>(
		'SELECT title, carried_from_id FROM plan_actions WHERE pilot_id = ?',
		second
	);
	expect(carried).toHaveLength(1);
	expect(query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'plan-carry' AND pilot_id = ?", second)[0].n).toBe(1);
}

test('a follow-up round shows the change since the earlier round and carries its open action', async ({ page }, info) => {
	test.setTimeout(180_000);
	await journey(page, info.project.name);
});

test('without JavaScript too, the follow-up is chosen, compared and its action carried @nojs', async ({ page }, info) => {
	test.setTimeout(180_000);
	await journey(page, info.project.name);
});

test("the demo's Rivierdal follow-up shows what changed, with the statements of the done actions marked", async ({ page }) => {
	// Read only: the demo programme on the e2e server's new database (src/lib/server/demo-programme.ts).
	const [{ id }] = query<{ id: number }>(
		"SELECT id FROM pilots WHERE municipality = 'Rivierdal (demo)' AND round_label = 'Vervolgmeting' AND demo = 1"
	);
	await login(page);
	await open(page, `/pilots/${id}/uitkomsten/rondes`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergelijking met de vorige ronde – Rivierdal (demo)');
	const raad = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { level: 2, name: /raad/i }) })
		.first();
	await expect(raad.getByText(/★ = een actie uit het vorige plan/).first()).toBeVisible();
	// The done action about asking advice early: its statements rose for the council.
	const effect = page.getByRole('article').filter({ hasText: 'Advies vragen aan het begin van elk beleidsplan' });
	await expect(effect).toBeVisible();
	await expect(effect.getByRole('table').first()).toContainText(/\+\d,\d/);
	await expectAccessible(page);
});
