// The tables of het goede gesprek: the agenda with its quotes, the live vote, and the plan van
// aanpak. Part of the schema (schema.ts exports them too); every row belongs to a pilot.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
// Only inside the references' callbacks, which run once both files are loaded.
import { pilots } from './schema';

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
		/**
		 * The action of the previous round's plan this one was carried over from, so carrying twice adds
		 * nothing (see rounds.ts). No foreign key: the earlier pilot may be deleted, this plan stays.
		 */
		carriedFromId: integer('carried_from_id'),
		createdAt: createdAt(),
		updatedAt: text('updated_at')
	},
	(t) => [
		index('plan_actions_pilot_position_idx').on(t.pilotId, t.position),
		uniqueIndex('plan_actions_pilot_carried_idx').on(t.pilotId, t.carriedFromId),
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

export type AgendaTopicRow = typeof agendaTopics.$inferSelect;
export type AgendaQuoteRow = typeof agendaQuotes.$inferSelect;
export type PlanActionRow = typeof planActions.$inferSelect;
export type PlanProgressRow = typeof planProgress.$inferSelect;
