// The save-path part of `npm run bench`: how many autosaves per second the app takes, against two
// floors measured in the same run on the same machine:
// - the app: an open pilot on the full scan with 60 personal links, made through the app's own
//   code on a temporary database; each request is POST /s/<token>/antwoord with one answer, the
//   links taken in turn (every check of the real path runs: token, link state, pilot open,
//   validation against the role's questions, the idempotent upsert in WAL/FULL);
// - the SvelteKit floor: a bare SvelteKit 2 app (floor-kit/, built here) whose +server.ts does one
//   prepared upsert on the same table shape and settings;
// - the machine's limit: the same upsert behind a bare node:http server (floor-raw.js).
// Each is loaded with autocannon at 20 connections after a short warm-up, taking turns in three
// rounds (the machine's load changes alike for all three); medians are reported. Then the
// JavaScript a question page makes the browser load, as sent (compressed), per chunk, against the
// floor's page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { allQuestions, buildPages } from '../../src/lib/scan/questionnaire';
import { createUser } from '../../src/lib/server/auth';
import { openDatabase } from '../../src/lib/server/db/client';
import { createPersonalLinks } from '../../src/lib/server/invitations';
import { makeOpenPilot } from './pilot';
import { pinLoadGenerator, startApp, startNode, stopServer, type Started } from './server';
import { printTable } from './timing';

const LINKS = 60;
const CONNECTIONS = 20;
const ROUNDS = 3;
const here = import.meta.dirname;

type Load = { savesPerSecond: number; p50: number; p99: number; failures: number; cpuPerSave: number };
type Target = { path: string; body: string };
type Contender = { name: string; base: string; pid: number; targets: Target[]; rounds: Load[] };

/**
 * The CPU time (user + system, ms) a process has used so far, from /proc; null where there is none.
 * Saves per second depend on how busy the machine is; the CPU time a server spends per save hardly
 * does, so it is reported next to them and compared too.
 */
function cpuMs(pid: number): number | null {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return null;
	}
}

/** Loads POST <base><path> with the targets' bodies in turn, at 20 connections, for `seconds`. */
async function load(base: string, pid: number, targets: Target[], seconds: number): Promise<Load> {
	let next = 0;
	const cpuBefore = cpuMs(pid);
	const result = await autocannon({
		url: base,
		connections: CONNECTIONS,
		duration: seconds,
		requests: [
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: base },
				setupRequest: (request) => {
					const target = targets[next++ % targets.length];
					return { ...request, path: target.path, body: target.body };
				}
			}
		]
	});
	const cpuAfter = cpuMs(pid);
	return {
		savesPerSecond: result.requests.total / seconds,
		p50: result.latency.p50,
		p99: result.latency.p99,
		failures: result.errors + result.timeouts + result.non2xx,
		cpuPerSave: cpuBefore === null || cpuAfter === null ? NaN : ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total)
	};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The servers take turns (raw, kit, app, raw, …) for ROUNDS rounds after a warm-up each, so a
 * machine that gets busier or quieter during the run treats them alike; the medians are reported.
 */
async function compete(contenders: Contender[], seconds: number) {
	for (const c of contenders) await load(c.base, c.pid, c.targets, 2);
	const perRound = Math.max(2, Math.round(seconds / ROUNDS));
	for (let round = 0; round < ROUNDS; round++) for (const c of contenders) c.rounds.push(await load(c.base, c.pid, c.targets, perRound));
}

/** Builds the bare SvelteKit app (a few seconds) so the floor is measured on the installed versions. */
function buildFloorKit() {
	try {
		execFileSync(process.execPath, [path.join(here, '../../node_modules/vite/bin/vite.js'), 'build'], {
			cwd: path.join(here, 'floor-kit'),
			stdio: 'pipe'
		});
	} catch (e) {
		throw new Error(`de kale SvelteKit-app bouwde niet:\n${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`, { cause: e });
	}
}

/** GET with one Accept-Encoding; the bytes as they travel (not decompressed). */
function getRaw(url: string, encoding: 'br' | 'gzip'): Promise<{ status: number; bytes: number; text: string }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					resolve({ status: res.statusCode ?? 0, bytes: body.length, text: res.headers['content-encoding'] ? '' : body.toString() });
				});
			})
			.on('error', reject);
	});
}

