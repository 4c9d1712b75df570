CREATE TABLE `plan_action_links` (
	`action_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	PRIMARY KEY(`action_id`, `kind`, `ref`),
	FOREIGN KEY (`action_id`) REFERENCES `plan_actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`why_topic_id` integer,
	`why_text` text DEFAULT '' NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_name` text DEFAULT '' NOT NULL,
	`due_month` text NOT NULL,
	`priority` text DEFAULT 'middel' NOT NULL,
	`status` text DEFAULT 'gepland' NOT NULL,
	`success_sign` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`why_topic_id`) REFERENCES `agenda_topics`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "plan_actions_due_month" CHECK("plan_actions"."due_month" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE INDEX `plan_actions_pilot_position_idx` ON `plan_actions` (`pilot_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`day` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `plan_actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_progress_action_idx` ON `plan_progress` (`action_id`,`day`);