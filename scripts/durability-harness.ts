// The durability harness: runs the built server on a fresh database, sends many concurrent
// autosaves to it, kills it with SIGKILL at random moments and starts it again, and then checks
// that every save that got a success response is still there. Used by `npm run durability` and by
// tests/e2e/durability.spec.ts, so there is one implementation. Traffic goes to 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { allQuestions, buildPages } from '../src/lib/scan/questionnaire';
import { openDatabase } from '../src/lib/server/db/client';
import { createPersonalLinks } from '../src/lib/server/invitations';
import { createPilot, getPilot, pilotFormSchema, setPilotStatus } from '../src/lib/server/pilots';
import { loadScans } from '../src/lib/server/scans';
import { hashToken, loadOrCreateSecret } from '../src/lib/server/tokens';

export type DurabilityOptions = {
	port: number;
	/** How many times the server is killed while traffic runs. */
	kills: number;
	/** Requests in flight at once (each from its own loop). */
	concurrency: number;
	/** How long traffic runs, at least; it goes on until every kill has happened. */
	durationMs: number;
	/** Personal links in the pilot (half per compared role). */
	links?: number;
	/** Hard cap on the number of saves, whatever the time. */
	maxSaves?: number;
	/** Project folder with build/, scripts/serve.js, scans/ and drizzle/. */
	root?: string;
	keepData?: boolean;
	log?: (line: string) => void;
};

export type DurabilityResult = {
	acknowledged: number;
	found: number;
	missing: number;
	/** (response, key) pairs stored more than once. */
	duplicates: number;
	/** Links with more than one response. */
	extraResponses: number;
	/** Stored answers whose value was never sent for that link and key. */
	unexpected: number;
	kills: number;
	integrity: string;
	attempted: number;
	/** Requests that got no answer, mostly because the server was killed or starting. */
	unanswered: number;
	/** Of those, open answers (unique values) that were stored even so: the kill came after the commit. */
	unansweredStored: number;
	/** Answers other than 200 (each one is a problem: nothing should refuse these saves). */
	badStatus: number;
	problems: string[];
	ok: boolean;
	dataDir: string;
};

type Attempt = { value: string; acked: boolean };
type Slot = { token: string; tokenHash: string; key: string; open: boolean; attempts: Attempt[] };

