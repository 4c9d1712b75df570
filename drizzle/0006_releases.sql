CREATE TABLE `release_responses` (
	`release_id` integer NOT NULL,
	`response_id` integer NOT NULL,
	PRIMARY KEY(`release_id`, `response_id`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`number` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`counts` text NOT NULL,
	`results` text NOT NULL,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_pilot_number_idx` ON `releases` (`pilot_id`,`number`);--> statement-breakpoint
ALTER TABLE `responses` ADD `entered_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `responses` ADD `confirmed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `responses` ADD `confirmed_on` text;