// A short run of the durability harness (scripts/durability-harness.ts): the real server, killed
// with SIGKILL during concurrent autosaves, loses no acknowledged save. No browser page needed;
// Playwright's webServer has built the app. Runs on its own port with its own temporary database.
import { expect, test } from '@playwright/test';
import { formatDetails, formatSummary, runDurability } from '../../scripts/durability-harness';

test('every acknowledged autosave survives the server being killed', async () => {
	test.setTimeout(150_000);
	const result = await runDurability({ port: 4180, kills: 3, concurrency: 3, durationMs: 15_000, links: 6 });
	const report = [formatSummary(result), ...formatDetails(result)].join('\n');
	await test.info().attach('durability', { body: report, contentType: 'text/plain' });
	expect(result.kills, report).toBe(3);
	expect(result.acknowledged, report).toBeGreaterThan(50);
	expect(result.missing, report).toBe(0);
	expect(result.found, report).toBe(result.acknowledged);
	expect(result.duplicates, report).toBe(0);
	expect(result.extraResponses, report).toBe(0);
	expect(result.unexpected, report).toBe(0);
	expect(result.integrity, report).toBe('ok');
	expect(result.problems, report).toEqual([]);
});
