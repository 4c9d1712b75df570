// Loads every scan file from SCANS_DIR once, and stores the exact definition a pilot starts with
// as a snapshot, so a later edit of the file never changes the meaning of collected answers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseScanText, ScanFileError } from '$lib/scan/parse';
import type { ScanDefinition } from '$lib/scan/schema';
import type { Db } from './db';
import { scanSnapshots } from './db/schema';

export type LoadedScan = { file: string; definition: ScanDefinition; contentHash: string };

/** Hash of the parsed definition, so comments and layout of the file do not count as a change. */
export function contentHash(definition: ScanDefinition): string {
	return crypto.createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

export function loadScanDirectory(dir: string): LoadedScan[] {
	let names: string[];
	try {
		names = fs
			.readdirSync(dir)
			.filter((n) => /\.ya?ml$/i.test(n))
			.sort();
	} catch {
		throw new ScanFileError(dir, [`de map met scans bestaat niet of is niet leesbaar (${path.resolve(dir)})`]);
	}
	if (names.length === 0) throw new ScanFileError(dir, ['de map bevat geen scanbestanden (.yaml)']);
	const loaded: LoadedScan[] = [];
	const seen = new Map<string, string>();
	for (const name of names) {
		const file = path.join(dir, name);
		const definition = parseScanText(file, fs.readFileSync(file, 'utf8'));
		const key = `${definition.id}@${definition.version}`;
		const other = seen.get(key);
		if (other) throw new ScanFileError(file, [`scan "${definition.id}" versie ${definition.version} staat ook in ${other}`]);
		seen.set(key, file);
		loaded.push({ file, definition, contentHash: contentHash(definition) });
	}
	return loaded;
}

let registry: LoadedScan[] | undefined;

export function loadScans(dir: string): LoadedScan[] {
	registry = loadScanDirectory(dir);
	return registry;
}

export function availableScans(): LoadedScan[] {
	if (!registry) throw new Error('Scans are not loaded yet: call loadScans() at start-up.');
	return registry;
}

export function findScan(id: string, version: number): LoadedScan | undefined {
	return availableScans().find((s) => s.definition.id === id && s.definition.version === version);
}

/** Returns the snapshot id for this exact definition, storing it the first time. */
export function ensureSnapshot(db: Db, scan: LoadedScan): number {
	const existing = db.select({ id: scanSnapshots.id }).from(scanSnapshots).where(eq(scanSnapshots.contentHash, scan.contentHash)).get();
	if (existing) return existing.id;
	return db
		.insert(scanSnapshots)
		.values({ scanId: scan.definition.id, version: scan.definition.version, contentHash: scan.contentHash, definition: scan.definition })
		.returning({ id: scanSnapshots.id })
		.get().id;
}
