CREATE TABLE `agenda_quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`role` text NOT NULL,
	`text` text NOT NULL,
	`topic_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `agenda_topics`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_quotes_pilot_text_idx` ON `agenda_quotes` (`pilot_id`,`item_id`,`role`,`text`);--> statement-breakpoint
CREATE TABLE `agenda_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`position` integer NOT NULL,
	`topic_key` text,
	`title` text,
	`minutes` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agenda_topics_key_or_title" CHECK("agenda_topics"."topic_key" IS NOT NULL OR "agenda_topics"."title" IS NOT NULL),
	CONSTRAINT "agenda_topics_minutes" CHECK("agenda_topics"."minutes" IS NULL OR "agenda_topics"."minutes" BETWEEN 1 AND 240)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_topics_pilot_key_idx` ON `agenda_topics` (`pilot_id`,`topic_key`);--> statement-breakpoint
CREATE INDEX `agenda_topics_pilot_position_idx` ON `agenda_topics` (`pilot_id`,`position`);