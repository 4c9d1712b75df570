// Shared steps for the journeys: log in as the facilitator, and check a page with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'beheer@quickscan.local', password: 'e2e-wachtwoord-quickscan' };

export async function login(page: Page) {
	await page.goto('/login');
	await page.getByLabel('E-mailadres').fill(ADMIN.email);
	await page.getByLabel('Wachtwoord').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/pilots$/);
}

/** Fails the test on any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
