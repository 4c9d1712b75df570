// What happens once when the server starts: load and check the scans, open and migrate the
// database, create the first account (printing its password once) and the demo programme, and start
// the hourly housekeeping; then the read-aloud audio is made in the background.
import { count } from 'drizzle-orm';
import { config } from './config';
import { countUsers, createUser, generatePassword } from './auth';
import { db } from './db';
import { pilots } from './db/schema';
import { seedDemo } from './demo';
import { startHousekeeping } from './housekeeping';
import { log } from './log';
import { availableScans, loadScans } from './scans';
import { refreshBenchmarkSnapshot } from './benchmark';
import { addMissingLetterCodes } from './invitations';
import { openAudioDir, prepareScans } from './read-aloud';
import { linkSecret } from './tokens';

export async function startUp(): Promise<void> {
	const scans = loadScans(config.scansDir);
	const database = db();
	const secret = linkSecret(config.secretPath);
	log.info('startup', { scans: scans.map((s) => `${s.definition.id}@${s.definition.version}`), database: config.databasePath });
	const codes = addMissingLetterCodes(database, secret);
	if (codes) log.info('letter codes added', { links: codes });

	let firstAccountId: number | null = null;
	if (countUsers(database) === 0) {
		const password = config.adminPassword || generatePassword();
		const user = await createUser(database, { email: config.adminEmail, password, role: 'admin', name: 'Beheerder' });
		firstAccountId = user.id;
		if (!config.adminPassword) {
			// Printed once, on purpose: this is how the first user gets in. It is not stored anywhere.
			console.log(
				[
					'',
					'  Eerste account aangemaakt (bewaar dit wachtwoord, het wordt niet nog eens getoond):',
					`    e-mail:     ${user.email}`,
					`    wachtwoord: ${password}`,
					''
				].join('\n')
			);
		} else console.log(`  Eerste account aangemaakt: ${user.email} (wachtwoord uit ADMIN_PASSWORD)`);
	}
	if (config.demoData && firstAccountId !== null && (database.select({ n: count() }).from(pilots).get()?.n ?? 0) === 0) {
		const scan = availableScans()[0];
		const started = performance.now();
		const ids = seedDemo(database, scan, firstAccountId);
		log.info('demo data loaded', { pilots: Object.keys(ids).length, ms: Math.round(performance.now() - started) });
	}
	// After the demo: its pilots may be the first to contribute. Remakes only as the rules allow.
	const remade = refreshBenchmarkSnapshot(database);
	if (remade.length) log.info('benchmark snapshot remade', { scans: remade });
	startHousekeeping(database, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours });
	if (config.readAloud) {
		// Made in a worker thread after this returns: the server answers at once, and each "Lees
		// voor" appears as soon as its file exists.
		openAudioDir(config.audioDir);
		const queued = prepareScans(scans);
		if (queued) log.info('read-aloud files to make', { files: queued, folder: config.audioDir });
	}
}
