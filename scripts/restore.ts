// `npm run restore <file>`: puts a backup in place of DATABASE_PATH. The server must be stopped;
// the current database is kept as <DATABASE_PATH>.voor-herstel-<timestamp>. The link secret
// (SECRET_PATH) is not part of a backup: restore it separately if it was lost too.
import { BackupError, restoreDatabase } from '../src/lib/server/backup';
import { config } from '../src/lib/server/config';

const file = process.argv[2];
if (!file) {
	console.error('Gebruik: npm run restore <backupbestand>   (bijvoorbeeld backups/quickscan-20250101-120000.db)');
	console.error('Usage:   npm run restore <backup file>');
	process.exit(1);
}
try {
	const result = restoreDatabase(file, config.databasePath);
	console.log(`Hersteld / restored: ${file} → ${result.target}`);
	if (result.previous) console.log(`De vorige database is bewaard als / the previous database is kept as: ${result.previous}`);
	console.log(
		`De linksleutel (${config.secretPath}) zit niet in een backup: zet die terug als ook die weg is.\n` +
			`The link secret (${config.secretPath}) is not in a backup: put it back separately if it was lost too.`
	);
} catch (e) {
	if (!(e instanceof BackupError)) throw e;
	console.error(e.message);
	process.exit(1);
}
