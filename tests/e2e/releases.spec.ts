// Released results, as a council chair (a viewer) and the facilitator see them: no figures while
// the questionnaire is open, the first release when it closes, and a late paper form that changes
// nothing until enough arrive and someone other than the typist confirms them.
import { hash } from '@node-rs/argon2';
import { expect, request, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible, login, open } from './helpers';
import { BASE } from './routes';

const PASSWORD = 'voorzitter-wachtwoord-123';

/** An open pilot (k = 3, short scan) with three council members who handed in online, and a viewer. */
async function setUp() {
	const suffix = Date.now().toString(36);
	const db = new Database('.e2e-data/quickscan.db');
	try {
		const demo = db.prepare('SELECT snapshot_id FROM pilots ORDER BY id LIMIT 1').get() as { snapshot_id: number };
		const pilot = (
			db
				.prepare(
					"INSERT INTO pilots (municipality, council_type, snapshot_id, variant, roles, status, owner_id, min_group_size) VALUES (?, 'clientenraad', ?, 'short', '[\"raad\",\"gemeente\"]', 'open', 1, 3) RETURNING id"
				)
				.get(`Vrijgeefstad ${suffix}`, demo.snapshot_id) as { id: number }
		).id;
		const insertResponse = db.prepare(
			"INSERT INTO responses (public_id, pilot_id, role, source, status, started_on, submitted_on) VALUES (?, ?, 'raad', 'online', 'submitted', '2026-12-01', '2026-12-01') RETURNING id"
		);
		const insertAnswer = db.prepare("INSERT INTO answers (response_id, key, score) VALUES (?, 'doel-1', 4)");
		for (let i = 0; i < 3; i++) insertAnswer.run((insertResponse.get(`vrij-${suffix}-${i}`, pilot) as { id: number }).id);
		const email = `voorzitter-${suffix}@example.nl`;
		const viewer = (
			db
				.prepare("INSERT INTO users (email, name, password_hash, role) VALUES (?, 'Voorzitter', ?, 'viewer') RETURNING id")
				.get(email, await hash(PASSWORD)) as { id: number }
		).id;
		db.prepare("INSERT INTO pilot_shares (pilot_id, user_id, access) VALUES (?, ?, 'viewer')").run(pilot, viewer);
		return { pilot, email };
	} finally {
		db.close();
	}
}

/** The council's mean on statement doel-1 as the API serves it to the viewer, and the release. */
async function released(email: string, pilot: number) {
	const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE, accept: 'text/html' } });
	try {
		expect((await api.post('/login', { form: { email, password: PASSWORD }, maxRedirects: 0 })).status()).toBe(303);
		const body = await (await api.get(`/api/pilots/${pilot}/results`)).json();
		const mean = body.results?.themes[0].items.find((i: { id: string }) => i.id === 'doel-1').byRole.raad?.mean ?? null;
		return { release: body.release?.number ?? null, mean };
	} finally {
		await api.dispose();
	}
}

async function enterPaperForm(page: Page, pilot: number) {
	await open(page, `/pilots/${pilot}/invoer?rol=raad`);
	// Only the statement the test follows: a form with one answer is a form.
	await page.locator('#v-doel-1').getByRole('radio', { name: 'Helemaal oneens', exact: true }).check();
	await page.getByRole('button', { name: 'Sla deze papieren vragenlijst op' }).click();
	await expect(page.getByRole('status')).toContainText('telt mee zodra iemand anders');
}

test('figures are released on closing, and a late paper form changes nothing until enough arrive and a second account confirms them', async ({
	page,
	browser
}) => {
	const { pilot, email } = await setUp();

	// The chair, while the questionnaire is open: counts only, no figures anywhere.
	const chair = await browser.newContext();
	const chairPage = await chair.newPage();
	// Waits for the login to land: opening the next page before the cookie is set would race it.
	await login(chairPage, { email, password: PASSWORD });
	await open(chairPage, `/pilots/${pilot}/uitkomsten`);
	await expect(chairPage).toHaveURL(new RegExp(`/pilots/${pilot}#uitkomsten$`));
	await expect(chairPage.getByText('Er zijn nog geen uitkomsten.')).toBeVisible();
	expect(await released(email, pilot)).toEqual({ release: null, mean: null });

	// The facilitator closes the questionnaire: the first release.
	await login(page);
	await open(page, `/pilots/${pilot}`);
	await page.getByLabel('Ja, sluit de vragenlijst').check();
	await page.getByRole('button', { name: 'Sluit de vragenlijst' }).click();
	await expect(page.getByRole('status')).toContainText('De uitkomsten zijn vrijgegeven (versie 1)');
	expect(await released(email, pilot)).toEqual({ release: 1, mean: 4 });

	// One late paper form: waiting for a second person, and no change in what anyone sees.
	await enterPaperForm(page, pilot);
	await open(page, `/pilots/${pilot}`);
	await expect(page.getByText('U heeft deze vragenlijsten zelf ingevoerd.')).toBeVisible();
	expect(await released(email, pilot)).toEqual({ release: 1, mean: 4 });

	// The chair confirms having seen it; still one is not enough for a new version (k = 3).
	await open(chairPage, `/pilots/${pilot}`);
	await expectAccessible(chairPage);
	await chairPage.getByLabel('Ik heb deze papieren vragenlijsten gezien').check();
	await chairPage.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(chairPage.getByRole('status')).toContainText('Bevestigd: 1 vragenlijsten');
	await expect(chairPage.getByText(/Nog nodig: 2 voor Lid van de raad/)).toBeVisible();
	expect(await released(email, pilot)).toEqual({ release: 1, mean: 4 });

	// Two more, confirmed: now the facilitator can release version 2.
	await enterPaperForm(page, pilot);
	await enterPaperForm(page, pilot);
	await open(chairPage, `/pilots/${pilot}`);
	await chairPage.getByLabel('Ik heb deze papieren vragenlijsten gezien').check();
	await chairPage.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(chairPage.getByRole('status')).toContainText('Bevestigd: 2 vragenlijsten');
	await open(page, `/pilots/${pilot}`);
	await page.getByLabel('Ja, geef de uitkomsten nu vrij').check();
	await page.getByRole('button', { name: 'Uitkomsten vrijgeven' }).click();
	await expect(page.getByRole('status')).toContainText('De uitkomsten zijn vrijgegeven (versie 2)');
	await expectAccessible(page);
	expect(await released(email, pilot)).toEqual({ release: 2, mean: 2.5 });
	await expect(
		page.getByText(/Versie 2, vrijgegeven op .*Lid van de raad 6 \(waarvan 3 getypt van papier of geïmporteerd\)/)
	).toBeVisible();
	// The results say which version they are and how many forms of each group were typed in.
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page.getByText(/^Versie 2, vrijgegeven op/)).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: /^Lid van de raad: \d+ ingeleverde/ })).toContainText(
		'6 ingeleverde vragenlijsten, waarvan 3 overgetypt van papier of geïmporteerd'
	);
	await chair.close();
});
