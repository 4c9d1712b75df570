// The benchmark part of `npm run bench`: 1,000 closed pilots x 50 respondents on the full scan
// (about 2.5 million answers, inserted with raw prepared statements in one transaction), each
// released by the app's own makeRelease. Times remaking the benchmark snapshot (refreshBenchmarkSnapshot,
// forced by two pilots changing consent before each run), then starts the built server and times a
// pilot's benchmark page and the admin's programme overview, signed in; reports the database size
// and the server's peak memory (VmHWM). Targets: pages < 1 s, remake < 10 s, memory < 300 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { allQuestions, buildPages } from '../../src/lib/scan/questionnaire';
import { createSession, createUser, SESSION_COOKIE } from '../../src/lib/server/auth';
import { openDatabase } from '../../src/lib/server/db/client';
import { seededRandom } from '../../src/lib/server/demo';
import { getPilot, setPilotStatus } from '../../src/lib/server/pilots';
import { makeRelease } from '../../src/lib/server/releases';
import { publishedSnapshot, refreshBenchmarkSnapshot, scanKeyOf } from '../../src/lib/server/benchmark';
import { makeOpenPilot } from './pilot';
import { startApp, stopServer } from './server';
import { printTable, time, timeAsync, type Timing } from './timing';

const PILOTS = 1000;
const RESPONDENTS = 50;
/** 50 respondents: every role at or above the benchmark's floor of 5. */
const PER_ROLE: Record<string, number> = { raad: 20, ondersteuner: 5, gemeente: 20, bestuur: 5 };
const COUNCIL_TYPES = ['clientenraad', 'adviesraad-werkgroep', 'adviesraad'];
const TARGET_PAGE_MS = 1000;
const TARGET_REMAKE_MS = 10_000;
const TARGET_MEMORY_MB = 300;

type Row = { what: string; timing: Timing | null; target: string; ok: boolean | null; error?: string };

/** Peak resident memory of a process in MB (Linux), or null. */
function peakMemoryMb(pid: number | undefined): number | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : null;
	} catch {
		return null;
	}
}

