// The database schema (drizzle, SQLite). Migrations in `drizzle/` are generated from this file
// with `npm run db:generate`; never edit them by hand.
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../../analysis/group-size';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull().default(''),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ['admin', 'facilitator', 'viewer'] }).notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

/** Sessions are stored by the SHA-256 of their cookie value, so a copied database opens none. */
export const sessions = sqliteTable(
	'sessions',
	{
		idHash: text('id_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** The exact scan definition a pilot was started with; shared by pilots with the same content. */
export const scanSnapshots = sqliteTable('scan_snapshots', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	scanId: text('scan_id').notNull(),
	version: integer('version').notNull(),
	contentHash: text('content_hash').notNull().unique(),
	definition: text('definition', { mode: 'json' }).notNull(),
	createdAt: createdAt()
});

export const pilots = sqliteTable(
	'pilots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipality: text('municipality').notNull(),
		roundLabel: text('round_label').notNull().default('Nulmeting'),
		cbsCode: text('cbs_code'),
		councilType: text('council_type', { enum: ['clientenraad', 'adviesraad-werkgroep', 'adviesraad'] }).notNull(),
		snapshotId: integer('snapshot_id')
			.notNull()
			.references(() => scanSnapshots.id),
		variant: text('variant', { enum: ['full', 'short'] }).notNull(),
		mirror: integer('mirror', { mode: 'boolean' }).notNull().default(true),
		roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
		minGroupSize: integer('min_group_size').notNull().default(DEFAULT_MIN_GROUP_SIZE),
		opensOn: text('opens_on'),
		closesOn: text('closes_on'),
		status: text('status', { enum: ['draft', 'open', 'closed'] })
			.notNull()
			.default('draft'),
		previousPilotId: integer('previous_pilot_id').references((): never => pilots.id as never, { onDelete: 'set null' }),
		benchmarkConsent: integer('benchmark_consent', { mode: 'boolean' }).notNull().default(false),
		/** Made by the demo seed (demo.ts): `npm run demo:reset` removes exactly these, and real figures never mix with them. */
		demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
		/** Who respondents can turn to with questions (a name, phone or e-mail of staff, never of a respondent). */
		contact: text('contact'),
		ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		check('pilots_min_group_size', sql`${t.minGroupSize} >= ${sql.raw(String(MIN_GROUP_SIZE_FLOOR))}`),
		// The benchmark looks up closed, consenting pilots on every remake.
		index('pilots_benchmark_idx').on(t.benchmarkConsent, t.status)
	]
);

/**
 * Respondent links. Only the SHA-256 of a token is stored; `salt` lets the server re-derive the
 * token with its secret key (never in the database) so letters can be printed again.
 * A group link (kind 'group') hands out personal links (kind 'personal', parentId set).
 */
export const invitations = sqliteTable(
	'invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['personal', 'group'] }).notNull(),
		role: text('role'),
		number: integer('number').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		salt: text('salt').notNull(),
		/** Keyed hash of the letter code (letter-codes.ts); null for links no letter shows (made by a group link). */
		codeHash: text('code_hash').unique(),
		parentId: integer('parent_id').references((): never => invitations.id as never, { onDelete: 'cascade' }),
		/** A group link hands out at most this many personal links (null: personal links). */
		maxUses: integer('max_uses'),
		revoked: integer('revoked', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('invitations_pilot_idx').on(t.pilotId), index('invitations_parent_idx').on(t.parentId)]
);

/**
 * One respondent's answers. No name, e-mail, IP address or user agent is ever stored here, and
 * dates are kept to the day. `publicId` is the random id used in exports.
 */
export const responses = sqliteTable(
	'responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		publicId: text('public_id').notNull().unique(),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		invitationId: integer('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
		role: text('role').notNull(),
		source: text('source', { enum: ['online', 'paper', 'import'] }).notNull(),
		status: text('status', { enum: ['in_progress', 'submitted'] })
			.notNull()
			.default('in_progress'),
		startedOn: text('started_on').notNull(),
		submittedOn: text('submitted_on'),
		/** Forms typed in from paper or imported: who entered them, and who confirmed them (four eyes). */
		enteredBy: integer('entered_by').references(() => users.id, { onDelete: 'set null' }),
		confirmedBy: integer('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
		/** The day a typed-in form was confirmed; until then it counts in no release. */
		confirmedOn: text('confirmed_on')
	},
	(t) => [index('responses_pilot_idx').on(t.pilotId), uniqueIndex('responses_invitation_idx').on(t.invitationId)]
);

/**
 * A release: the frozen figures that every results page, chart, export and the API show, until a
 * later release replaces them. `results` is the analysis (JSON) of exactly the responses listed in
 * release_responses, so two releases differ by whole groups of at least k responses per role.
 */
export const releases = sqliteTable(
	'releases',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		reason: text('reason', { enum: ['close', 'explicit'] }).notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		/** Per role: responses in this release, and how many of them were typed in. */
		counts: text('counts', { mode: 'json' }).notNull(),
		results: text('results', { mode: 'json' }).notNull()
	},
	(t) => [uniqueIndex('releases_pilot_number_idx').on(t.pilotId, t.number)]
);

