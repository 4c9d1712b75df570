// The large-print paper questionnaire: every answer scale on one line in its own order, and the
// whole form as short as large print allows (themes follow on; a question is never split).
import { expect, test } from '@playwright/test';
import { expectAccessible, login, open } from './helpers';

test('the paper form keeps each scale on one line and the full scan on few pages', async ({ page }) => {
	await login(page);
	await page.getByRole('link', { name: /Voorbeeldstad \(demo\)/ }).click();
	await expect(page).toHaveURL(/\/pilots\/\d+$/);
	const id = Number(new URL(page.url()).pathname.split('/')[2]);
	await open(page, `/pilots/${id}/papier?rol=raad`);
	await expectAccessible(page);

	// As printed on A4 (17 cm of text width is about 640 CSS pixels).
	await page.setViewportSize({ width: 640, height: 900 });
	await page.emulateMedia({ media: 'print' });
	const scales = page.locator('.qs-paper__boxes:not(.qs-paper__boxes--ladder)');
	expect(await scales.count()).toBeGreaterThan(40);
	const rows = await scales.evaluateAll((lists) =>
		lists.map((list) =>
			[...list.querySelectorAll('li')].map((li) => ({ top: li.getBoundingClientRect().top, left: li.getBoundingClientRect().left }))
		)
	);
	for (const boxes of rows) {
		expect(boxes).toHaveLength(6);
		// One line: every answer starts at the same height, each further to the right than the one before.
		expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
		expect(boxes.map((b) => b.left)).toEqual([...boxes.map((b) => b.left)].sort((a, b) => a - b));
	}

	const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '20mm', right: '20mm' } });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
	// A page per theme and wrapping scales made it 18 pages; following on and one line per scale, 14.
	expect(pages).toBeGreaterThan(3);
	expect(pages).toBeLessThanOrEqual(14);
});