export async function benchBenchmark(root: string, options: { requests: number }): Promise<boolean> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-bench-benchmark-'));
	const rows: Row[] = [];
	let child: ChildProcess | null = null;
	try {
		const databasePath = path.join(dir, 'bench.db');
		const db = openDatabase(databasePath, path.join(root, 'drizzle'));
		const c = db.$client;
		const user = await createUser(db, { email: 'bench@quickscan.local', password: 'bench-wachtwoord-123', role: 'admin', name: 'Bench' });
		const first = makeOpenPilot(db, user.id, 'Benchstad 0000');
		const questions = Object.fromEntries(
			first.roles.map((role) => [role, allQuestions(buildPages(first.scan, { variant: 'full', mirror: true, role }))])
		);

		let started = performance.now();
		const insertPilot = c.prepare(
			`INSERT INTO pilots (municipality, council_type, snapshot_id, variant, mirror, roles, min_group_size, status, benchmark_consent, owner_id)
			 VALUES (?, ?, ?, 'full', 1, ?, 5, 'open', ?, ?) RETURNING id`
		);
		const insertResponse = c.prepare(
			`INSERT INTO responses (public_id, pilot_id, role, source, status, started_on, submitted_on)
			 VALUES (?, ?, ?, 'online', 'submitted', '2026-11-01', '2026-11-02') RETURNING id`
		);
		const insertAnswer = c.prepare('INSERT INTO answers (response_id, key, score, dont_know, text) VALUES (?, ?, ?, ?, ?)');
		const random = seededRandom(2026);
		const ids: number[] = [first.id];
		let answers = 0;
		c.transaction(() => {
			for (let p = 1; p < PILOTS; p++) {
				const consent = p % 10 !== 0 ? 1 : 0;
				const council = COUNCIL_TYPES[p % 3];
				ids.push(
					(
						insertPilot.get(
							`Benchstad ${String(p).padStart(4, '0')}`,
							council,
							first.snapshotId,
							JSON.stringify(first.roles),
							consent,
							user.id
						) as { id: number }
					).id
				);
			}
			for (const [p, pilotId] of ids.entries()) {
				// Each pilot leans its own way, and the council a bit lower than staff, so the distribution has a shape.
				const lean = random() * 2 - 1;
				for (const role of first.roles) {
					const shift = lean + (role === 'raad' ? -0.4 : 0.2);
					for (let n = 0; n < PER_ROLE[role]; n++) {
						const responseId = (insertResponse.get(`b${p}-${role}-${n}`, pilotId, role) as { id: number }).id;
						for (const q of questions[role]) {
							const r = random();
							if (q.kind === 'open') {
								if (r < 0.2) insertAnswer.run(responseId, q.key, null, 0, 'Meer terugkoppeling over wat er met onze adviezen gebeurt.');
								else continue;
							} else if (r < 0.06) insertAnswer.run(responseId, q.key, null, 1, null);
							else insertAnswer.run(responseId, q.key, Math.min(5, Math.max(1, Math.round(3 + shift + (random() * 4 - 2)))), 0, null);
							answers++;
						}
					}
				}
			}
		})();
		const insertMs = performance.now() - started;
		console.log(
			`  ${ids.length} pilots, ${ids.length * RESPONDENTS} respondenten, ${answers.toLocaleString('nl-NL')} antwoorden ingevoegd in ${(insertMs / 1000).toFixed(1)} s`
		);

		started = performance.now();
		for (const id of ids) {
			setPilotStatus(db, id, 'closed');
			if (!makeRelease(db, getPilot(db, id)!, 'close', user.id).ok) throw new Error(`pilot ${id}: vrijgave geweigerd`);
		}
		c.prepare('UPDATE pilots SET benchmark_consent = 1 WHERE id = ?').run(first.id);
		console.log(`  ${ids.length} vrijgaven (makeRelease) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

		// The first remake also takes the theme scores out of all 1,000 releases (once; release_scores).
		started = performance.now();
		refreshBenchmarkSnapshot(db);
		const cold = performance.now() - started;
		rows.push({
			what: 'eerste momentopname (scores uit 1.000 vrijgaven halen)',
			timing: { median: cold, p95: cold, runs: 1 },
			target: '< 10 s',
			ok: cold < TARGET_REMAKE_MS
		});
		// Each run: two pilots change consent first, so the rules allow (and the run does) a real remake.
		const key = scanKeyOf(first);
		let flip = 0;
		const remake = time(5, 0, () => {
			const a = ids[1 + (flip % 50)];
			const b = ids[2 + (flip % 50)];
			flip++;
			c.prepare('UPDATE pilots SET benchmark_consent = 1 - benchmark_consent WHERE id IN (?, ?)').run(a, b);
			if (!refreshBenchmarkSnapshot(db).includes(key)) throw new Error('geen nieuwe momentopname');
		});
		rows.push({
			what: 'momentopname opnieuw maken (refreshBenchmarkSnapshot)',
			timing: remake,
			target: '< 10 s',
			ok: remake.p95 < TARGET_REMAKE_MS
		});
		console.log(`  momentopname: ${publishedSnapshot(db, key)!.members.length} bijdragende pilots`);

		const cookie = `${SESSION_COOKIE}=${createSession(db, user.id)}`;
		c.pragma('wal_checkpoint(TRUNCATE)');
		db.$client.close();
		const sizeMb = fs.statSync(databasePath).size / 1024 / 1024;

		const server = await startApp(root, databasePath);
		child = server.child;
		const get = (url: string) => async () => {
			const res = await fetch(`${server.base}${url}`, { headers: { cookie }, redirect: 'manual' });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`GET ${url}: status ${res.status}`);
		};
		const pages = [`/pilots/${ids[500]}/benchmark`, '/beheer/programma', '/beheer/programma?rol=gemeente&pagina=10'];
		for (const url of pages) {
			try {
				const timing = await timeAsync(options.requests, 3, get(url));
				rows.push({ what: `pagina: GET ${url}`, timing, target: '< 1 s', ok: timing.p95 < TARGET_PAGE_MS });
			} catch (e) {
				rows.push({ what: `pagina: GET ${url}`, timing: null, target: '< 1 s', ok: false, error: (e as Error).message });
			}
		}
		const memory = peakMemoryMb(child.pid);
		const ms = (v: number) => `${v.toFixed(1)} ms`;
		printTable(
			[
				['meting', 'n', 'mediaan', 'p95', 'doel', 'oordeel'],
				...rows.map((r) => [
					r.what,
					String(r.timing?.runs ?? 0),
					r.timing ? ms(r.timing.median) : '–',
					r.timing ? ms(r.timing.p95) : '–',
					r.target,
					r.error ? `FOUT: ${r.error}` : r.ok ? 'ok' : 'te traag'
				])
			],
			(col) => col >= 1 && col <= 3
		);
		console.log('');
		console.log(`  databank: ${sizeMb.toFixed(0)} MB`);
		console.log(
			`  server, piekgeheugen (VmHWM): ${memory === null ? 'onbekend' : `${memory.toFixed(0)} MB`} (doel < ${TARGET_MEMORY_MB} MB)${memory !== null && memory >= TARGET_MEMORY_MB ? ' te veel' : ''}`
		);
		return !rows.some((r) => r.error);
	} finally {
		if (child) await stopServer(child);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
