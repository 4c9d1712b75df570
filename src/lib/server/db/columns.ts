// Columns every part of the schema uses the same way.
import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** When a row was made, as UTC text to the second (set by SQLite). */
export const createdAt = () =>
	text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`);
