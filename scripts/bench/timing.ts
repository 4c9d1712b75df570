// Medians and p95s of repeated measurements, for `npm run bench`.
export type Timing = { median: number; p95: number; runs: number };

export function summarise(samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)], runs: sorted.length };
}

export function time(runs: number, warmUp: number, fn: () => unknown): Timing {
	for (let i = 0; i < warmUp; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return summarise(samples);
}

export async function timeAsync(runs: number, warmUp: number, fn: () => Promise<unknown>): Promise<Timing> {
	for (let i = 0; i < warmUp; i++) await fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return summarise(samples);
}

/** A table with a header row, columns padded (numbers right-aligned). */
export function printTable(table: string[][], numeric: (column: number) => boolean) {
	const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
	const line = (row: string[]) => row.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
	console.log('');
	console.log(line(table[0]));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of table.slice(1)) console.log(line(row));
}
