// For unit tests: a fresh, migrated SQLite database in a temp dir, with the scans loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './db/client';
import { loadScans } from './scans';

export function createTestDb(): { db: Db; dir: string; cleanup: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickscan-test-'));
	const db = openDatabase(path.join(dir, 'test.db'), path.resolve('drizzle'));
	loadScans(path.resolve('scans'));
	return {
		db,
		dir,
		cleanup: () => {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
