// The database schema (drizzle, SQLite). Migrations in `drizzle/` are generated from this file
// with `npm run db:generate`; never edit them by hand.
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../../analysis/group-size';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`);

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
		/** Who respondents can turn to with questions (a name, phone or e-mail of staff, never of a respondent). */
		contact: text('contact'),
		ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [check('pilots_min_group_size', sql`${t.minGroupSize} >= ${sql.raw(String(MIN_GROUP_SIZE_FLOOR))}`)]
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

/**
 * The agenda of het goede gesprek: topics from the draft (by their stable key, e.g.
 * `difference:doel-3`, so the figures are read from the latest release) or the facilitator's own
 * (a title, no key); minutes planned and the notes taken during the meeting.
 */
export const agendaTopics = sqliteTable(
	'agenda_topics',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		topicKey: text('topic_key'),
		/** Own topics have a title of their own; draft topics take theirs from the scan. */
		title: text('title'),
		minutes: integer('minutes'),
		notes: text('notes').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: text('updated_at')
	},
	(t) => [
		uniqueIndex('agenda_topics_pilot_key_idx').on(t.pilotId, t.topicKey),
		index('agenda_topics_pilot_position_idx').on(t.pilotId, t.position),
		check('agenda_topics_key_or_title', sql`${t.topicKey} IS NOT NULL OR ${t.title} IS NOT NULL`),
		check('agenda_topics_minutes', sql`${t.minutes} IS NULL OR ${t.minutes} BETWEEN 1 AND 240`)
	]
);

/**
 * Open answers the facilitator marked to show as quotes: the text as released (open answers have
 * no id), its question and role, optionally under a topic of the agenda.
 */
export const agendaQuotes = sqliteTable(
	'agenda_quotes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		role: text('role').notNull(),
		text: text('text').notNull(),
		topicId: integer('topic_id').references(() => agendaTopics.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('agenda_quotes_pilot_text_idx').on(t.pilotId, t.itemId, t.role, t.text)]
);

/**
 * A short vote of het goede gesprek: people in the room divide three dots over the options. The
 * options are a snapshot taken at opening (key + title as JSON), so the result stays readable when
 * the agenda changes later; a key names what was voted on (`topic:<agenda topic id>`). The code is
 * unique among open votes, and a pilot has at most one open vote.
 */
export const votes = sqliteTable(
	'votes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		options: text('options').notNull(),
		openedAt: text('opened_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`),
		closedAt: text('closed_at')
	},
	(t) => [
		uniqueIndex('votes_open_code_idx')
			.on(t.code)
			.where(sql`closed_at IS NULL`),
		uniqueIndex('votes_open_pilot_idx')
			.on(t.pilotId)
			.where(sql`closed_at IS NULL`),
		index('votes_pilot_idx').on(t.pilotId, t.id)
	]
);

/**
 * One device's dots in a vote: a random ballot id from a cookie, stored as its SHA-256 hash only,
 * and the points per option key as JSON. No name, address or device detail.
 */
export const voteBallots = sqliteTable(
	'vote_ballots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => votes.id, { onDelete: 'cascade' }),
		ballotHash: text('ballot_hash').notNull(),
		allocation: text('allocation').notNull(),
		updatedAt: text('updated_at').notNull()
	},
	(t) => [uniqueIndex('vote_ballots_vote_ballot_idx').on(t.voteId, t.ballotHash)]
);

/**
 * The plan van aanpak: a pilot's actions in the order the partners put them. `whyTopicId` is the
 * agenda topic that prompted an action (gone when the topic leaves the agenda), `whyText` the
 * facilitator's own words on why; the owner is a kind, and for `anders` the name of a body.
 */
export const planActions = sqliteTable(
	'plan_actions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pilotId: integer('pilot_id')
			.notNull()
			.references(() => pilots.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		whyTopicId: integer('why_topic_id').references(() => agendaTopics.id, { onDelete: 'set null' }),
		whyText: text('why_text').notNull().default(''),
		ownerKind: text('owner_kind', { enum: ['gemeente', 'raad', 'samen', 'anders'] }).notNull(),
		ownerName: text('owner_name').notNull().default(''),
		/** YYYY-MM: the month the action should be done by. */
		dueMonth: text('due_month').notNull(),
		priority: text('priority', { enum: ['hoog', 'middel', 'laag'] })
			.notNull()
			.default('middel'),
		status: text('status', { enum: ['gepland', 'bezig', 'uitgevoerd', 'gestopt'] })
			.notNull()
			.default('gepland'),
		successSign: text('success_sign').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: text('updated_at')
	},
	(t) => [
		index('plan_actions_pilot_position_idx').on(t.pilotId, t.position),
		check('plan_actions_due_month', sql`${t.dueMonth} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`)
	]
);

/** The themes and statements of the pilot's scan snapshot an action is about, by their stable ids. */
export const planActionLinks = sqliteTable(
	'plan_action_links',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => planActions.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['theme', 'item'] }).notNull(),
		ref: text('ref').notNull()
	},
	(t) => [primaryKey({ columns: [t.actionId, t.kind, t.ref] })]
);

/** What happened with an action, by day. */
export const planProgress = sqliteTable(
	'plan_progress',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => planActions.id, { onDelete: 'cascade' }),
		/** YYYY-MM-DD, the day it happened (the facilitator may note it later). */
		day: text('day').notNull(),
		text: text('text').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('plan_progress_action_idx').on(t.actionId, t.day)]
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
export type AgendaTopicRow = typeof agendaTopics.$inferSelect;
export type AgendaQuoteRow = typeof agendaQuotes.$inferSelect;
export type PlanActionRow = typeof planActions.$inferSelect;
export type PlanProgressRow = typeof planProgress.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;
export type Pilot = typeof pilots.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
