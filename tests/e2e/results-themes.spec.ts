// The results per theme of the demo pilot: a chart with a table per statement, sorting by links,
// the ladder and mirror charts, open answers without the small groups, the heatmap on the
// overview, and the downloads. Ondersteuner (3) and wethouder (1) are below k = 5 in the demo.
import { expect, request, test, type Page } from '@playwright/test';
import { expectAccessible, expectPngDownload, login, open } from './helpers';

type Stats = { n: number; dontKnow: number; counts: number[]; mean: number | null; agree: number | null } | null;
type Item = {
	id: string;
	number: number;
	text: string;
	byRole: Record<string, Stats>;
	comparisons: { a: string; b: string; delta: number }[];
};
type Theme = {
	id: string;
	title: string;
	items: Item[];
	ladders: { id: string; text: string }[];
	open: { id: string; text: string; byRole: Record<string, string[] | null> }[];
};
type Results = { comparison: [string, string]; roles: { role: string; label: string; suppressed: boolean }[]; themes: Theme[] };

const SMALL = ['Ondersteuner van de raad', 'Wethouder'];
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Logs in, opens the demo pilot's results and returns its base URL and the figures from the API. */
async function openDemoResults(page: Page): Promise<{ base: string; results: Results }> {
	await login(page);
	await page
		.getByRole('link', { name: /Voorbeeldstad \(demo\)/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Bekijk de uitkomsten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Uitkomsten');
	const base = new URL(page.url()).pathname;
	const id = base.split('/')[2];
	const body = await (await page.request.get(`/api/pilots/${id}/results`)).json();
	return { base, results: body.results as Results };
}

/** The statement headings on a theme page, as their numbers, in page order. */
async function statementNumbers(page: Page): Promise<number[]> {
	const names = await page.getByRole('heading', { level: 3 }).allTextContents();
	return names
		.map((n) => n.match(/^(\d+)\. /))
		.filter((m) => m !== null)
		.map((m) => Number(m![1]));
}

test('every theme page shows a chart and a table per statement, and the pager walks through all themes', async ({ page }) => {
	test.setTimeout(180_000);
	const { base, results } = await openDemoResults(page);
	const nav = page.getByRole('navigation', { name: 'Uitkomsten per thema' });
	await expect(nav.getByRole('link')).toHaveCount(results.themes.length);
	await nav.getByRole('link', { name: results.themes[0].title }).click();

	for (const [i, theme] of results.themes.entries()) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme.title);
		await expect(page).toHaveTitle(`${theme.title} – Uitkomsten Voorbeeldstad (demo) – Quickscan`);
		expect(await statementNumbers(page)).toEqual(theme.items.map((item) => item.number));
		for (const item of theme.items) {
			const name = `Stelling ${item.number}: ${item.text}`;
			await expect(page.getByRole('img', { name: new RegExp(`^${escape(name)}`) })).toBeVisible();
			await expect(page.getByRole('table', { name, includeHidden: true })).toHaveCount(1);
		}
		await expect(page.getByRole('link', { name: /^← Vorig thema/ })).toHaveCount(i === 0 ? 0 : 1);
		await expectAccessible(page);
		if (i === results.themes.length - 1) await expect(page.getByRole('link', { name: /^Volgend thema/ })).toHaveCount(0);
		else await page.getByRole('link', { name: `Volgend thema: ${results.themes[i + 1].title} →` }).click();
	}

	// The table of a statement holds the same numbers as the API; the small groups get no figure.
	await open(page, `${base}/thema/${results.themes[0].id}`);
	const item = results.themes[0].items[0];
	const name = `Stelling ${item.number}: ${item.text}`;
	const summary = page.locator('summary', { hasText: 'Tabel' }).first();
	await summary.focus();
	await page.keyboard.press('Enter');
	const table = page.getByRole('table', { name });
	await expect(table).toBeVisible();
	await expect(table.getByRole('row')).toHaveCount(results.roles.length + 1);
	const raad = item.byRole.raad!;
	const raadRow = table.getByRole('row', { name: /^Lid van de raad/ });
	await expect(raadRow.getByRole('cell').first()).toHaveText(`${raad.counts[0]} (${percent.format(raad.counts[0] / raad.n)})`);
	await expect(raadRow.getByRole('cell').nth(7)).toHaveText(decimal.format(raad.mean!));
	for (const small of SMALL)
		await expect(table.getByRole('row', { name: new RegExp(`^${small}`) }).getByRole('cell')).toHaveText(['te weinig antwoorden']);
	await expectAccessible(page);

	// An unknown theme does not exist.
	expect((await page.goto(`${base}/thema/bestaat-niet`))!.status()).toBe(404);
});

