// The one upsert both floor servers of `npm run bench` do for a save: the same table shape as the
// app's answers (response, key, score), the same durability settings (WAL, synchronous=FULL).
import Database from 'better-sqlite3';

/** Opens the database and returns a function that stores one request's answers. */
export function openFloorDatabase(file) {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.exec(
		'CREATE TABLE IF NOT EXISTS answers (response_id INTEGER NOT NULL, key TEXT NOT NULL, score INTEGER, PRIMARY KEY (response_id, key))'
	);
	const upsert = db.prepare(
		'INSERT INTO answers (response_id, key, score) VALUES (?, ?, ?) ON CONFLICT (response_id, key) DO UPDATE SET score = excluded.score'
	);
	return (responseId, answers) => {
		let saved = 0;
		for (const [key, value] of Object.entries(answers)) {
			upsert.run(responseId, key, Number(value));
			saved++;
		}
		return saved;
	};
}
