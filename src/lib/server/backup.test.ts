import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, restoreDatabase } from './backup';
import type { Db } from './db';
import { openDatabase } from './db/client';
import { createPersonalLinks, resolveToken } from './invitations';
import { createPilot, setPilotStatus } from './pilots';
import { getOrStartResponse, saveAnswers } from './responses';
import { createTestDb, testPilotForm } from './test-db';

const form = (municipality: string) => testPilotForm({ municipality });

let db: Db;
let dir: string;
let file: string;
let cleanup: () => void;
const extra: Database.Database[] = [];

beforeEach(() => {
	({ db, dir, cleanup } = createTestDb());
	file = path.join(dir, 'test.db');
});
afterEach(() => {
	for (const c of extra.splice(0)) if (c.open) c.close();
	cleanup();
});

function connect(): Database.Database {
	const c = new Database(file);
	c.pragma('busy_timeout = 5000');
	extra.push(c);
	return c;
}

/** Everything a respondent or facilitator created, as plain rows, to compare databases with. */
function snapshot(file: string) {
	const c = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const all = (sql: string) => c.prepare(sql).all();
		return {
			pilots: all('SELECT id, municipality, status FROM pilots ORDER BY id'),
			invitations: all('SELECT id, pilot_id, role, token_hash FROM invitations ORDER BY id'),
			responses: all('SELECT id, invitation_id, status FROM responses ORDER BY id'),
			answers: all('SELECT response_id, key, score, dont_know, text FROM answers ORDER BY response_id, key'),
			integrity: c.pragma('integrity_check', { simple: true })
		};
	} finally {
		c.close();
	}
}

/** One pilot with one started response and two answers. */
function seed() {
	const pilotId = createPilot(db, form('Backupstad'), null);
	setPilotStatus(db, pilotId, 'open');
	const [link] = createPersonalLinks(db, crypto.randomBytes(32), pilotId, 'raad', 2);
	const response = getOrStartResponse(db, resolveToken(db, link.token)!.invitation);
	saveAnswers(db, response.id, [
		['doel-1', { kind: 'score', score: 4 }],
		['doel-open', { kind: 'text', text: 'Voor de backup' }]
	]);
	return { pilotId, responseId: response.id };
}

