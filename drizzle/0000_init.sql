CREATE TABLE `answers` (
	`response_id` integer NOT NULL,
	`key` text NOT NULL,
	`score` integer,
	`dont_know` integer DEFAULT false NOT NULL,
	`text` text,
	PRIMARY KEY(`response_id`, `key`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "answers_one_value" CHECK(("answers"."score" IS NOT NULL) + "answers"."dont_know" + ("answers"."text" IS NOT NULL) = 1),
	CONSTRAINT "answers_score_range" CHECK("answers"."score" IS NULL OR "answers"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`kind` text NOT NULL,
	`role` text,
	`number` integer NOT NULL,
	`token_hash` text NOT NULL,
	`salt` text NOT NULL,
	`parent_id` integer,
	`revoked` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_pilot_idx` ON `invitations` (`pilot_id`);--> statement-breakpoint
CREATE TABLE `pilots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality` text NOT NULL,
	`round_label` text DEFAULT 'Nulmeting' NOT NULL,
	`cbs_code` text,
	`council_type` text NOT NULL,
	`snapshot_id` integer NOT NULL,
	`variant` text NOT NULL,
	`mirror` integer DEFAULT true NOT NULL,
	`roles` text NOT NULL,
	`min_group_size` integer DEFAULT 5 NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`previous_pilot_id` integer,
	`benchmark_consent` integer DEFAULT false NOT NULL,
	`owner_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `scan_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "pilots_min_group_size" CHECK("pilots"."min_group_size" >= 3)
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`pilot_id` integer NOT NULL,
	`invitation_id` integer,
	`role` text NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`started_on` text NOT NULL,
	`submitted_on` text,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_public_id_unique` ON `responses` (`public_id`);--> statement-breakpoint
CREATE INDEX `responses_pilot_idx` ON `responses` (`pilot_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_invitation_idx` ON `responses` (`invitation_id`);--> statement-breakpoint
CREATE TABLE `scan_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_snapshots_content_hash_unique` ON `scan_snapshots` (`content_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);