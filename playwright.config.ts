import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './scripts/browser';

const PORT = 4173;
// The tests run against the production build on a fresh database with the demo programme loaded. The
// request log goes to a file, so tests can check what it holds (never a token).
// The read-aloud audio is made while the app builds (the server would make it in the background,
// but then a test could find its control missing): every test sees the same page.
const server = [
	`node -e "const fs=require('fs');fs.rmSync('.e2e-data',{recursive:true,force:true});fs.mkdirSync('.e2e-data')"`,
	'(npx tsx scripts/read-aloud.ts > .e2e-data/read-aloud.log & audio=$!; vite build && wait $audio)',
	'node scripts/serve.js > .e2e-data/server.log'
].join(' && ');

// `npm test` finds or installs a browser first (scripts/browser.ts); run alone, say what to do.
const browser = findBrowser();
if (!browser) throw new Error('No Chromium for the browser tests: run `npm run browser` (finds or installs one), or set CHROMIUM_PATH.');

const chromium = {
	...devices['Desktop Chrome'],
	channel: undefined,
	launchOptions: {
		executablePath: browser.path,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// One worker: each browser test keeps a core busy with Chromium and another with the server, so
	// two workers on two cores starved each other (tests ran at half speed, the full phone scan
	// came within seconds of its time limit). One at a time, every test runs as it does alone.
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: { baseURL: `http://localhost:${PORT}`, trace: 'retain-on-failure', locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' },
	projects: [
		// The durability run starts a server of its own and loads it hard: it runs first and alone,
		// so the browser tests never share the two cores with it.
		{ name: 'durability', testMatch: /durability\.spec\.ts/ },
		{ name: 'chromium', use: chromium, grepInvert: /@nojs/, testIgnore: /durability\.spec\.ts/, dependencies: ['durability'] },
		{ name: 'chromium-zonder-js', use: { ...chromium, javaScriptEnabled: false }, grep: /@nojs/, dependencies: ['durability'] }
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
			DEMO_DATA: 'true',
			// As behind a proxy: the client address comes from X-Forwarded-For. Tests of the rate
			// limits give each client an address of its own, so no test is slowed by another's.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		}
	}
});
