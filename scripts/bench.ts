// `npm run bench`: how fast Quickscan is where it matters, with the real modules on temporary
// databases and the built server (127.0.0.1 only, free ports). Three parts:
// - results (scripts/bench/results.ts): the analysis, the results page and two downloads, for 60
//   and 600 respondents, against the targets (analysis < 5 ms, page < 50 ms at 60);
// - autosave (scripts/bench/save-path.ts): saves per second on the autosave endpoint against a bare
//   SvelteKit app and a bare node:http server doing the same upsert, in the same run; and the
//   JavaScript a question page loads, against the bare app's page;
// - benchmark (scripts/bench/benchmark.ts): 1,000 closed pilots x 50 respondents; remaking the
//   benchmark snapshot, a pilot's benchmark page and the programme overview, database size and the
//   server's peak memory (targets: pages < 1 s, remake < 10 s, memory < 300 MB).
// It is a measurement, not a test: timings never fail it; only a missing build, a server that does
// not start or a request that fails does.
//
// Needs a build first: `npm run build`. Options: `npm run bench -- --runs 200 --requests 50 --seconds 10
// --only results|autosave|benchmark`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBenchmark } from './bench/benchmark';
import { benchResults } from './bench/results';
import { benchSavePath } from './bench/save-path';
import { pinLoadGenerator } from './bench/server';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function raw(name: string): string | undefined {
	let value: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
		if (m?.[1] === name) value = m[2] ?? args[++i];
	}
	return value;
}

function option(name: string, fallback: number, max: number): number {
	const value = raw(name);
	if (value === undefined) return fallback;
	const n = Math.round(Number(value));
	if (!Number.isFinite(n) || n < 1 || n > max) {
		console.error(`bench: --${name} moet een getal van 1 tot ${max} zijn (got ${value})`);
		process.exit(2);
	}
	return n;
}

const PARTS = ['results', 'autosave', 'benchmark'] as const;
const only = raw('only');
if (only !== undefined && !PARTS.includes(only as (typeof PARTS)[number])) {
	console.error(`bench: --only is een van ${PARTS.join(', ')} (got ${only})`);
	process.exit(2);
}
const runs = option('runs', 200, 10_000);
const requests = option('requests', 50, 1_000);
const seconds = option('seconds', 10, 600);

if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
	console.error('bench: build/ ontbreekt. Draai eerst `npm run build` (the built server is needed).');
	process.exit(1);
}

console.log(`Quickscan bench: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length}×)`);
console.log(
	pinLoadGenerator()
		? 'Servers op kern 0, de bench zelf (metingen, lader) op kern 1 (taskset).'
		: 'Servers en bench delen de kernen (geen taskset of één kern).'
);
let ok = true;
try {
	if (!only || only === 'results') {
		console.log(`\nUitkomsten: ${runs} analyses, ${requests} paginaverzoeken per grootte`);
		ok = (await benchResults(root, { runs, requests })) && ok;
	}
	if (!only || only === 'autosave') {
		console.log(`\nAutosave: ${seconds} s per server`);
		ok = (await benchSavePath(root, { seconds })) && ok;
	}
	if (!only || only === 'benchmark') {
		console.log(`\nBenchmark: 1.000 pilots x 50 respondenten, ${Math.min(requests, 20)} paginaverzoeken per pagina`);
		ok = (await benchBenchmark(root, { requests: Math.min(requests, 20) })) && ok;
	}
} catch (e) {
	console.error(`bench: ${(e as Error).message}`);
	ok = false;
}
// Slow timings never fail the bench; a request that did not work does.
process.exit(ok ? 0 : 1);
