// Files with answers or keys in them are for the server's own user only (mode 0600), however the
// machine's umask is set. SQLite gives a database's -wal and -shm files the mode of the database.
import fs from 'node:fs';

export const PRIVATE_MODE = 0o600;

/** Creates `file` empty and private if it does not exist, else makes it private. */
export function ensurePrivateFile(file: string): void {
	try {
		fs.writeFileSync(file, '', { flag: 'wx', mode: PRIVATE_MODE });
		// The mode given at creation is filtered by the umask; set it outright.
		fs.chmodSync(file, PRIVATE_MODE);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		fs.chmodSync(file, PRIVATE_MODE);
	}
}

/** Makes a database private together with the side files SQLite keeps next to it. */
export function privateDatabase(file: string): void {
	ensurePrivateFile(file);
	for (const suffix of ['-wal', '-shm', '-journal']) if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, PRIVATE_MODE);
}
