CREATE TABLE `vote_ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`ballot_hash` text NOT NULL,
	`allocation` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_vote_ballot_idx` ON `vote_ballots` (`vote_id`,`ballot_hash`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pilot_id` integer NOT NULL,
	`code` text NOT NULL,
	`options` text NOT NULL,
	`opened_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_open_code_idx` ON `votes` (`code`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `votes_open_pilot_idx` ON `votes` (`pilot_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE INDEX `votes_pilot_idx` ON `votes` (`pilot_id`,`id`);