export const releaseResponses = sqliteTable(
	'release_responses',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id, { onDelete: 'cascade' }),
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.releaseId, t.responseId] })]
);

/**
 * The published benchmark of one scan version (`scan_key` = `id@version`): what every pilot's
 * benchmark page reads. `members` are the contributing pilots' ids; `contributions` their role x
 * theme means (never answers). Remade only when at least 2 pilots joined or left (src/lib/benchmark).
 */
export const benchmarkSnapshots = sqliteTable(
	'benchmark_snapshots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scanKey: text('scan_key').notNull(),
		number: integer('number').notNull(),
		createdAt: createdAt(),
		members: text('members', { mode: 'json' }).$type<number[]>().notNull(),
		contributions: text('contributions', { mode: 'json' }).notNull()
	},
	(t) => [uniqueIndex('benchmark_snapshots_scan_number_idx').on(t.scanKey, t.number)]
);

/**
 * Theme scores per role of a release, taken once out of its `results` JSON (releases never change),
 * so the benchmark and the programme overview read a few small rows instead of parsing every
 * release. Filled by src/lib/server/benchmark.ts; score null where the release suppressed it.
 */
export const releaseScores = sqliteTable(
	'release_scores',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id, { onDelete: 'cascade' }),
		theme: text('theme').notNull(),
		role: text('role').notNull(),
		score: real('score')
	},
	(t) => [primaryKey({ columns: [t.releaseId, t.theme, t.role] })]
);

/** One answer per response and key; the primary key makes saving the same answer twice a no-op. */
export const answers = sqliteTable(
	'answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		score: integer('score'),
		dontKnow: integer('dont_know', { mode: 'boolean' }).notNull().default(false),
		text: text('text')
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.key] }),
		check('answers_one_value', sql`(${t.score} IS NOT NULL) + ${t.dontKnow} + (${t.text} IS NOT NULL) = 1`),
		check('answers_score_range', sql`${t.score} IS NULL OR ${t.score} BETWEEN 1 AND 5`)
	]
);

/** Files imported into a pilot, by content hash, so the same file is not counted twice. */
export const imports = sqliteTable(
	'imports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		fileHash: text('file_hash').notNull(),
		responses: integer('responses').notNull(),
		importedOn: text('imported_on').notNull()
	},
	(t) => [uniqueIndex('imports_pilot_file_idx').on(t.pilotId, t.fileHash)]
);

/**
 * The form codes of every imported file (hashed: a facilitator may have used names), so a form
 * that was imported before is refused even in a changed file.
 */
export const importedForms = sqliteTable(
	'imported_forms',
	{
		importId: integer('import_id')
			.notNull()
			.references(() => imports.id, { onDelete: 'cascade' }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull()
	},
	(t) => [uniqueIndex('imported_forms_pilot_code_idx').on(t.pilotId, t.codeHash)]
);

/** A pilot shared with another account: as co-facilitator, or read-only (viewer). */
export const pilotShares = sqliteTable(
	'pilot_shares',
	{
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		access: text('access', { enum: ['facilitator', 'viewer'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.pilotId, t.userId] })]
);

/** One-time password reset links, stored by hash; shown once to the admin who made them. */
export const passwordResets = sqliteTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: integer('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull()
});

/**
 * What facilitators and admins did: who, what, when. Never respondent content, tokens or
 * passwords; `detail` holds ids and names of things, not answers.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		userEmail: text('user_email').notNull(),
		action: text('action').notNull(),
		pilotId: integer('pilot_id'),
		detail: text('detail').notNull().default('')
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

export type User = typeof users.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;
export type Pilot = typeof pilots.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

// The tables of het goede gesprek (agenda, vote, plan van aanpak) live in a file of their own.
export * from './schema-conversation';
