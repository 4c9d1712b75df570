CREATE TABLE `imported_forms` (
	`import_id` integer NOT NULL,
	`pilot_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pilot_id`) REFERENCES `pilots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_forms_pilot_code_idx` ON `imported_forms` (`pilot_id`,`code_hash`);