const ADMIN_PASSWORD = 'durability-harness-wachtwoord';
const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
	const root = path.resolve(options.root ?? process.cwd());
	const log = options.log ?? (() => {});
	const links = Math.max(2, options.links ?? 8);
	const maxSaves = options.maxSaves ?? 200_000;
	const concurrency = Math.max(1, Math.floor(options.concurrency));
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('build/ ontbreekt: voer eerst `npm run build` uit. (build/ is missing: run `npm run build` first.)');
	await requireFreePort(options.port);

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-durability-'));
	const databasePath = path.join(dataDir, 'quickscan.db');
	const secretPath = path.join(dataDir, 'secret.key');
	const slots = setUp(root, databasePath, secretPath, links);
	log(`database ${databasePath}: ${links} links, ${slots.length} (link, vraag)-paren`);

	const server = new ServerProcess(root, options.port, {
		DATABASE_PATH: databasePath,
		SECRET_PATH: secretPath,
		DEMO_DATA: 'false',
		ADMIN_PASSWORD
	});
	const killOnExit = () => server.child?.kill('SIGKILL');
	process.once('exit', killOnExit);

	const counts = { attempted: 0, unanswered: 0, badStatus: 0 };
	const problems: string[] = [];
	let seq = 0;
	let stopping = false;
	let kills = 0;
	try {
		await server.start();
		const started = Date.now();
		const hardDeadline = started + options.durationMs + 60_000 + options.kills * START_TIMEOUT_MS;

		// Each (link, key) belongs to one loop, which sends its saves one after the other: so for
		// every key the order of the acknowledgements is the order in which they were stored.
		const worker = async (w: number) => {
			const own = slots.filter((_, i) => i % concurrency === w);
			const openSlots = own.filter((s) => s.open);
			while (!stopping && counts.attempted < maxSaves && Date.now() < hardDeadline) {
				if (!server.up) {
					await sleep(20);
					continue;
				}
				const pool = openSlots.length && Math.random() < 0.5 ? openSlots : own;
				const slot = pool[Math.floor(Math.random() * pool.length)];
				const attempt: Attempt = { value: nextValue(slot, ++seq), acked: false };
				slot.attempts.push(attempt);
				counts.attempted++;
				const outcome = await save(options.port, slot, attempt.value);
				if (outcome === 'acked') attempt.acked = true;
				else if (outcome === 'unanswered') {
					counts.unanswered++;
					await sleep(20);
				} else {
					counts.badStatus++;
					if (problems.length < 20) problems.push(`HTTP ${outcome} op een opslag (${slot.key})`);
				}
			}
		};
		const workers = Array.from({ length: concurrency }, (_, w) => worker(w));

		// Kill moments: one per equal part of the run, at a random point inside it.
		const part = options.durationMs / (options.kills + 1);
		const killAt = Array.from({ length: options.kills }, (_, i) => started + part * (i + 0.5 + Math.random()));
		let lastStart = Date.now();
		for (const at of killAt) {
			// If a restart took longer than planned, still let traffic run a little first.
			await sleep(Math.max(at - Date.now(), lastStart + 200 + Math.random() * 300 - Date.now()));
			if (Date.now() > hardDeadline) break;
			const ackedSoFar = countAcked(slots);
			await server.kill();
			kills++;
			const down = Date.now();
			await sleep(Math.random() * 300);
			await server.start();
			lastStart = Date.now();
			log(
				`kill ${kills} na ${((down - started) / 1000).toFixed(1)} s (${ackedSoFar} saves bevestigd), weer op in ${((lastStart - down) / 1000).toFixed(1)} s`
			);
		}
		await sleep(Math.max(started + options.durationMs - Date.now(), lastStart + 1000 - Date.now()));
		stopping = true;
		await Promise.all(workers);
	} catch (e) {
		(e as Error).message += ` (data: ${dataDir})`;
		throw e;
	} finally {
		stopping = true;
		// The final stop is a kill too: the last acknowledged saves must survive it as well.
		await server.kill();
		process.removeListener('exit', killOnExit);
	}

	const result = verify(databasePath, slots, problems);
	const final: DurabilityResult = {
		...result,
		kills,
		...counts,
		dataDir,
		problems,
		ok: false
	};
	if (kills < options.kills) problems.push(`maar ${kills} van de ${options.kills} kills gedaan`);
	if (final.acknowledged === 0) problems.push('geen enkele opslag bevestigd');
	if (server.errorLines > 0)
		problems.push(`de server schreef ${server.errorLines} foutregels; laatste: ${server.tail.slice(-3).join(' | ')}`);
	final.ok =
		problems.length === 0 &&
		final.missing === 0 &&
		final.duplicates === 0 &&
		final.extraResponses === 0 &&
		final.unexpected === 0 &&
		final.integrity === 'ok';
	if (final.ok && !options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
	return final;
}

export function formatSummary(r: DurabilityResult): string {
	return `durability: ${r.acknowledged} saves acknowledged, ${r.found} found, ${r.missing} missing, ${r.kills} kills, integrity ${r.integrity}`;
}

export function formatDetails(r: DurabilityResult): string[] {
	return [
		`  ${r.attempted} saves sent, ${r.unanswered} unanswered (server killed or starting; ${r.unansweredStored} open answers of those stored even so), ${r.badStatus} other than HTTP 200`,
		`  ${r.duplicates} (response, key) stored twice, ${r.extraResponses} links with more than one response, ${r.unexpected} unexpected values`,
		...r.problems.map((p) => `  ! ${p}`),
		...(r.ok ? [] : [`  data kept in ${r.dataDir}`])
	];
}

