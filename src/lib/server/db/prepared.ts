// Statements the autosave path runs for every answer, prepared once per database connection rather
// than built and compiled per request. A statement prepared on the connection also runs inside a
// transaction on it (better-sqlite3 has one connection, and a transaction is a state of it).
import type { Db } from './client';

const statements = new WeakMap<Db['$client'], Map<string, unknown>>();

/** The statement `name` on this connection, made by `make` the first time. */
export function prepared<T>(db: Db, name: string, make: () => T): T {
	if (!db.$client) throw new Error(`prepared statement ${name}: pass the database, not a transaction`);
	let byName = statements.get(db.$client);
	if (!byName) statements.set(db.$client, (byName = new Map()));
	let statement = byName.get(name) as T | undefined;
	if (statement === undefined) byName.set(name, (statement = make()));
	return statement;
}
