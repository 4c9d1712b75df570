// Opens the SQLite database with the settings the durability guarantee rests on, and brings its
// schema up to date with drizzle's migrator.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { privateDatabase } from '../private-file';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string, migrationsFolder: string): Db {
	if (file !== ':memory:') {
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
		privateDatabase(file);
	}
	const sqlite = new Database(file);
	// WAL lets readers work while an answer is written; synchronous=FULL makes every committed
	// answer survive a crash of the process or the machine; foreign keys keep deletes complete.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Db;
	migrate(db, { migrationsFolder });
	return db;
}
