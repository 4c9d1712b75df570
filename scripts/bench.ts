// `npm run bench`: how fast the results are, with the real modules on a temporary database.
// For 60 and 600 respondents on the full scan (fake answers, every role at or above k) it times
// the analysis alone (pilotResults: reading the answers and analysing them, and analysePilot on
// answers already in memory), then starts the built server (scripts/serve.js, 127.0.0.1 only, a
// free port, the temporary database) and times GET /pilots/<id>/uitkomsten with a signed-in
// cookie, and two downloads. It prints medians and p95s against the targets (analysis < 5 ms,
// page < 50 ms for 60 respondents). It is a measurement, not a test: timings never fail it; only
// a missing build or a server that does not start does.
//
// Needs a build first: `npm run build`. Options: `npm run bench -- --runs 200 --requests 50`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { analysePilot } from '../src/lib/analysis/aggregate';
import { allQuestions, buildPages, type Answer } from '../src/lib/scan/questionnaire';
import { createSession, createUser, SESSION_COOKIE } from '../src/lib/server/auth';
import { openDatabase, type Db } from '../src/lib/server/db/client';
import { seededRandom } from '../src/lib/server/demo';
import { createPilot, getPilot, pilotFormSchema, setPilotStatus, type PilotWithScan } from '../src/lib/server/pilots';
import { insertCompletedResponse } from '../src/lib/server/responses';
import { loadSubmitted, pilotResults } from '../src/lib/server/results';
import { loadScans } from '../src/lib/server/scans';

const root = path.resolve(import.meta.dirname, '..');

function option(name: string, fallback: number, max: number): number {
	const args = process.argv.slice(2);
	let raw: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
		if (m?.[1] === name) raw = m[2] ?? args[++i];
	}
	if (raw === undefined) return fallback;
	const n = Math.round(Number(raw));
	if (!Number.isFinite(n) || n < 1 || n > max) {
		console.error(`bench: --${name} moet een getal van 1 tot ${max} zijn (got ${raw})`);
		process.exit(2);
	}
	return n;
}

const RUNS = option('runs', 200, 10_000);
const REQUESTS = option('requests', 50, 1_000);
const DOWNLOADS = Math.min(REQUESTS, 20);
const SIZES = [60, 600];
/** Targets for the 60-respondent pilot (issue 3, "Speed"). */
const TARGET_ANALYSIS_MS = 5;
const TARGET_PAGE_MS = 50;
/** Share of respondents per role; every role stays at or above k, so nothing is skipped. */
const ROLE_SHARE: Record<string, number> = { raad: 0.4, ondersteuner: 0.1, gemeente: 0.4, bestuur: 0.1 };
const OPEN_TEXTS = [
	'Eerder betrokken worden, niet pas als alles al klaar is.',
	'Meer terugkoppeling over wat er met onze adviezen gebeurt.',
	'Minder vaktaal in de stukken, en een vaste contactpersoon.'
];

type Timing = { median: number; p95: number; runs: number };

function summarise(samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)], runs: sorted.length };
}

function time(runs: number, warmUp: number, fn: () => unknown): Timing {
	for (let i = 0; i < warmUp; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return summarise(samples);
}

async function timeAsync(runs: number, warmUp: number, fn: () => Promise<unknown>): Promise<Timing> {
	for (let i = 0; i < warmUp; i++) await fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return summarise(samples);
}

/** A pilot on the full scan with `respondents` submitted responses of made-up answers. */
function seedPilot(db: Db, respondents: number, ownerId: number): PilotWithScan {
	const scan = loadScans(path.join(root, 'scans'))[0].definition;
	const roles = scan.roles.map((r) => r.id);
	const form = pilotFormSchema.parse({
		municipality: `Benchstad ${respondents}`,
		roundLabel: 'Nulmeting',
		cbsCode: '',
		councilType: 'clientenraad',
		scan: `${scan.id}@${scan.version}`,
		variant: 'full',
		mirror: true,
		roles,
		minGroupSize: 5,
		opensOn: '',
		closesOn: '',
		benchmarkConsent: false
	});
	const pilotId = createPilot(db, form, ownerId);
	setPilotStatus(db, pilotId, 'open');
	const pilot = getPilot(db, pilotId)!;
	const random = seededRandom(respondents);
	db.transaction((tx) => {
		for (const role of pilot.roles) {
			const count = Math.max(pilot.minGroupSize, Math.round(respondents * (ROLE_SHARE[role] ?? 0.1)));
			const questions = allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role }));
			for (let n = 0; n < count; n++) {
				const answers: [string, Answer][] = [];
				for (const q of questions) {
					const r = random();
					if (r < 0.04) continue;
					if (q.kind === 'open') {
						if (r < 0.5) answers.push([q.key, { kind: 'text', text: OPEN_TEXTS[n % OPEN_TEXTS.length] }]);
					} else if (r < 0.1) answers.push([q.key, { kind: 'dontKnow' }]);
					else answers.push([q.key, { kind: 'score', score: (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5 }]);
				}
				insertCompletedResponse(tx as unknown as Db, { pilotId, role, source: 'online', answers });
			}
		}
	});
	return pilot;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as net.AddressInfo).port;
			server.close(() => resolve(port));
		});
	});
}

