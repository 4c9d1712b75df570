// `npm run durability`: kills the real server with SIGKILL during heavy autosave traffic and
// checks that every acknowledged save survived. Needs a build (`npm run build`) first.
// Options as arguments (`npm run durability -- --rounds 8 --duration 60`) or environment
// (DURABILITY_ROUNDS, DURABILITY_CONCURRENCY, DURABILITY_DURATION in seconds, DURABILITY_PORT).
import { formatDetails, formatSummary, runDurability } from './durability-harness';

function option(name: string, fallback: number): number {
	const args = process.argv.slice(2);
	let raw: string | undefined = process.env[`DURABILITY_${name.toUpperCase()}`];
	for (let i = 0; i < args.length; i++) {
		const m = /^(?:--)?([a-z]+)(?:=(.*))?$/.exec(args[i]);
		if (m?.[1] === name) raw = m[2] ?? args[++i];
	}
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n < 0) {
		console.error(`Ongeldige waarde voor ${name}: ${raw} (invalid value for ${name})`);
		process.exit(2);
	}
	return n;
}

const rounds = Math.round(option('rounds', 5));
const concurrency = Math.max(1, Math.round(option('concurrency', 4)));
const duration = option('duration', 30);
const port = Math.round(option('port', 4185));

// Ctrl-C: leave through process.exit, so the harness's exit handler kills the server it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

console.log(`durability: ${rounds} kills, ${concurrency} parallel, ${duration} s, poort ${port}`);
try {
	const result = await runDurability({
		port,
		kills: rounds,
		concurrency,
		durationMs: duration * 1000,
		log: (line) => console.log(`  ${line}`)
	});
	console.log(formatSummary(result));
	for (const line of formatDetails(result)) console.log(line);
	process.exit(result.ok ? 0 : 1);
} catch (e) {
	console.error(`durability: ${(e as Error).message}`);
	process.exit(1);
}