/** A pilot that is open, with personal links, made the way the facilitator pages make it. */
function setUp(root: string, databasePath: string, secretPath: string, links: number): Slot[] {
	const db = openDatabase(databasePath, path.join(root, process.env.MIGRATIONS_DIR || 'drizzle'));
	try {
		const scan = loadScans(path.join(root, process.env.SCANS_DIR || 'scans'))[0].definition;
		const roles = [...scan.comparison];
		const pilotId = createPilot(
			db,
			pilotFormSchema.parse({
				municipality: 'Duurzaamstad',
				roundLabel: 'Duurzaamheidstest',
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
			}),
			null
		);
		setPilotStatus(db, pilotId, 'open');
		const pilot = getPilot(db, pilotId)!;
		// The server reads this same file, so the tokens made here resolve there.
		const secret = loadOrCreateSecret(secretPath);
		const slots: Slot[] = [];
		for (const [i, role] of roles.entries()) {
			const count = Math.floor(links / roles.length) + (i < links % roles.length ? 1 : 0);
			const questions = allQuestions(buildPages(pilot.scan, { variant: pilot.variant, mirror: pilot.mirror, role }));
			// Every open question (each value unique) and a few choice questions: few keys per link,
			// so each is overwritten often and a lost newer value would show as an older one.
			const keys = [...questions.filter((q) => q.kind === 'open'), ...questions.filter((q) => q.kind !== 'open').slice(0, 10)];
			for (const link of createPersonalLinks(db, secret, pilotId, role, count))
				for (const q of keys)
					slots.push({ token: link.token, tokenHash: hashToken(link.token), key: q.key, open: q.kind === 'open', attempts: [] });
		}
		return slots;
	} finally {
		db.$client.close();
	}
}

const CHOICES = ['1', '2', '3', '4', '5', 'weet_niet'];

/** Open answers are unique; a choice always differs from the one sent before for that key. */
function nextValue(slot: Slot, seq: number): string {
	if (slot.open) return `antwoord ${seq}`;
	const previous = slot.attempts.at(-1)?.value;
	const options = CHOICES.filter((c) => c !== previous);
	return options[Math.floor(Math.random() * options.length)];
}

async function save(port: number, slot: Slot, value: string): Promise<'acked' | 'unanswered' | number> {
	try {
		const response = await fetch(`http://127.0.0.1:${port}/s/${slot.token}/antwoord`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answers: { [slot.key]: value } }),
			redirect: 'manual',
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
		});
		if (response.status !== 200) {
			await response.body?.cancel();
			return response.status;
		}
		const body = (await response.json()) as { saved?: number };
		return body.saved === 1 ? 'acked' : 200;
	} catch {
		return 'unanswered';
	}
}

function countAcked(slots: Slot[]): number {
	return slots.reduce((n, s) => n + s.attempts.filter((a) => a.acked).length, 0);
}

/**
 * With the server stopped: every acknowledged save must be there with its own value or with a
 * value sent after it for the same key (a later save, acknowledged or cut off by a kill after it
 * was stored). Nothing may be stored twice, and nothing may appear that was never sent.
 */
