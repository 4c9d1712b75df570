// Loads every scan file and its translations from SCANS_DIR once, stores the exact definition a
// pilot starts with as a snapshot (so a later edit of the file never changes the meaning of
// collected answers), and gives a snapshot in the language of a request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseScanText, parseTranslationText, ScanFileError, type ParsedTranslation } from '$lib/scan/parse';
import type { ScanDefinition } from '$lib/scan/schema';
import { localizeScan, SOURCE_LOCALE } from '$lib/scan/translation';
import { getLocale } from '$lib/i18n';
import type { Db } from './db';
import { scanSnapshots } from './db/schema';

export type LoadedTranslation = ParsedTranslation & { file: string; locale: string };
export type LoadedScan = {
	file: string;
	definition: ScanDefinition;
	contentHash: string;
	/** By language code, from `<scan>.<language>.yaml` beside the scan file. */
	translations: Record<string, LoadedTranslation>;
};

/** `werk-en-inkomen.en.yaml` translates `werk-en-inkomen.yaml` into English. */
const TRANSLATION_FILE = /^(.+)\.([a-z]{2})\.ya?ml$/i;

/** Hash of the parsed definition, so comments and layout of the file do not count as a change. */
export function contentHash(definition: ScanDefinition): string {
	return crypto.createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

export function loadScanDirectory(dir: string): LoadedScan[] {
	let yamlNames: string[];
	try {
		yamlNames = fs
			.readdirSync(dir)
			.filter((n) => /\.ya?ml$/i.test(n))
			.sort();
	} catch {
		throw new ScanFileError(dir, [`de map met scans bestaat niet of is niet leesbaar (${path.resolve(dir)})`]);
	}
	const names = yamlNames.filter((n) => !TRANSLATION_FILE.test(n));
	if (names.length === 0) throw new ScanFileError(dir, ['de map bevat geen scanbestanden (.yaml)']);
	const loaded: LoadedScan[] = [];
	const byName = new Map<string, LoadedScan>();
	const seen = new Map<string, string>();
	for (const name of names) {
		const file = path.join(dir, name);
		const definition = parseScanText(file, fs.readFileSync(file, 'utf8'));
		const key = `${definition.id}@${definition.version}`;
		const other = seen.get(key);
		if (other) throw new ScanFileError(file, [`scan "${definition.id}" versie ${definition.version} staat ook in ${other}`]);
		seen.set(key, file);
		const scan = { file, definition, contentHash: contentHash(definition), translations: {} };
		loaded.push(scan);
		byName.set(name.replace(/\.ya?ml$/i, ''), scan);
	}
	for (const name of yamlNames) {
		const match = TRANSLATION_FILE.exec(name);
		if (!match) continue;
		const file = path.join(dir, name);
		const [, base, code] = match;
		const locale = code.toLowerCase();
		const scan = byName.get(base);
		if (!scan) throw new ScanFileError(file, [`een vertaling hoort naast haar scanbestand, maar ${base}.yaml bestaat niet`]);
		if (locale === SOURCE_LOCALE) throw new ScanFileError(file, ['het scanbestand zelf is de Nederlandse tekst; maak geen .nl-vertaling']);
		if (scan.translations[locale]) throw new ScanFileError(file, [`${scan.translations[locale].file} is ook een vertaling in "${locale}"`]);
		scan.translations[locale] = { file, locale, ...parseTranslationText(file, fs.readFileSync(file, 'utf8'), scan.definition) };
	}
	return loaded;
}

let registry: LoadedScan[] | undefined;

export function loadScans(dir: string): LoadedScan[] {
	registry = loadScanDirectory(dir);
	localizedCache.clear();
	return registry;
}

export function availableScans(): LoadedScan[] {
	if (!registry) throw new Error('Scans are not loaded yet: call loadScans() at start-up.');
	return registry;
}

export function findScan(id: string, version: number): LoadedScan | undefined {
	return availableScans().find((s) => s.definition.id === id && s.definition.version === version);
}

const localizedCache = new Map<string, ScanDefinition>();

/**
 * A scan snapshot in `locale`: its texts from the translation file of the same scan (that version,
 * else the newest with one), every text whose Dutch has changed since stays Dutch and is marked in
 * `localized.dutch` (read it with `langOf` from $lib/scan/translation). Dutch returns `definition`
 * itself. Built once per snapshot hash and language; `hash` must be the snapshot's content hash.
 */
export function scanIn(definition: ScanDefinition, hash: string, locale: string): ScanDefinition {
	// A translated definition under the Dutch one's hash would fill the cache with the wrong words.
	if (definition.localized) throw new Error('scanIn takes the Dutch snapshot, not a translated one');
	if (locale === SOURCE_LOCALE) return definition;
	const key = `${hash}:${locale}`;
	let localized = localizedCache.get(key);
	if (!localized) {
		localized = localizeScan(definition, translationFor(definition.id, definition.version, locale), locale);
		localizedCache.set(key, localized);
	}
	return localized;
}

/**
 * A pilot's scan as it is read in `locale` (the request's language unless told): online, in a
 * letter, on the paper form, in results, charts and exports. The one place where translated scan
 * content comes in; the pilot keeps its Dutch snapshot, which is what answers are checked against.
 */
export function scanForLocale(pilot: { scan: ScanDefinition; scanHash: string }, locale: string = getLocale()): ScanDefinition {
	return scanIn(pilot.scan, pilot.scanHash, locale);
}

function translationFor(id: string, version: number, locale: string) {
	const candidates = availableScans()
		.filter((s) => s.definition.id === id && s.translations[locale])
		.sort(
			(a, b) =>
				Number(b.definition.version === version) - Number(a.definition.version === version) || b.definition.version - a.definition.version
		);
	return candidates[0]?.translations[locale].translation;
}

/**
 * The definition of a stored snapshot, read and parsed once per process: a snapshot never changes,
 * and its content hash names its content, so the cache holds whatever database it came from.
 */
const snapshotCache = new Map<string, ScanDefinition>();

export function snapshotDefinition(db: Db, snapshotId: number, hash: string): ScanDefinition {
	let definition = snapshotCache.get(hash);
	if (!definition) {
		const row = db.select({ definition: scanSnapshots.definition }).from(scanSnapshots).where(eq(scanSnapshots.id, snapshotId)).get();
		if (!row) throw new Error(`scan snapshot ${snapshotId} does not exist`);
		definition = row.definition as ScanDefinition;
		snapshotCache.set(hash, definition);
	}
	return definition;
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
