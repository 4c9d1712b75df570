// The printable report: everything of the round in one A4 document, printed to PDF in the test
// (tagged), with the agenda's own topics and notes in its text and no figure split across pages.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open, startFromDraft } from './helpers';
import { openVote, phone, toVotePage } from './vote-steps';
import { pagesWith, pdfPages } from './pdf';
import { addAction, emptyDemoPlan, months } from './plan-steps';

const TOPIC = 'Verslag: vergoeding voor leden van de raad';
const NOTE = 'Afgesproken: de gemeente vergoedt reiskosten vanaf het volgende kwartaal.';
const ACTIONS = ['Reiskosten van raadsleden vergoeden', 'Elk kwartaal overleg met de wethouder'];

test('the report prints to A4 with every figure on one page, the agenda with its notes, the vote and the plan', async ({
	page,
	browser
}) => {
	emptyDemoPlan();
	const id = await toVotePage(page);
	await open(page, `/pilots/${id}/gesprek`);
	await startFromDraft(page);
	await page.getByLabel('Onderwerp', { exact: true }).fill(TOPIC);
	await page.getByRole('button', { name: 'Voeg toe aan de agenda' }).click();
	const own = page.locator('.qs-agenda > li').last();
	await expect(own.getByRole('heading', { level: 3 })).toContainText(TOPIC);
	await own.getByLabel('Aantekeningen').fill(NOTE);
	await own.getByRole('button', { name: /^Aantekeningen opslaan/ }).click();
	await expect(own.getByText('Aantekeningen opgeslagen.')).toBeVisible();

	// A vote on the agenda: one phone puts its three dots on the own topic (the last), then it closes.
	await page.getByRole('link', { name: 'Stemmen over de onderwerpen' }).click();
	const code = await openVote(page);
	const voter = await phone(browser);
	await open(voter.page, `/stem/${code.replace('-', '')}`);
	await voter.page.getByRole('group').last().getByRole('radio', { name: '3 stippen', exact: true }).check();
	await voter.page.getByRole('button', { name: 'Bewaar mijn stippen' }).click();
	await expect(voter.page.getByText('Uw stippen zijn bewaard.')).toBeVisible();
	await voter.context.close();
	await page.getByRole('button', { name: 'Sluit de stemming' }).click();
	await expect(page.getByText('De stemming is gesloten.')).toBeVisible();

	await open(page, `/pilots/${id}/plan`);
	for (const title of ACTIONS) await addAction(page, { title, why: 'Uit het goede gesprek.', owner: 'De gemeente', month: months().now });

	await open(page, `/pilots/${id}/gesprek`);
	await page.getByRole('link', { name: 'Verslag om af te drukken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorbeeldstad (demo) – Nulmeting');
	await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeVisible();
	await expectAccessible(page);
	const figures = await page.locator('.qs-report-figure').count();
	expect(figures).toBeGreaterThan(8);
	// Nothing to click on paper: no tables behind a toggle, no downloads.
	await expect(page.locator('details.qs-chart__table, a[download]')).toHaveCount(0);

	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true, printBackground: true });
	expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
	const pages = await pdfPages(pdf);
	expect(pages.length).toBeGreaterThan(3);
	// Each figure's heading and its source line (the last line of its block) are on the same page.
	for (let n = 1; n <= figures; n++) {
		const heading = pagesWith(pages, `Figuur ${n}. `);
		const source = pagesWith(pages, new RegExp(`vrijgave \\d+ – figuur ${n}(?!\\d)`));
		expect(heading, `figuur ${n}`).toHaveLength(1);
		expect(source, `figuur ${n}`).toEqual(heading);
	}
	// The controls are not printed; the agenda, its own topic and the note are.
	expect(pagesWith(pages, 'Afdrukken of opslaan als PDF')).toEqual([]);
	expect(pagesWith(pages, TOPIC).length).toBeGreaterThan(0);
	expect(pagesWith(pages, NOTE).length).toBeGreaterThan(0);
	// The closed vote's result, with the own topic's three dots.
	const vote = pagesWith(pages, 'Wat vinden we het belangrijkst?');
	expect(vote).toHaveLength(1);
	expect(pages[vote[0] - 1]).toMatch(/1 persoon heeft gestemd/);
	expect(pages[vote[0] - 1]).toMatch(new RegExp(`${TOPIC}\\s*3 stippen`));
	// Every action of the plan, each with its owner, after the agenda.
	for (const title of ACTIONS) expect(pagesWith(pages, title), title).toHaveLength(1);
	expect(Math.min(...pagesWith(pages, ACTIONS[0]))).toBeGreaterThan(Math.max(...pagesWith(pages, NOTE)));
	expect(pagesWith(pages, 'Lees dit eerst')).toEqual([1]);
});

test('@nojs the report without JavaScript says how to print and hides the button', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	const id = new URL(page.url()).pathname.split('/')[2];
	await open(page, `/pilots/${id}/verslag`);
	await expect(page.getByText('Kies in uw browser ‘Afdrukken’')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeHidden();
	await expect(page.locator('.qs-report-figure').first()).toBeVisible();
});
