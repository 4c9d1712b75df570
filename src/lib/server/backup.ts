// Backup and restore of the SQLite database. A backup is a consistent single-file copy made with
// SQLite's online backup API, so it can be taken while the server runs; a restore checks the copy
// first and keeps the database it replaces.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from './private-file';

/** A failure with a message for the person at the console, in Dutch and in English. */
export class BackupError extends Error {
	constructor(
		readonly nl: string,
		readonly en: string
	) {
		super(`${nl}\n${en}`);
	}
}

export type BackupResult = { file: string; bytes: number };
export type RestoreResult = { target: string; previous: string | null; bytes: number };

const SQLITE_HEADER = 'SQLite format 3\0';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** YYYYMMDD-HHMMSS in local time: sorts by name and is safe in file names everywhere. */
export function timestamp(now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function defaultBackupPath(now = new Date(), dir = 'backups'): string {
	return path.join(dir, `quickscan-${timestamp(now)}.db`);
}

/**
 * Copies the database at `source` to `dest` (which must not exist yet), consistent even while
 * the server writes: the copy is one read snapshot, so it holds whole transactions only.
 * The copy is checked with `PRAGMA integrity_check` before it gets its final name.
 */
export async function backupDatabase(source: string, dest: string): Promise<BackupResult> {
	requireDatabaseFile(source, 'database');
	if (fs.existsSync(dest))
		throw new BackupError(`Het bestand ${dest} bestaat al; kies een andere naam.`, `The file ${dest} already exists; choose another name.`);
	const dir = path.dirname(path.resolve(dest));
	requireWritableDir(dir);

	// Written under a temporary name and renamed when checked, so a half-made backup never looks
	// like a real one.
	const tmp = path.join(dir, `.${path.basename(dest)}.tmp-${process.pid}`);
	let src: Database.Database | undefined;
	try {
		// Created private before any page is copied in: a backup holds every answer.
		ensurePrivateFile(tmp);
		src = new Database(source, { fileMustExist: true, timeout: 5000 });
		// All pages in one step: each step is one read transaction, and a write by the server
		// between steps would make SQLite start the copy over.
		await src.backup(tmp, { progress: () => 0x7fffffff });
		src.close();
		src = undefined;
		const copy = new Database(tmp, { fileMustExist: true });
		try {
			// The copied header says WAL; a backup is easier to handle as one self-contained file.
			copy.pragma('journal_mode = DELETE');
			const result = integrity(copy);
			if (result !== 'ok')
				throw new BackupError(
					`De kopie is niet in orde (integrity_check: ${result}).`,
					`The copy is damaged (integrity_check: ${result}).`
				);
		} finally {
			copy.close();
		}
		syncFile(tmp);
		fs.renameSync(tmp, dest);
		syncDir(dir);
		return { file: dest, bytes: fs.statSync(dest).size };
	} catch (e) {
		src?.close();
		removeWithSideFiles(tmp);
		if (e instanceof BackupError) throw e;
		const message = (e as Error).message;
		throw new BackupError(`De backup is mislukt: ${message}`, `The backup failed: ${message}`);
	}
}

/**
 * Puts `backupFile` in place of the database at `target`. The backup is checked first (a SQLite
 * file, integrity ok, a Quickscan schema); the server must be stopped; the current database is
 * kept next to it as `<target>.voor-herstel-<timestamp>`. On any refusal `target` is untouched.
 */
export function restoreDatabase(backupFile: string, target: string, now = new Date()): RestoreResult {
	requireDatabaseFile(backupFile, 'backup');
	const dir = path.dirname(path.resolve(target));
	fs.mkdirSync(dir, { recursive: true });
	requireWritableDir(dir);

	// Check a copy next to the target, not the backup itself: opening a file can change it, and
	// the checked copy can then be renamed into place in one step.
	const staging = path.join(dir, `.${path.basename(target)}.herstel-${process.pid}`);
	try {
		fs.copyFileSync(backupFile, staging);
		ensurePrivateFile(staging);
		checkRestorable(staging, backupFile);
		syncFile(staging);
		const previous = fs.existsSync(target) ? `${target}.voor-herstel-${timestamp(now)}` : null;
		if (previous) {
			if (fs.existsSync(previous))
				throw new BackupError(
					`${previous} bestaat al; probeer het over een seconde opnieuw.`,
					`${previous} already exists; try again in a second.`
				);
			settle(target);
			fs.renameSync(target, previous);
			// What a checkpoint could not fold in stays with the kept copy under its matching name.
			for (const suffix of ['-wal', '-journal']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, previous + suffix);
		}
		for (const suffix of SIDE_FILES) fs.rmSync(target + suffix, { force: true });
		fs.renameSync(staging, target);
		syncDir(dir);
		return { target, previous, bytes: fs.statSync(target).size };
	} catch (e) {
		removeWithSideFiles(staging);
		if (e instanceof BackupError) throw e;
		const message = (e as Error).message;
		throw new BackupError(`Herstellen is mislukt: ${message}`, `The restore failed: ${message}`);
	}
}

function requireDatabaseFile(file: string, what: 'database' | 'backup') {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch {
		if (what === 'database')
			throw new BackupError(
				`Geen database gevonden op ${file}. Klopt DATABASE_PATH?`,
				`No database file at ${file}. Is DATABASE_PATH right?`
			);
		throw new BackupError(`Het backupbestand ${file} bestaat niet.`, `The backup file ${file} does not exist.`);
	}
	if (!stat.isFile()) throw new BackupError(`${file} is geen bestand.`, `${file} is not a file.`);
	const header = Buffer.alloc(16);
	const fd = fs.openSync(file, 'r');
	try {
		fs.readSync(fd, header, 0, 16, 0);
	} finally {
		fs.closeSync(fd);
	}
	if (header.toString('latin1') !== SQLITE_HEADER)
		throw new BackupError(`${file} is geen SQLite-database.`, `${file} is not a SQLite database.`);
}

function requireWritableDir(dir: string) {
	try {
		fs.mkdirSync(dir, { recursive: true });
		fs.accessSync(dir, fs.constants.W_OK);
	} catch {
		throw new BackupError(`Kan niet schrijven in de map ${dir}.`, `Cannot write to the folder ${dir}.`);
	}
}

function integrity(db: Database.Database): string {
	const rows = db.pragma('integrity_check') as { integrity_check: string }[];
	return rows.map((r) => r.integrity_check).join('; ');
}

function checkRestorable(file: string, shownAs: string) {
	let db: Database.Database | undefined;
	try {
		db = new Database(file, { fileMustExist: true });
		db.pragma('journal_mode = DELETE');
		const result = integrity(db);
		if (result !== 'ok')
			throw new BackupError(
				`${shownAs} is beschadigd (integrity_check: ${result}).`,
				`${shownAs} is damaged (integrity_check: ${result}).`
			);
		const pilots = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pilots'").get();
		if (!pilots)
			throw new BackupError(
				`${shownAs} is geen Quickscan-database (de tabel pilots ontbreekt).`,
				`${shownAs} is not a Quickscan database (no pilots table).`
			);
	} catch (e) {
		if (e instanceof BackupError) throw e;
		const message = (e as Error).message;
		throw new BackupError(`${shownAs} is geen bruikbare database: ${message}`, `${shownAs} is not a usable database: ${message}`);
	} finally {
		db?.close();
	}
}

/**
 * Makes sure no server has the database open, and folds its WAL into the main file. A WAL-mode
 * connection holds a shared lock as long as it is open, so asking for an exclusive lock (with
 * locking_mode EXCLUSIVE; a plain BEGIN EXCLUSIVE does not conflict with idle readers in WAL
 * mode) fails while the server runs, even when it is idle.
 */
function settle(target: string) {
	let db: Database.Database;
	try {
		db = new Database(target, { fileMustExist: true, timeout: 0 });
	} catch {
		return; // not openable as a database: nothing to fold in, and no server can be using it
	}
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('COMMIT');
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.pragma('journal_mode = DELETE');
	} catch (e) {
		const code = (e as { code?: string }).code ?? '';
		if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
			throw new BackupError(
				`De database ${target} is in gebruik: stop de server eerst.`,
				`The database ${target} is in use: stop the server first.`
			);
		// A damaged current database is what a restore is for: keep it as it is, with its WAL.
	} finally {
		db.close();
	}
}

function removeWithSideFiles(file: string) {
	for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

function syncFile(file: string) {
	const fd = fs.openSync(file, 'r+');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/** Makes a rename durable; not every platform can open a directory, which is fine to skip. */
function syncDir(dir: string) {
	let fd: number | undefined;
	try {
		fd = fs.openSync(dir, 'r');
		fs.fsyncSync(fd);
	} catch {
		// best effort
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}
