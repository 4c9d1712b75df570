// Steps of the plan van aanpak that more than one journey takes: an empty plan on the demo pilot,
// the months the pickers show, and adding an action through the form as a facilitator would.
import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';

/** The demo pilot's id, with its plan emptied: every run starts from no actions. */
export function emptyDemoPlan(): number {
	const db = new Database('.e2e-data/quickscan.db');
	try {
		const demo = (
			db.prepare("SELECT id FROM pilots WHERE municipality = 'Voorbeeldstad (demo)' ORDER BY id LIMIT 1").get() as { id: number }
		).id;
		db.prepare('DELETE FROM plan_actions WHERE pilot_id = ?').run(demo);
		return demo;
	} finally {
		db.close();
	}
}

/** A month before the current one (overdue when not done), and the current month, as the pickers show them. */
export function months() {
	const now = new Date();
	const before = new Date(now.getFullYear(), now.getMonth() - 1, 15);
	const name = (d: Date) => new Intl.DateTimeFormat('nl-NL', { month: 'long' }).format(d);
	return {
		past: { month: name(before), year: String(before.getFullYear()) },
		now: { month: name(now), year: String(now.getFullYear()) }
	};
}

export async function addAction(
	page: Page,
	action: { title: string; why: string; owner: string; month: { month: string; year: string }; topic?: boolean; link?: boolean }
) {
	const form = page.locator('form[action="?/voegtoe"]');
	await form.getByLabel('Wat gaan we doen?').fill(action.title);
	if (action.topic) await form.getByLabel('Onderwerp van de agenda (niet verplicht)').selectOption({ index: 1 });
	await form.getByLabel('Waarom deze actie?').fill(action.why);
	await form.getByRole('radio', { name: action.owner }).check();
	await form.getByLabel('Maand', { exact: true }).selectOption({ label: action.month.month });
	await form.getByLabel('Jaar', { exact: true }).selectOption(action.month.year);
	await form.getByRole('radio', { name: 'Hoog' }).check();
	await form.getByLabel('Hoe zien we dat het werkt?').fill(`Teken bij ${action.title}`);
	if (action.link) {
		await form.getByRole('checkbox', { name: 'Thema: Waarom doen we dit?' }).check();
		await form.locator('summary', { hasText: 'bij Waarom doen we dit?' }).click();
		await form.getByRole('checkbox', { name: 'Het is duidelijk wat de raad en de gemeente samen willen bereiken.' }).check();
	}
	await form.getByRole('button', { name: 'Voeg de actie toe' }).click();
	await expect(page.getByText('De actie staat in het plan.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: action.title })).toBeVisible();
}
