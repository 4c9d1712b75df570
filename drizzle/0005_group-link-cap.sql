ALTER TABLE `invitations` ADD `max_uses` integer;--> statement-breakpoint
CREATE INDEX `invitations_parent_idx` ON `invitations` (`parent_id`);