// Finds the Chromium the browser tests run in, or gets one, so that `npm test` passes on a fresh
// machine. Order: CHROMIUM_PATH, a system Chromium, Playwright's own browser; otherwise install one
// (Playwright's download where it can download, Debian's package where we run as root), otherwise
// stop with one line that names the command to run. `playwright.config.ts` uses `findBrowser()`.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

export type Browser = { path: string; source: string };

// The headless shell first: it is what Playwright itself runs headless, and it needs about a fifth
// less CPU than a full browser in headless mode, which matters with two test workers on two cores.
const SYSTEM_NAMES = ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const HOW_TO =
	'install Chromium (Debian: sudo apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH to a Chromium or Chrome executable, then run npm test again';

function executable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function onPath(name: string): string | null {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && executable(join(dir, name))) return join(dir, name);
	}
	return null;
}

/** Playwright's own downloaded browser, if one is installed for this version of Playwright. */
function playwrightBrowser(): string | null {
	try {
		const path = chromium.executablePath();
		return path && executable(path) ? path : null;
	} catch {
		return null;
	}
}

/** The browser to use, without installing anything; throws when CHROMIUM_PATH is set but wrong. */
export function findBrowser(): Browser | null {
	const chosen = process.env.CHROMIUM_PATH;
	if (chosen) {
		if (!executable(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, which is not an executable file: ${HOW_TO}.`);
		return { path: chosen, source: 'CHROMIUM_PATH' };
	}
	for (const name of SYSTEM_NAMES) {
		const path = onPath(name);
		if (path) return { path, source: 'system' };
	}
	const own = playwrightBrowser();
	return own ? { path: own, source: 'Playwright' } : null;
}

/** Runs an install step quietly; on failure shows the end of its output, so the reason is seen. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
	console.log(`browser: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 });
	if (result.status === 0) return true;
	const lines = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const reason = lines.find((l) => /error|fail|denied|not found/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.status}`;
	console.log(`browser: that failed: ${reason}`);
	return false;
}

function isDebianLike(): boolean {
	try {
		const release = readFileSync('/etc/os-release', 'utf8');
		return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
	} catch {
		return false;
	}
}

/** Finds a browser or installs one; exits the process with one clear line when neither works. */
export function ensureBrowser(): Browser {
	const found = findBrowser();
	if (found) return found;

	console.log('browser: no Chromium found; trying to install one for the browser tests');
	const playwrightCli = join('node_modules', '.bin', 'playwright');
	if (existsSync(playwrightCli) && run(playwrightCli, ['install', 'chromium'])) {
		const own = playwrightBrowser();
		if (own) return { path: own, source: 'Playwright (just installed)' };
	}
	// Playwright's download is refused on machines without general internet; Debian's package is not.
	if (process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get') && isDebianLike()) {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		// Fonts: the charts measure their labels for DejaVu Sans; Liberation is what Chromium falls back to.
		const packages = ['chromium-headless-shell', 'fonts-dejavu-core', 'fonts-liberation'];
		if (run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], env)) {
			const installed = findBrowser();
			if (installed) return { ...installed, source: `${installed.source} (just installed)` };
		}
	}
	console.error(`browser: no Chromium for the browser tests and none could be installed here: ${HOW_TO}.`);
	process.exit(1);
}

function version(path: string): string {
	try {
		return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
	} catch {
		return 'version unknown';
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	try {
		const browser = ensureBrowser();
		console.log(`browser: ${browser.path} (${browser.source}; ${version(browser.path)})`);
	} catch (e) {
		console.error(`browser: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
}
