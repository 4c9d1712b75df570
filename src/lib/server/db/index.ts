// The app's one database connection, opened on first use with the configured path.
import { config } from '../config';
import { openDatabase, type Db } from './client';

let instance: Db | undefined;

export function db(): Db {
	instance ??= openDatabase(config.databasePath, config.migrationsDir);
	return instance;
}

export type { Db };