test('the sorting links change the order of the statements', async ({ page }) => {
	const { base, results } = await openDemoResults(page);
	const theme = results.themes.find((t) => t.id === 'invloed')!;
	await open(page, `${base}/thema/invloed`);
	const scanOrder = theme.items.map((i) => i.number);
	expect(await statementNumbers(page)).toEqual(scanOrder);
	const sortBy = (key: (item: Item) => number) =>
		[...theme.items].sort((p, q) => key(q) - key(p) || p.number - q.number).map((i) => i.number);
	const [a, b] = results.comparison;

	const order = page.getByRole('navigation', { name: 'Volgorde van de stellingen' });
	await order.getByRole('link', { name: /grootste verschil/ }).click();
	await expect(page).toHaveURL(/sorteer=verschil/);
	const byGap = sortBy((item) => Math.abs(item.comparisons.find((c) => c.a === a && c.b === b)!.delta));
	await expect.poll(() => statementNumbers(page)).toEqual(byGap);
	await expect(order.getByText(/grootste verschil/)).toHaveAttribute('aria-current', 'true');

	await order.getByRole('link', { name: /meeste eens/ }).click();
	await expect(page).toHaveURL(/sorteer=eens/);
	const byAgree = sortBy((item) => item.byRole[a]!.agree!);
	await expect.poll(() => statementNumbers(page)).toEqual(byAgree);
	expect(
		[byGap, byAgree].some((o) => o.join() !== scanOrder.join()),
		'the demo data gives a different order'
	).toBe(true);
	await expectAccessible(page);

	// The neutral answer can move out of the bar; the order chosen stays, and so do the downloads.
	const placement = page.getByRole('navigation', { name: 'Plaats van het middelste antwoord' });
	await placement.getByRole('link', { name: 'apart, naast de balk' }).click();
	await expect(page).toHaveURL(/sorteer=eens&neutraal=apart/);
	await expect.poll(() => statementNumbers(page)).toEqual(byAgree);
	const first = theme.items.find((i) => i.number === byAgree[0])!;
	const chart = page.getByRole('img', { name: new RegExp(`^Stelling ${first.number}: `) });
	await expect(chart).toHaveAccessibleName(/Wie niet eens en niet oneens is, staat apart naast de balk\./);
	await expect(chart.locator('text', { hasText: 'neutraal' })).toHaveCount(1);
	const raad = first.byRole[a]!;
	await expect(chart.locator('text', { hasText: percent.format(raad.counts[2] / raad.n) }).first()).toBeAttached();
	const link = page.getByRole('link', { name: new RegExp(`^Download als SVG.*Stelling ${first.number}: `) });
	expect(await link.getAttribute('href')).toMatch(/\?neutraal=apart$/);
	const file = await page.request.get((await link.getAttribute('href'))!);
	expect(file.headers()['content-disposition']).toMatch(/-neutraal-apart\.svg"$/);
	expect(await file.text()).toContain('>neutraal</text>');
	await expectAccessible(page);

	await order.getByRole('link', { name: 'zoals in de vragenlijst' }).click();
	await expect(page).toHaveURL(/\?neutraal=apart#stellingen$/);
	await expect.poll(() => statementNumbers(page)).toEqual(scanOrder);
});

test('the theme with a ladder shows it, with the mirror chart, and lists no open answers of small groups', async ({ page }) => {
	const { base, results } = await openDemoResults(page);
	const theme = results.themes.find((t) => t.id === 'invloed')!;
	await open(page, `${base}/thema/invloed`);

	const ladder = page.getByRole('img', { name: /^Ladder: / });
	await expect(ladder).toHaveCount(theme.ladders.length);
	await expect(ladder.first()).toBeVisible();
	await expect(
		page
			.getByRole('table', { name: `Ladder: ${theme.ladders[0].text}`, includeHidden: true })
			.getByRole('row', { name: /Mediaan/, includeHidden: true })
	).toHaveCount(1);

	const mirror = page.getByRole('img', { name: `Spiegelvragen: ${theme.title}` });
	await expect(mirror).toBeVisible();
	await expect(mirror).toContainText('verwachting');
	await expect(mirror).toContainText('werkelijk');
	const mirrorTable = page.getByRole('table', { name: `Spiegelvragen: ${theme.title}`, includeHidden: true });
	await expect(mirrorTable.getByRole('cell', { name: 'te weinig antwoorden', includeHidden: true }).first()).toBeAttached();

	// Open answers: the visible groups' answers in the given order; the small groups only say why not.
	let listed = 0;
	for (const question of theme.open) {
		for (const role of results.roles) {
			const section = page
				.getByRole('region', { name: new RegExp(`^${escape(role.label)}( \\(|$)`) })
				.filter({ has: page.getByRole('heading', { level: 4 }) });
			const own = section.nth(theme.open.indexOf(question));
			const answers = question.byRole[role.role];
			if (role.suppressed) {
				expect(answers).toBeNull();
				await expect(own).toContainText('te weinig antwoorden');
				await expect(own.getByRole('listitem')).toHaveCount(0);
			} else if (answers!.length === 0) {
				await expect(own).toContainText('Geen open antwoorden');
			} else {
				await expect(own.getByRole('heading', { level: 4 })).toHaveText(
					`${role.label} (${answers!.length} ${answers!.length === 1 ? 'antwoord' : 'antwoorden'})`
				);
				await expect(own.getByRole('listitem')).toHaveText(answers!);
				listed += answers!.length;
			}
		}
	}
	expect(listed).toBeGreaterThan(0);
	await expect(page.locator('.qs-open').getByRole('listitem')).toHaveCount(listed);
	for (const small of SMALL) expect(results.roles.find((r) => r.label === small)!.suppressed).toBe(true);
	await expectAccessible(page);
});

test('the overview heatmap shows the mean and the share that agrees', async ({ page }) => {
	const { results } = await openDemoResults(page);
	const first = results.themes[0].items[0];
	const heatmap = page.getByRole('img', { name: 'Gemiddelde per stelling en per groep' });
	await expect(heatmap).toBeVisible();
	await expect(heatmap).toContainText(decimal.format(first.byRole.raad!.mean!));
	await expect(heatmap).toContainText('te weinig');
	const meanTable = page.getByRole('table', { name: 'Gemiddelde per stelling en per groep', includeHidden: true });
	const row = meanTable.getByRole('row', { name: new RegExp(`^${first.number}\\. `), includeHidden: true });
	await expect(row.getByRole('cell', { includeHidden: true })).toHaveText(
		results.roles.map((r) => (r.suppressed ? 'te weinig antwoorden' : decimal.format(first.byRole[r.role]!.mean!)))
	);
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Maat in de heatmap' }).getByRole('link', { name: 'deel dat het eens is' }).click();
	await expect(page).toHaveURL(/maat=eens/);
	const agree = page.getByRole('img', { name: 'Deel dat het eens is, per stelling en per groep' });
	await expect(agree).toBeVisible();
	await expect(agree).toContainText(percent.format(first.byRole.raad!.agree!));
	const agreeRow = page
		.getByRole('table', { name: 'Deel dat het eens is, per stelling en per groep', includeHidden: true })
		.getByRole('row', { name: new RegExp(`^${first.number}\\. `), includeHidden: true });
	await expect(agreeRow.getByRole('cell', { includeHidden: true })).toHaveText(
		results.roles.map((r) => (r.suppressed ? 'te weinig antwoorden' : percent.format(first.byRole[r.role]!.agree!)))
	);
	// The theme chart above keeps its own order choice.
	await expect(page.getByRole('img', { name: 'Gemiddelde score per thema en per groep' })).toBeVisible();
	await expectAccessible(page);
});

test('each chart downloads as an SVG file and as a PNG', async ({ page }) => {
	const { base } = await openDemoResults(page);
	const overviewLinks = page.getByRole('link', { name: /^Download als SVG/ });
	await expect(overviewLinks).toHaveCount(2);

	await open(page, `${base}/thema/invloed`);
	const charts = await page
		.getByRole('img')
		.filter({ has: page.locator('title') })
		.count();
	const links = page.getByRole('link', { name: /^Download als SVG/ });
	await expect(links).toHaveCount(charts);
	for (const link of await links.all()) {
		const res = await page.request.get((await link.getAttribute('href'))!);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toMatch(/^image\/svg\+xml/);
		expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="quickscan-voorbeeldstad-demo-.+\.svg"$/);
		const svg = await res.text();
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).not.toContain('<!--');
		expect(svg).toContain('te weinig antwoorden');
	}

	// PNG: drawn in the browser from the same SVG.
	await expectPngDownload(page);

	// Without a session the file is not given out.
	const anonymous = await request.newContext({ baseURL: new URL(page.url()).origin, maxRedirects: 0 });
	const res = await anonymous.get((await links.first().getAttribute('href'))!);
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toMatch(/^\/login\?terug=/);
	await anonymous.dispose();
	expect((await page.request.get(`${base}/grafiek/bestaat-niet`)).status()).toBe(404);
});

test('without JavaScript the theme page sorts by links, opens its tables and offers only the SVG download @nojs', async ({ page }) => {
	const { base, results } = await openDemoResults(page);
	const theme = results.themes.find((t) => t.id === 'invloed')!;
	await open(page, `${base}/thema/invloed`);
	await expect(page.getByRole('button', { name: /Download als PNG/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Download als SVG/ }).first()).toBeVisible();
	await page.getByRole('link', { name: /meeste eens/ }).click();
	await expect(page).toHaveURL(/sorteer=eens/);
	const a = results.comparison[0];
	const expected = [...theme.items].sort((p, q) => q.byRole[a]!.agree! - p.byRole[a]!.agree! || p.number - q.number).map((i) => i.number);
	expect(await statementNumbers(page)).toEqual(expected);
	await page.locator('summary', { hasText: 'Tabel' }).first().click();
	await expect(page.getByRole('table').first()).toBeVisible();
	await expectAccessible(page);
});

function escape(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
