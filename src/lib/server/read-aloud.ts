// The read-aloud audio of the scans: each text's MP3 is named by a hash of what is said, the voice
// and the engine, kept in a folder beside the database, and made in the background by a worker
// thread (./speech/worker.js). A page asks for a text's audio and gets its address if the file is
// there; if not, the text is queued and the page shows no control until the file exists.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
	introSpoken,
	questionSpoken,
	scanQuestions,
	withPronunciation,
	type Aloud,
	type Pronunciation,
	type SpokenPart
} from '$lib/read-aloud/spoken';
import type { Locale } from '$lib/paraglide/runtime';
import type { Question } from '$lib/scan/questionnaire';
import { SOURCE_LOCALE } from '$lib/scan/translation';
import { log } from './log';
import { scanIn, type LoadedScan } from './scans';
import { SETTINGS, VOICES } from './speech/voices.js';

/** The name of an audio file without `.mp3`: 32 hex digits (128 bits of a SHA-256). */
export const AUDIO_HASH = /^[0-9a-f]{32}$/;

/** The worker runs from its source file (plain JavaScript), found from the app's folder like `scans/` and `drizzle/`. */
const WORKER = path.resolve('src/lib/server/speech/worker.js');
/** More texts than any scan has; past this a request for a new text is not queued (a safeguard, not a limit in use). */
const MAX_QUEUE = 5000;
/**
 * Two threads where there are two cores: the shipped scan in both languages is ready in about a
 * minute. They run at low priority (worker.js), so pages are still answered first.
 */
const THREADS = Math.max(1, Math.min(2, os.availableParallelism()));
/** Files per batch: enough that a run of the engine says many texts, few enough to share the work. */
const BATCH = 30;

const voices: Record<string, string> = VOICES;
let dir: string | null = null;
const ready = new Set<string>();
const failed = new Set<string>();
const queue = new Map<string, SpokenPart[]>();
/** The threads at work, each with the files it was given and has not answered yet. */
const workers: { thread: Worker; jobs: Set<string> }[] = [];
let idleWaiters: (() => void)[] = [];
/** What the worker made since the start, for the log and for `npm run read-aloud`. */
export const made = { files: 0, seconds: 0, bytes: 0 };

