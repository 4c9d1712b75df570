// Run by tests/e2e/benchmark.spec.ts with tsx: closed, consenting pilots with released results in
// the e2e server's database, made by the app's own modules (benchmark-fixture.ts), then the
// benchmark snapshot refreshed as the app does after a release. Prints the ids as JSON.
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { loadScans } from '../../src/lib/server/scans';
import { refreshBenchmarkSnapshot } from '../../src/lib/server/benchmark';
import { seedBenchmarkPilot, times } from '../../src/lib/server/benchmark-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const suffix = process.argv[2] ?? Date.now().toString(36);
loadScans(path.join(root, 'scans'));
const db = openDatabase(path.join(root, '.e2e-data/quickscan.db'), path.join(root, 'drizzle'));
try {
	const owner = (db.$client.prepare("SELECT id FROM users WHERE email = 'beheer@quickscan.local'").get() as { id: number }).id;
	// Six others, with council scores spread from low to high; staff at 3 or 4.
	for (let i = 0; i < 6; i++)
		seedBenchmarkPilot(db, {
			municipality: `Vergelijkstad ${suffix} ${i}`,
			scores: { raad: [...times(5, 1 + (i % 5)), 3], gemeente: times(5, 3 + (i % 2)) },
			ownerId: owner
		});
	// The pilot under test: four council members (shown under its own k of 3, too few for the
	// benchmark's floor of 5) and five staff at 5.
	const pilot = seedBenchmarkPilot(db, {
		municipality: `Eigenstad ${suffix}`,
		scores: { raad: times(4, 2), gemeente: times(5, 5) },
		ownerId: owner
	});
	refreshBenchmarkSnapshot(db);
	console.log(JSON.stringify({ pilot: pilot.id }));
} finally {
	db.$client.close();
}