/** Starts the built server on the temporary database and waits (at most 30 s) until it answers. */
async function startServer(databasePath: string): Promise<{ child: ChildProcess; base: string; output: () => string }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATABASE_PATH: databasePath, DEMO_DATA: 'false' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Keep only the tail of the logs (one line per request), for an error message.
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`de server stopte meteen (exit ${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${base}/login`)).ok) return { child, base, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`de server antwoordde niet binnen 30 s:\n${output}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

type Row = { respondents: number; what: string; timing: Timing | null; target: number | null; error?: string };

/** One HTTP measurement; a failing request is reported in the table instead of stopping the bench. */
async function measure(rows: Row[], row: Omit<Row, 'timing'>, run: () => Promise<Timing>): Promise<void> {
	try {
		rows.push({ ...row, timing: await run() });
	} catch (e) {
		rows.push({ ...row, timing: null, error: (e as Error).message });
	}
}

async function benchSize(respondents: number, rows: Row[]): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-bench-'));
	let child: ChildProcess | null = null;
	try {
		const databasePath = path.join(dir, 'bench.db');
		const db = openDatabase(databasePath, path.join(root, 'drizzle'));
		const user = await createUser(db, { email: 'bench@quickscan.local', password: 'bench-wachtwoord-123', role: 'admin', name: 'Bench' });
		const pilot = seedPilot(db, respondents, user.id);
		const submitted = loadSubmitted(db, pilot.id);
		const roles = pilotResults(db, pilot).roles;
		console.log(`  ${respondents} respondenten: ${roles.map((r) => `${r.role} ${r.respondents ?? '<k'}`).join(', ')}`);

		const target = (ms: number) => (respondents === 60 ? ms : null);
		rows.push({
			respondents,
			what: 'analyse: pilotResults (lezen + analyseren)',
			timing: time(RUNS, 20, () => pilotResults(db, pilot)),
			target: target(TARGET_ANALYSIS_MS)
		});
		const input = {
			scan: pilot.scan,
			variant: pilot.variant,
			mirror: pilot.mirror,
			roles: pilot.roles,
			minGroupSize: pilot.minGroupSize,
			responses: submitted,
			shuffleSeed: pilot.id
		};
		rows.push({
			respondents,
			what: 'analyse: analysePilot (alleen rekenen)',
			timing: time(RUNS, 20, () => analysePilot(input)),
			target: null
		});
		const cookie = `${SESSION_COOKIE}=${createSession(db, user.id)}`;
		db.$client.close();

		const server = await startServer(databasePath);
		child = server.child;
		const get = (url: string) => async () => {
			const res = await fetch(`${server.base}${url}`, { headers: { cookie }, redirect: 'manual' });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`GET ${url}: status ${res.status}`);
		};
		const page = `/pilots/${pilot.id}/uitkomsten`;
		await measure(rows, { respondents, what: `pagina: GET ${page}`, target: target(TARGET_PAGE_MS) }, () =>
			timeAsync(REQUESTS, 10, get(page))
		);
		for (const kind of ['uitkomsten.xlsx', 'antwoorden.csv'])
			await measure(rows, { respondents, what: `download: ${kind}`, target: null }, () =>
				timeAsync(DOWNLOADS, 3, get(`${page}/export/${kind}`))
			);
		const failed = rows.filter((r) => r.respondents === respondents && r.error);
		if (failed.length) console.error(`  server-log (laatste regels):\n${server.output().trim().split('\n').slice(-6).join('\n')}`);
	} finally {
		if (child) await stopServer(child);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function printTable(rows: Row[]) {
	const ms = (v: number) => `${v.toFixed(2)} ms`;
	const table = [
		['respondenten', 'meting', 'n', 'mediaan', 'p95', 'doel', 'oordeel'],
		...rows.map((r) => [
			String(r.respondents),
			r.what,
			r.timing ? String(r.timing.runs) : '0',
			r.timing ? ms(r.timing.median) : '–',
			r.timing ? ms(r.timing.p95) : '–',
			r.target === null ? '–' : `< ${r.target} ms`,
			!r.timing
				? `FOUT: ${r.error}`
				: r.target === null
					? ''
					: r.timing.p95 < r.target
						? 'ok'
						: r.timing.median < r.target
							? 'mediaan ok, p95 te hoog'
							: 'te traag'
		])
	];
	const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
	const line = (row: string[]) => row.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
	console.log('');
	console.log(line(table[0]));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of table.slice(1)) console.log(line(row));
	console.log('');
	console.log(
		'Doelen gelden voor 60 respondenten; 600 is ter vergelijking. Paginatijd is gemeten bij de client over 127.0.0.1 (server + verbinding).'
	);
}

if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
	console.error('bench: build/ ontbreekt. Draai eerst `npm run build` (the built server is needed to time the results page).');
	process.exit(1);
}

console.log(
	`Quickscan bench: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length}×), ${RUNS} analyses, ${REQUESTS} paginaverzoeken per grootte`
);
const rows: Row[] = [];
try {
	for (const size of SIZES) await benchSize(size, rows);
	printTable(rows);
	// Slow timings never fail the bench; a request that did not work does.
	process.exit(rows.some((r) => r.error) ? 1 : 0);
} catch (e) {
	if (rows.length) printTable(rows);
	console.error(`bench: ${(e as Error).message}`);
	process.exit(1);
}
