// `npm run scans:check`: validates every scan file in SCANS_DIR (default scans/) and its translation
// files the way the server does at start-up, and prints what it found or where a file is wrong.
// A broken file (bad YAML, an unknown id, a lost placeholder) stops the app: exit 1. A translation
// that misses a text or was written for an older Dutch text only warns, because the app shows the
// Dutch text there; `--strict` makes those warnings fail too (for CI before a release).
// Plain-language (B1) hints (a negation, two claims, a long sentence, a hard word) are printed for a
// reviewer and never fail, not even with `--strict`: they are rules of thumb (src/lib/scan/plain-language).
import fs from 'node:fs';
import { buildPages } from '../src/lib/scan/questionnaire';
import { ScanFileError } from '../src/lib/scan/parse';
import { describeWarning, plainLanguageWarnings } from '../src/lib/scan/plain-language';
import { addressKey, translationGaps } from '../src/lib/scan/translation';
import { loadScanDirectory } from '../src/lib/server/scans';

const dir = process.env.SCANS_DIR || 'scans';
const strict = process.argv.includes('--strict');

/** The languages the interface offers, from the Paraglide settings: each scan should have them all. */
function interfaceLocales(): string[] {
	try {
		const settings = JSON.parse(fs.readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };
		return settings.locales.filter((l) => l !== settings.baseLocale);
	} catch {
		return [];
	}
}

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

let warnings = 0;
let plainWarnings = 0;
try {
	for (const scan of loadScanDirectory(dir)) {
		const def = scan.definition;
		const role = def.comparison[0];
		const count = (variant: 'full' | 'short') =>
			buildPages(def, { variant, mirror: false, role })
				.flatMap((p) => p.questions)
				.filter((q) => q.kind === 'likert').length;
		console.log(
			`✓ ${scan.file}: ${def.id} versie ${def.version}, ${def.themes.length} thema's, ${count('full')} stellingen (kort: ${count('short')}), code ${scan.contentHash.slice(0, 12)}`
		);
		const plain = plainLanguageWarnings(def);
		const kept = plain.filter((w) => w.accepted);
		console.log(
			`  B1: ${plain.length - kept.length} waarschuwing${plain.length - kept.length === 1 ? '' : 'en'}, ${kept.length} bekeken en behouden`
		);
		for (const w of plain.filter((w) => !w.accepted)) {
			plainWarnings++;
			console.warn(`  ? ${addressKey(w.address)}: ${describeWarning(w)}`);
			console.warn(`      "${short(w.text)}"`);
		}
		for (const locale of interfaceLocales())
			if (!scan.translations[locale]) {
				warnings++;
				console.warn(
					`  ! geen vertaling in "${locale}" (${scan.file.replace(/\.ya?ml$/i, `.${locale}.yaml`)}): de app toont daar het Nederlands`
				);
			}
		for (const t of Object.values(scan.translations)) {
			const gaps = translationGaps(def, t.translation);
			const stale = gaps.filter((g) => g.kind === 'stale');
			const missing = gaps.filter((g) => g.kind === 'missing');
			console.log(`  ✓ ${t.file}: "${t.locale}", ${stale.length} verouderd, ${missing.length} ontbreekt`);
			for (const gap of gaps) {
				warnings++;
				const key = addressKey(gap.address);
				const line = t.lines[key];
				const why = gap.kind === 'stale' ? 'het Nederlands is veranderd sinds deze vertaling' : 'geen vertaling';
				console.warn(`  ! ${t.file}${line ? `:${line}` : ''} ${key}: ${why}, de app toont het Nederlands.`);
				console.warn(`      Nederlands: "${short(gap.dutch)}" (source: '${gap.source}')`);
			}
		}
	}
} catch (e) {
	if (e instanceof ScanFileError) {
		console.error(e.message);
		process.exit(1);
	}
	throw e;
}
if (plainWarnings > 0)
	console.warn(`${plainWarnings} B1-waarschuwing${plainWarnings === 1 ? '' : 'en'} om na te kijken (geen fout; zie README, "Scans").`);
if (warnings > 0) {
	console.warn(`${warnings} waarschuwing${warnings === 1 ? '' : 'en'}${strict ? ' (--strict: telt als fout)' : ''}.`);
	if (strict) process.exit(1);
}
