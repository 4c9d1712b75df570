// `npm run scans:check`: validates every scan file in SCANS_DIR (default scans/) the way the
// server does at start-up, and prints what it found or where a file is wrong.
import { buildPages } from '../src/lib/scan/questionnaire';
import { ScanFileError } from '../src/lib/scan/parse';
import { loadScanDirectory } from '../src/lib/server/scans';

const dir = process.env.SCANS_DIR || 'scans';
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
	}
} catch (e) {
	if (e instanceof ScanFileError) {
		console.error(e.message);
		process.exit(1);
	}
	throw e;
}