let engineVersion: string | undefined;
/** The engine in the hash: a new espeak-ng, lamejs or setting names every file anew. */
function engine(): string {
	const version = (name: string) => {
		try {
			return (JSON.parse(fs.readFileSync(path.resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
		} catch {
			return '?';
		}
	};
	engineVersion ??= `espeak-ng ${version('espeak-ng')} lamejs ${version('@breezystack/lamejs')} ${SETTINGS}`;
	return engineVersion;
}

/** The file name of what these parts say; null when a part's language has no voice. */
export function audioHash(parts: SpokenPart[]): string | null {
	if (parts.length === 0 || parts.some((p) => !voices[p.lang])) return null;
	const said = parts.map((p) => ({ voice: voices[p.lang], text: p.text }));
	return crypto
		.createHash('sha256')
		.update(JSON.stringify({ engine: engine(), said }))
		.digest('hex')
		.slice(0, 32);
}

/** Opens (and creates) the folder, and notes which files it already holds. Without a call, nothing is read aloud. */
export function openAudioDir(folder: string): void {
	dir = path.resolve(folder);
	fs.mkdirSync(dir, { recursive: true });
	ready.clear();
	for (const name of fs.readdirSync(dir)) {
		const match = /^([0-9a-f]{32})\.mp3$/.exec(name);
		if (match) ready.add(match[1]);
		// Left behind by a stop in the middle of writing.
		else if (name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
	}
}

/** The path of an audio file that exists, for the route that serves it; null for any other name. */
export function audioFile(hash: string): string | null {
	if (!dir || !AUDIO_HASH.test(hash) || !ready.has(hash)) return null;
	return path.join(dir, `${hash}.mp3`);
}

/**
 * The control's data for these parts if their file exists; otherwise the file is queued and null
 * comes back (the page shows no control). `pronunciation` changes the spoken words only.
 */
export function aloud(parts: SpokenPart[], pronunciation?: Pronunciation): Aloud | null {
	if (!dir) return null;
	const said = withPronunciation(parts, pronunciation);
	const hash = audioHash(said);
	if (!hash) return null;
	if (!ready.has(hash)) {
		enqueue(hash, said);
		return null;
	}
	// The device's own voice reads the text as written; a text in two languages is left to the file.
	const text = parts.every((p) => p.lang === parts[0].lang) ? parts.map((p) => p.text).join(' ') : null;
	return { src: `/audio/${hash}.mp3`, text, lang: parts[0].lang };
}

/** The controls of a page's questions, by answer key. */
export function questionsAloud(questions: Question[], locale: Locale, pronunciation?: Pronunciation): Record<string, Aloud> {
	const out: Record<string, Aloud> = {};
	for (const question of questions) {
		const control = aloud(questionSpoken(question, locale), pronunciation);
		if (control) out[question.key] = control;
	}
	return out;
}

/** The intro's control: its lead (what, how long) and closing date, in the page's language. */
export function introAloud(lead: string, closesOn: string | null, locale: Locale, pronunciation?: Pronunciation): Aloud | null {
	return lead ? aloud(introSpoken(lead, closesOn, locale), pronunciation) : null;
}

/** Queues every question of these scans in each of their languages; returns how many files are still to make. */
export function prepareScans(scans: LoadedScan[]): number {
	for (const scan of scans) {
		const locales = [SOURCE_LOCALE, ...Object.keys(scan.translations)].filter((l) => voices[l]) as Locale[];
		for (const locale of locales) {
			const definition = scanIn(scan.definition, scan.contentHash, locale);
			for (const question of scanQuestions(definition)) aloud(questionSpoken(question, locale), definition.pronunciation);
		}
	}
	return queue.size;
}

/** Resolves once nothing is queued or being made (for tests and `npm run read-aloud`). */
export function whenIdle(): Promise<void> {
	if (queue.size === 0) return Promise.resolve();
	return new Promise((resolve) => idleWaiters.push(resolve));
}

function enqueue(hash: string, parts: SpokenPart[]) {
	if (failed.has(hash) || queue.has(hash) || queue.size >= MAX_QUEUE) return;
	queue.set(hash, parts);
	next();
}

/** Hands queued files to idle threads (starting them as needed); stops them all when nothing is left. */
function next() {
	const given = new Set(workers.flatMap((w) => [...w.jobs]));
	const waiting = [...queue.keys()].filter((hash) => !given.has(hash));
	while (waiting.length) {
		let slot = workers.find((w) => w.jobs.size === 0);
		if (!slot && workers.length < THREADS) slot = startWorker();
		if (!slot) break;
		// Split evenly over the threads, so both finish at about the same time.
		const size = Math.min(BATCH, Math.ceil(waiting.length / THREADS));
		const jobs = waiting.splice(0, size).map((hash) => ({ hash, parts: queue.get(hash)! }));
		for (const job of jobs) slot.jobs.add(job.hash);
		slot.thread.postMessage({ jobs, dir });
	}
	if (queue.size === 0) {
		// Nothing left: the threads' memory (the engine is ~50 MB each) goes back.
		for (const w of workers.splice(0)) void w.thread.terminate();
		const waiters = idleWaiters;
		idleWaiters = [];
		for (const resolve of waiters) resolve();
	}
}

type Outcome = { hash: string; ok: true; seconds: number; bytes: number } | { hash: string; ok: false; error: string };

function startWorker() {
	const slot = { thread: new Worker(WORKER), jobs: new Set<string>() };
	workers.push(slot);
	// The server may stop while files are being made; a half-written file is renamed never.
	slot.thread.unref();
	slot.thread.on('message', (outcome: Outcome) => {
		slot.jobs.delete(outcome.hash);
		done(outcome);
	});
	slot.thread.on('error', (e) => {
		log.error('read-aloud worker failed', { error: e.message });
		workers.splice(workers.indexOf(slot), 1);
		for (const hash of slot.jobs) done({ hash, ok: false, error: e.message });
	});
	return slot;
}

function done(outcome: Outcome) {
	queue.delete(outcome.hash);
	if (outcome.ok) {
		ready.add(outcome.hash);
		made.files++;
		made.seconds += outcome.seconds;
		made.bytes += outcome.bytes;
	} else {
		// Not tried again in this run: a text the engine cannot say would otherwise loop.
		failed.add(outcome.hash);
		log.warn('read-aloud file not made', { file: outcome.hash, error: outcome.error });
	}
	next();
}