function verify(databasePath: string, slots: Slot[], problems: string[]) {
	const db = new Database(databasePath, { fileMustExist: true });
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
		const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
		if (foreignKeys > 0) problems.push(`${foreignKeys} foreign key problems`);
		const scalar = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		const duplicates = scalar('SELECT count(*) AS n FROM (SELECT 1 FROM answers GROUP BY response_id, key HAVING count(*) > 1)');
		const extraResponses = scalar(
			'SELECT count(*) AS n FROM (SELECT 1 FROM responses WHERE invitation_id IS NOT NULL GROUP BY invitation_id HAVING count(*) > 1)'
		);
		const rows = db
			.prepare(
				`SELECT i.token_hash AS tokenHash, a.key, a.score, a.dont_know AS dontKnow, a.text
				 FROM answers a JOIN responses r ON r.id = a.response_id JOIN invitations i ON i.id = r.invitation_id`
			)
			.all() as { tokenHash: string; key: string; score: number | null; dontKnow: number; text: string | null }[];
		const stored = new Map<string, string>();
		for (const r of rows)
			stored.set(`${r.tokenHash} ${r.key}`, r.score !== null ? String(r.score) : r.dontKnow ? 'weet_niet' : (r.text ?? ''));

		let acknowledged = 0;
		let found = 0;
		const bySlot = new Map(slots.map((s) => [`${s.tokenHash} ${s.key}`, s]));
		for (const slot of slots) {
			const value = stored.get(`${slot.tokenHash} ${slot.key}`);
			slot.attempts.forEach((attempt, i) => {
				if (!attempt.acked) return;
				acknowledged++;
				if (value !== undefined && slot.attempts.slice(i).some((a) => a.value === value)) found++;
				else if (problems.length < 20)
					problems.push(
						`ontbreekt: ${slot.key} = "${attempt.value}" (opslag ${i + 1} van ${slot.attempts.length}), opgeslagen: ${value === undefined ? 'niets' : `"${value}"`}`
					);
			});
		}
		let unansweredStored = 0;
		for (const slot of slots) {
			const value = stored.get(`${slot.tokenHash} ${slot.key}`);
			if (slot.open) unansweredStored += slot.attempts.filter((a) => !a.acked && a.value === value).length;
		}
		let unexpected = 0;
		for (const [id, value] of stored) {
			const slot = bySlot.get(id);
			if (!slot || !slot.attempts.some((a) => a.value === value)) unexpected++;
		}
		return { acknowledged, found, missing: acknowledged - found, duplicates, extraResponses, unexpected, unansweredStored, integrity };
	} finally {
		db.close();
	}
}

async function requireFreePort(port: number) {
	await new Promise<void>((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', () => reject(new Error(`Poort ${port} is al in gebruik. (Port ${port} is already in use.)`)));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
	});
}

/** The real server (`node scripts/serve.js`) as a child process, bound to 127.0.0.1 only. */
class ServerProcess {
	child: ChildProcess | undefined;
	up = false;
	tail: string[] = [];
	errorLines = 0;
	private exited: Promise<void> = Promise.resolve();

	constructor(
		private root: string,
		private port: number,
		private env: Record<string, string>
	) {}

	async start() {
		const child = spawn(process.execPath, ['scripts/serve.js'], {
			cwd: this.root,
			env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${this.port}` },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		this.child = child;
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		child.stderr!.setEncoding('utf8');
		child.stderr!.on('data', (chunk: string) => {
			for (const line of chunk.split('\n').filter(Boolean)) {
				if (line.includes('"level":"error"')) this.errorLines++;
				this.tail.push(line.slice(0, 500));
				if (this.tail.length > 20) this.tail.shift();
			}
		});
		const deadline = Date.now() + START_TIMEOUT_MS;
		while (Date.now() < deadline) {
			if (child.exitCode !== null || child.signalCode !== null)
				throw new Error(`De server stopte bij het starten (code ${child.exitCode ?? child.signalCode}):\n${this.tail.join('\n')}`);
			try {
				await fetch(`http://127.0.0.1:${this.port}/login`, { redirect: 'manual', signal: AbortSignal.timeout(2000) }).then((r) =>
					r.body?.cancel()
				);
				this.up = true;
				return;
			} catch {
				await sleep(50);
			}
		}
		child.kill('SIGKILL');
		throw new Error(`De server luisterde na ${START_TIMEOUT_MS / 1000} s nog niet op poort ${this.port}.`);
	}

	async kill() {
		this.up = false;
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGKILL');
		await this.exited;
	}
}
