// `npm run backup [file]`: a consistent copy of DATABASE_PATH, also while the server runs, into
// backups/quickscan-YYYYMMDD-HHMMSS.db or the given file, checked with integrity_check.
import { backupDatabase, BackupError, defaultBackupPath } from '../src/lib/server/backup';
import { config } from '../src/lib/server/config';

const dest = process.argv[2] || defaultBackupPath();
try {
	const result = await backupDatabase(config.databasePath, dest);
	console.log(`Backup gemaakt / backup written: ${result.file} (${formatBytes(result.bytes)}), integrity_check: ok`);
	console.log(
		`Let op: de linksleutel (${config.secretPath}) zit niet in de backup; bewaar die apart.\n` +
			`Note: the link secret (${config.secretPath}) is not in the backup; keep a copy of it separately.`
	);
} catch (e) {
	if (!(e instanceof BackupError)) throw e;
	console.error(e.message);
	process.exit(1);
}

function formatBytes(n: number): string {
	if (n < 1024) return `${n} bytes`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