const files = (d: string) => fs.readdirSync(d).sort();
const sha256 = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('backup and restore', () => {
	it('round trip: the restored database holds exactly what was committed when the backup was made', async () => {
		const { responseId } = seed();

		// A reader keeps an old snapshot open and a writer has a transaction in flight: the backup
		// must neither wait for them nor contain the uncommitted row.
		const reader = connect();
		reader.exec('BEGIN');
		reader.prepare('SELECT count(*) FROM answers').get();
		const writer = connect();
		writer.exec('BEGIN IMMEDIATE');
		writer.prepare("INSERT INTO answers (response_id, key, text) VALUES (?, 'agenda-open', 'niet gecommit')").run(responseId);

		const atBackup = snapshot(file);
		const dest = path.join(dir, 'backups', 'kopie.db');
		const result = await backupDatabase(file, dest);
		expect(result.file).toBe(dest);
		expect(result.bytes).toBe(fs.statSync(dest).size);
		expect(snapshot(dest)).toEqual(atBackup);
		expect(atBackup.answers).toHaveLength(2);
		expect(atBackup.integrity).toBe('ok');
		// A single self-contained file: no temporary or WAL files next to it.
		expect(files(path.dirname(dest))).toEqual(['kopie.db']);

		writer.exec('COMMIT');
		reader.exec('COMMIT');
		// Change the data after the backup: new answers, a changed one, another pilot.
		saveAnswers(db, responseId, [
			['doel-1', { kind: 'score', score: 1 }],
			['doel-2', { kind: 'dontKnow' }]
		]);
		createPilot(db, form('Nastad'), null);
		const afterChanges = snapshot(file);
		expect(afterChanges.answers).toHaveLength(4);

		reader.close();
		writer.close();
		db.$client.close();
		const restored = restoreDatabase(dest, file, new Date(2030, 0, 2, 3, 4, 5));
		expect(restored.previous).toBe(`${file}.voor-herstel-20300102-030405`);
		expect(snapshot(file)).toEqual(atBackup);
		// The database it replaced is kept, complete (its WAL was folded in first).
		expect(snapshot(restored.previous!)).toEqual(afterChanges);
		expect(files(dir)).toEqual(['backups', 'test.db', 'test.db.voor-herstel-20300102-030405']);
		// The backup itself is not changed by restoring from it.
		expect(snapshot(dest)).toEqual(atBackup);
	});

	it('creates the database, its WAL and every backup readable by the server only (0600)', async () => {
		const mode = (f: string) => fs.statSync(f).mode & 0o777;
		seed();
		expect(mode(file)).toBe(0o600);
		expect(mode(`${file}-wal`)).toBe(0o600);
		expect(mode(`${file}-shm`)).toBe(0o600);
		const dest = path.join(dir, 'backups', 'kopie.db');
		await backupDatabase(file, dest);
		expect(mode(dest)).toBe(0o600);
		// An existing database made world-readable by hand is made private again when opened.
		const other = path.join(dir, 'oud.db');
		fs.copyFileSync(dest, other);
		fs.chmodSync(other, 0o644);
		openDatabase(other, path.resolve('drizzle')).$client.close();
		expect(mode(other)).toBe(0o600);
		db.$client.close();
		restoreDatabase(dest, file, new Date(2030, 0, 2, 3, 4, 5));
		expect(mode(file)).toBe(0o600);
	});

	it('makes a consistent copy while another connection keeps committing', async () => {
		const { responseId } = seed();
		const writer = connect();
		const insert = writer.prepare('INSERT INTO answers (response_id, key, text) VALUES (?, ?, ?)');
		let n = 0;
		let writing = true;
		const loop = () => {
			if (!writing || n >= 5000) return;
			writer.transaction(() => {
				for (let i = 0; i < 5; i++, n++) insert.run(responseId, `k-${String(n).padStart(5, '0')}`, `waarde ${n}`);
			})();
			setImmediate(loop);
		};
		setImmediate(loop);
		await new Promise((r) => setTimeout(r, 20));
		const dest = path.join(dir, 'tijdens.db');
		await backupDatabase(file, dest);
		writing = false;
		const copy = snapshot(dest);
		expect(copy.integrity).toBe('ok');
		const keys = (copy.answers as { key: string }[]).map((a) => a.key).filter((k) => k.startsWith('k-'));
		// Whole transactions only, and no gaps: the copy is one moment of the source.
		expect(keys.length % 5).toBe(0);
		expect(keys).toEqual(keys.map((_, i) => `k-${String(i).padStart(5, '0')}`));
		expect(keys.length).toBeGreaterThan(0);
	});

	it('refuses a missing database, an existing destination and an unwritable folder', async () => {
		seed();
		await expect(backupDatabase(path.join(dir, 'nope.db'), path.join(dir, 'b.db'))).rejects.toThrow(/Geen database gevonden/);
		fs.writeFileSync(path.join(dir, 'bestaat.db'), 'x');
		await expect(backupDatabase(file, path.join(dir, 'bestaat.db'))).rejects.toThrow(/bestaat al/);
		// A "folder" that is a file cannot be written into, whoever runs the tests.
		await expect(backupDatabase(file, path.join(dir, 'bestaat.db', 'b.db'))).rejects.toThrow(/Kan niet schrijven in de map/);
		if (process.getuid?.() !== 0) {
			const locked = path.join(dir, 'dicht');
			fs.mkdirSync(locked, { mode: 0o500 });
			await expect(backupDatabase(file, path.join(locked, 'b.db'))).rejects.toThrow(/Kan niet schrijven in de map/);
		}
	});

	describe('restore refuses and leaves the target untouched', () => {
		function expectUntouched(run: () => unknown, message: RegExp) {
			const before = { hash: sha256(file), files: files(dir) };
			let error: unknown;
			try {
				run();
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(BackupError);
			expect((error as Error).message).toMatch(message);
			expect(sha256(file)).toBe(before.hash);
			expect(files(dir)).toEqual(before.files);
		}

		it('a missing file', () => {
			seed();
			expectUntouched(() => restoreDatabase(path.join(dir, 'bestaat-niet.db'), file), /bestaat niet/);
		});

		it('a file that is not a database', () => {
			seed();
			const text = path.join(dir, 'notities.txt');
			fs.writeFileSync(text, 'Dit is geen database.\n'.repeat(100));
			expectUntouched(() => restoreDatabase(text, file), /geen SQLite-database/);
		});

		it('a SQLite file that is not a Quickscan database', () => {
			seed();
			const other = path.join(dir, 'ander.db');
			const c = new Database(other);
			c.exec('CREATE TABLE iets (x)');
			c.close();
			expectUntouched(() => restoreDatabase(other, file), /tabel pilots ontbreekt/);
		});

		it('a damaged backup', async () => {
			seed();
			const dest = path.join(dir, 'stuk.db');
			await backupDatabase(file, dest);
			// Overwrite the pages after the first: the header is intact, the tables are not.
			const size = fs.statSync(dest).size;
			const fd = fs.openSync(dest, 'r+');
			fs.writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
			fs.closeSync(fd);
			expectUntouched(() => restoreDatabase(dest, file), /beschadigd|geen bruikbare database/);
		});

		it('while the server has the database open, even when it is idle', async () => {
			seed();
			const dest = path.join(dir, 'goed.db');
			await backupDatabase(file, dest);
			// `db` is still open here, as the running server's connection would be.
			db.$client.prepare('SELECT count(*) FROM pilots').get();
			expectUntouched(() => restoreDatabase(dest, file), /stop de server eerst/);
		});
	});
});
