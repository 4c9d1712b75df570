// Reads the e2e server's database directly, to check what was really stored.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database('.e2e-data/quickscan.db', { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Answers stored for the response behind a respondent link URL. */
export function answersForLink(url: string): { key: string; score: number | null; dont_know: number; text: string | null }[] {
	const token = new URL(url).pathname.split('/')[2];
	return query(
		`SELECT a.key, a.score, a.dont_know, a.text FROM answers a
		 JOIN responses r ON r.id = a.response_id
		 JOIN invitations i ON i.id = r.invitation_id
		 WHERE i.token_hash = ?`,
		sha256(token)
	);
}

export function responseStatusForLink(url: string): string | undefined {
	const token = new URL(url).pathname.split('/')[2];
	return query<{ status: string }>(
		'SELECT r.status FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE i.token_hash = ?',
		sha256(token)
	)[0]?.status;
}

function sha256(text: string) {
	return createHash('sha256').update(text).digest('hex');
}
