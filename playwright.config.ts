import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;
// The tests run against the production build on a fresh database with the demo pilot loaded.
const server = [
	`node -e "require('fs').rmSync('.e2e-data',{recursive:true,force:true})"`,
	'vite build',
	'node scripts/serve.js'
].join(' && ');

const chromium = {
	...devices['Desktop Chrome'],
	channel: undefined,
	launchOptions: {
		// Debian's Chromium; Playwright's own browser download is not possible here.
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: { baseURL: `http://localhost:${PORT}`, trace: 'retain-on-failure', locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' },
	projects: [
		{ name: 'chromium', use: chromium, grepInvert: /@nojs/ },
		{ name: 'chromium-zonder-js', use: { ...chromium, javaScriptEnabled: false }, grep: /@nojs/ }
	],
	webServer: {
		command: server,
		url: `http://localhost:${PORT}/`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			DATABASE_PATH: '.e2e-data/quickscan.db',
			ADMIN_EMAIL: 'beheer@quickscan.local',
			ADMIN_PASSWORD: 'e2e-wachtwoord-quickscan',
			DEMO_DATA: 'true'
		}
	}
});
