// A worker thread that makes read-aloud files, so the server's own thread never waits for speech:
// it gets a batch { jobs: [{ hash, parts }], dir }, writes each <dir>/<hash>.mp3 and answers per
// file { hash, ok, seconds, bytes } or { hash, ok: false, error }. Started by src/lib/server/read-aloud.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { prepare, synthesize } from './synthesize.js';

// Lower priority for this thread only (Linux sets it per thread): answering pages comes first.
try {
	os.setPriority(10);
} catch {
	// Not allowed here: the work still gets done, at normal priority.
}

/** @typedef {{ hash: string, parts: import('./synthesize.js').SpokenPart[] }} Job */

/**
 * @param {Job} job
 * @param {string} dir
 */
async function make(job, dir) {
	if (!/^[0-9a-f]{32}$/.test(job.hash)) throw new Error('bad file name');
	const { mp3, seconds } = await synthesize(job.parts);
	const file = path.join(dir, `${job.hash}.mp3`);
	// Written beside and renamed: a request never reads half a file.
	const temporary = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, mp3);
	fs.renameSync(temporary, file);
	return { seconds, bytes: mp3.length };
}

let chain = Promise.resolve();
parentPort?.on('message', (/** @type {{ jobs: Job[], dir: string }} */ batch) => {
	// One batch after another, even if the server sends the next one early.
	chain = chain.then(async () => {
		// All texts of the batch in as few runs of the engine as possible; a failure here shows up per file below.
		await prepare(batch.jobs.flatMap((job) => job.parts)).catch(() => {});
		for (const job of batch.jobs) {
			try {
				parentPort?.postMessage({ hash: job.hash, ok: true, ...(await make(job, batch.dir)) });
			} catch (e) {
				parentPort?.postMessage({ hash: job.hash, ok: false, error: e instanceof Error ? e.message : String(e) });
			}
		}
	});
});
