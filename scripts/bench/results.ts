// The results part of `npm run bench`: for 60 and 600 respondents on the full scan (fake answers,
// every role at or above k) it times the analysis alone (pilotResults: reading the answers and
// analysing them, and analysePilot on answers already in memory), then starts the built server on
// the temporary database and times GET /pilots/<id>/uitkomsten with a signed-in cookie, and two
// downloads. Medians and p95s against the targets (analysis < 5 ms, page < 50 ms at 60 respondents).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { analysePilot } from '../../src/lib/analysis/aggregate';
import { allQuestions, buildPages, type Answer } from '../../src/lib/scan/questionnaire';
import { createSession, createUser, SESSION_COOKIE } from '../../src/lib/server/auth';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { seededRandom } from '../../src/lib/server/demo';
import { getPilot, setPilotStatus, type PilotWithScan } from '../../src/lib/server/pilots';
import { makeRelease } from '../../src/lib/server/releases';
import { insertCompletedResponse } from '../../src/lib/server/responses';
import { loadSubmitted, pilotResults } from '../../src/lib/server/results';
import { makeOpenPilot } from './pilot';
import { startApp, stopServer } from './server';
import { printTable, time, timeAsync, type Timing } from './timing';

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

/** A pilot on the full scan with `respondents` submitted responses of made-up answers. */
function seedPilot(db: Db, respondents: number, ownerId: number): PilotWithScan {
	const pilot = makeOpenPilot(db, ownerId, `Benchstad ${respondents}`);
	const pilotId = pilot.id;
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
	// The results pages show released figures: close the pilot, which releases them.
	setPilotStatus(db, pilotId, 'closed');
	const closed = getPilot(db, pilotId)!;
	const release = makeRelease(db, closed, 'close', ownerId);
	if (!release.ok) throw new Error('de bench-pilot kon niet worden vrijgegeven');
	return closed;
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

async function benchSize(respondents: number, rows: Row[], RUNS: number, REQUESTS: number, root: string): Promise<void> {
	const DOWNLOADS = Math.min(REQUESTS, 20);
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

		const server = await startApp(root, databasePath);
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

function printRows(rows: Row[]) {
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
	printTable(table, (c) => c >= 2 && c <= 4);
	console.log('');
	console.log(
		'Doelen gelden voor 60 respondenten; 600 is ter vergelijking. Paginatijd is gemeten bij de client over 127.0.0.1 (server + verbinding).'
	);
}

/** Times the analysis and the results page for each pilot size; prints the table. Returns false when a request failed. */
export async function benchResults(root: string, options: { runs: number; requests: number }): Promise<boolean> {
	const rows: Row[] = [];
	try {
		for (const size of SIZES) await benchSize(size, rows, options.runs, options.requests, root);
	} finally {
		if (rows.length) printRows(rows);
	}
	return !rows.some((r) => r.error);
}