type Bundle = { page: string; chunks: { file: string; br: number; gzip: number; zod: boolean }[]; br: number; gzip: number };

/**
 * The JavaScript a page makes the browser load at start: its module preloads (header and HTML), entry
 * imports and script files of its own (`<script src>`, as a page without SvelteKit's script has).
 */
async function pageBundle(base: string, page: string): Promise<Bundle> {
	const response = await fetch(`${base}${page}`);
	if (response.status !== 200) throw new Error(`GET ${page}: status ${response.status}`);
	const html = await response.text();
	const files = new Set<string>();
	for (const m of (response.headers.get('link') ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) files.add(m[1]);
	for (const link of html.match(/<link\b[^>]*>/g) ?? []) {
		const href = /\bhref="([^"]+)"/.exec(link)?.[1];
		if (href && /\brel="modulepreload"/.test(link)) files.add(href);
	}
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(m[1]);
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) files.add(m[1]);
	const chunks = [];
	for (const file of files) {
		const url = new URL(file, `${base}${page}`);
		const [br, gzip] = [await getRaw(url.href, 'br'), await getRaw(url.href, 'gzip')];
		if (br.status !== 200 || gzip.status !== 200) throw new Error(`GET ${url.pathname}: status ${br.status}`);
		// Which chunk holds a validation library (the issue: none on respondent pages).
		const zod = /\$ZodType|ZodError/.test(await fetch(url).then((r) => r.text()));
		chunks.push({ file: url.pathname.split('/').pop()!, br: br.bytes, gzip: gzip.bytes, zod });
	}
	chunks.sort((a, b) => b.br - a.br);
	return { page, chunks, br: chunks.reduce((sum, c) => sum + c.br, 0), gzip: chunks.reduce((sum, c) => sum + c.gzip, 0) };
}

