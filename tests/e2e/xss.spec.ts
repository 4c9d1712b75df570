// User text is shown as text everywhere: a corpus of script-injection attempts goes in through the
// text fields (pilot names, open answers online, on paper and by CSV import) and comes back on
// every page that shows it exactly as typed, with no script run, no dialog and no CSP complaint.
import { expect, test, type Page } from '@playwright/test';
import { answerPage, createOpenPilot, login, open } from './helpers';

const CORPUS = [
	'<script>window.__xss=1</script>',
	'"><img src=x onerror="window.__xss=1">',
	'<svg onload=window.__xss=1>',
	'javascript:window.__xss=1',
	"'-window.__xss=1-'",
	'{@html "<b>vet</b>"} {{constructor.constructor(\'window.__xss=1\')()}}',
	'</textarea><script>window.__xss=1</script>',
	'=HYPERLINK("http://voorbeeld.nl";"klik")'
];

/** Fails on any dialog, script error or CSP report while `run` goes on. */
async function watch(page: Page, run: () => Promise<void>) {
	const problems: string[] = [];
	page.on('dialog', async (d) => {
		problems.push(`dialog: ${d.message()}`);
		await d.dismiss();
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	await run();
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(problems).toEqual([]);
}

// One test per payload: each makes its own pilot through the forms, so each stays small.
for (const [i, payload] of CORPUS.entries()) {
	test(`script in a pilot name and contact (${i + 1} of ${CORPUS.length}) is shown as text on every facilitator and respondent page`, async ({
		page
	}) => {
		await watch(page, async () => {
			await login(page);
			const municipality = `X${i} ${payload}`.slice(0, 100);
			const contact = `C${i} ${payload}`.slice(0, 200);
			const { id, links } = await createOpenPilot(page, {
				municipality,
				variant: 'Korte versie',
				links: { 'Lid van de raad': 1 },
				contact
			});
			for (const url of [`/pilots`, `/pilots/${id}`, `/pilots/${id}/links`, `/pilots/${id}/brieven`, `/pilots/${id}/papier?rol=raad`]) {
				await open(page, url);
				await expect(page.getByText(municipality).first(), `${url} shows the name as typed`).toBeVisible();
			}
			await open(page, `/pilots/${id}/invoer?rol=raad`);
			expect(await page.title()).toContain(municipality);
			await open(page, `/pilots/${id}/brieven`);
			await expect(page.getByText(contact, { exact: true }).first(), 'the letter shows the contact as typed').toBeVisible();
			await open(page, links['Lid van de raad'][0]);
			await expect(page.getByText(`Gemeente ${municipality}`)).toBeVisible();
			await expect(page.getByText(contact, { exact: true })).toBeVisible();
		});
	});
}

test('script in open answers, online, on paper and by import, is stored and shown as typed', async ({ page }) => {
	await watch(page, async () => {
		await login(page);
		const { id, links } = await createOpenPilot(page, {
			municipality: 'Tekstdorp',
			variant: 'Korte versie',
			links: { 'Lid van de raad': 1 }
		});
		// Online: every payload in the open question of page 1, saved and shown again after a reload.
		const link = links['Lid van de raad'][0];
		await open(page, `${link}/1`);
		const box = page.getByRole('textbox').first();
		const all = CORPUS.join('\n');
		await box.fill(all);
		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page.getByText(/^Thema 2 van \d+$/)).toBeVisible();
		await open(page, `${link}/1`);
		await expect(page.getByRole('textbox').first()).toHaveValue(all);

		// On paper.
		await open(page, `/pilots/${id}/invoer?rol=raad`);
		await answerPage(page);
		await page.getByRole('textbox').first().fill(CORPUS[1]);
		await page.getByRole('button', { name: 'Sla deze papieren vragenlijst op' }).click();
		await expect(page.getByRole('status')).toContainText('Opgeslagen');

		// By import, with the error page echoing a payload back.
		await open(page, `/pilots/${id}/import`);
		const rows = [
			'response,role,item,value',
			...CORPUS.map((c, i) => `r${i},raad,doel-open,"${c.replaceAll('"', '""')}"`),
			`bad,${CORPUS[0]},doel-1,4`
		];
		await page
			.getByLabel('CSV-bestand met antwoorden')
			.setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(page.getByRole('alert')).toContainText(`"${CORPUS[0]}" is geen rol van deze pilot`);
	});
});
