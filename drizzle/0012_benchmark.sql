CREATE TABLE `benchmark_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scan_key` text NOT NULL,
	`number` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) NOT NULL,
	`members` text NOT NULL,
	`contributions` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benchmark_snapshots_scan_number_idx` ON `benchmark_snapshots` (`scan_key`,`number`);--> statement-breakpoint
CREATE TABLE `release_scores` (
	`release_id` integer NOT NULL,
	`theme` text NOT NULL,
	`role` text NOT NULL,
	`score` real,
	PRIMARY KEY(`release_id`, `theme`, `role`),
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pilots_benchmark_idx` ON `pilots` (`benchmark_consent`,`status`);