export async function benchSavePath(root: string, options: { seconds: number }): Promise<boolean> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-bench-save-'));
	const servers: Started[] = [];
	try {
		// The app's pilot and links, made through the app's own code.
		const databasePath = path.join(dir, 'app.db');
		const db = openDatabase(databasePath, path.join(root, 'drizzle'));
		const user = await createUser(db, { email: 'bench@quickscan.local', password: 'bench-wachtwoord-123', role: 'admin', name: 'Bench' });
		const pilot = makeOpenPilot(db, user.id, 'Benchstad autosave');
		const secret = Buffer.alloc(32, 7);
		const roles = pilot.roles;
		const links = roles.flatMap((role, i) =>
			createPersonalLinks(db, secret, pilot.id, role, Math.floor(LINKS / roles.length) + (i < LINKS % roles.length ? 1 : 0))
		);
		db.$client.close();
		// One answer per request: a statement of the link's role, the score varying.
		const appTargets = links.map((link, i) => {
			const question = allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role: link.role! })).find(
				(q) => q.kind === 'likert'
			)!;
			return { path: `/s/${link.token}/antwoord`, body: JSON.stringify({ answers: { [question.key]: String(1 + (i % 5)) } }) };
		});
		const floorTargets = appTargets.map((t, i) => ({ path: `/save/${i + 1}`, body: t.body }));

		console.log('  bouwt de kale SvelteKit-app (vloer) …');
		buildFloorKit();
		const split = pinLoadGenerator();
		console.log(
			split ? '  servers op kern 0, de lader op kern 1 (taskset)' : '  servers en lader delen de kernen (geen taskset of één kern)'
		);
		const raw = await startNode([path.join(here, 'floor-raw.js')], {
			cwd: root,
			env: { DATABASE_PATH: path.join(dir, 'raw.db') },
			probe: '/',
			name: 'de node:http-vloer'
		});
		servers.push(raw);
		const kit = await startNode([...(process.env.FLOOR_NODE_ARGS?.split(' ') ?? []), path.join(here, 'floor-kit/build/index.js')], {
			cwd: path.join(here, 'floor-kit'),
			env: { DATABASE_PATH: path.join(dir, 'kit.db') },
			probe: '/',
			name: 'de SvelteKit-vloer'
		});
		servers.push(kit);
		const app = await startApp(root, databasePath);
		servers.push(app);

		const contenders: Contender[] = [
			{ name: 'node:http + better-sqlite3 (grens van de machine)', base: raw.base, pid: raw.child.pid!, targets: floorTargets, rounds: [] },
			{ name: 'kale SvelteKit 2 +server.ts (vloer)', base: kit.base, pid: kit.child.pid!, targets: floorTargets, rounds: [] },
			{ name: `Quickscan POST /s/<token>/antwoord (${LINKS} links)`, base: app.base, pid: app.child.pid!, targets: appTargets, rounds: [] }
		];
		console.log(`  ${ROUNDS} rondes om de beurt, ${options.seconds} s per server in totaal …`);
		await compete(contenders, options.seconds);
		const floorPage = await pageBundle(kit.base, '/');
		const questionPage = await pageBundle(app.base, `/s/${links[0].token}/1`);
		const failed = contenders.some((c) => c.rounds.some((r) => r.failures));
		if (failed) console.error(`  server-log (laatste regels):\n${app.output().trim().split('\n').slice(-6).join('\n')}`);

		printLoads(contenders);
		printBundles(questionPage, floorPage);
		return !failed;
	} finally {
		for (const s of servers) await stopServer(s.child);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function printLoads(contenders: Contender[]) {
	const summary = contenders.map((c) => ({
		name: c.name,
		savesPerSecond: median(c.rounds.map((r) => r.savesPerSecond)),
		p50: median(c.rounds.map((r) => r.p50)),
		p99: median(c.rounds.map((r) => r.p99)),
		cpuPerSave: median(c.rounds.map((r) => r.cpuPerSave)),
		rounds: c.rounds.map((r) => r.savesPerSecond.toFixed(0)).join(' / '),
		failures: c.rounds.reduce((sum, r) => sum + r.failures, 0)
	}));
	printTable(
		[
			['autosave (mediaan van de rondes)', 'saves/s', 'p50', 'p99', 'CPU per save', 'per ronde', 'fouten'],
			...summary.map((l) => [
				l.name,
				l.savesPerSecond.toFixed(0),
				`${l.p50} ms`,
				`${l.p99} ms`,
				Number.isNaN(l.cpuPerSave) ? '–' : `${l.cpuPerSave.toFixed(0)} µs`,
				l.rounds,
				String(l.failures)
			])
		],
		(c) => c >= 1 && c !== 5
	);
	const [raw, kit, app] = summary;
	console.log('');
	console.log(
		`App t.o.v. de SvelteKit-vloer: ${(app.savesPerSecond / kit.savesPerSecond).toFixed(2)}x saves/s (doel ≥ 0.8x), p99 ${(app.p99 / kit.p99).toFixed(2)}x (doel ≤ 1.5x).`
	);
	if (!Number.isNaN(app.cpuPerSave))
		console.log(
			`CPU-tijd per save: de vloer ${(kit.cpuPerSave / app.cpuPerSave).toFixed(2)}x die van de app (hangt minder af van een drukke machine dan saves/s).`
		);
	console.log(
		`App t.o.v. de grens van de machine: ${(app.savesPerSecond / raw.savesPerSecond).toFixed(2)}x; de SvelteKit-vloer zelf: ${(kit.savesPerSecond / raw.savesPerSecond).toFixed(2)}x.`
	);
	console.log(`${CONNECTIONS} verbindingen tegelijk.`);
}

function printBundles(page: Bundle, floor: Bundle) {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	printTable(
		[
			['JavaScript van een vragenpagina (zoals verstuurd)', 'brotli', 'gzip'],
			...page.chunks.map((c) => [c.zod ? `${c.file} (zod)` : c.file, kb(c.br), kb(c.gzip)]),
			['totaal', kb(page.br), kb(page.gzip)]
		],
		(c) => c >= 1
	);
	console.log('');
	console.log(
		`Kale SvelteKit-pagina (één stelling, autosave, formulier met enhance): ${kb(floor.br)} brotli / ${kb(floor.gzip)} gzip in ${floor.chunks.length} bestanden.`
	);
	console.log(
		`Vragenpagina: ${(page.br / floor.br).toFixed(2)}x (brotli, https) en ${(page.gzip / floor.gzip).toFixed(2)}x (gzip, http) de kale pagina (doel ≤ 1.15x).`
	);
	if (page.chunks.some((c) => c.zod)) console.log('Let op: er zit een validatiebibliotheek (zod) in de vragenpagina.');
}
