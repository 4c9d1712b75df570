ALTER TABLE `plan_actions` ADD `carried_from_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_actions_pilot_carried_idx` ON `plan_actions` (`pilot_id`,`carried_from_id`);