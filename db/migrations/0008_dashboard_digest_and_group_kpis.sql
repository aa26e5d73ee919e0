CREATE TABLE `digest_sends` (
	`period` text PRIMARY KEY NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	`recipients` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
DROP INDEX `tickets_created_durations`;--> statement-breakpoint
CREATE INDEX `tickets_created_durations` ON `tickets` (`created_at`,`first_response_at`,`solved_at`,`channel`,`assignee`);--> statement-breakpoint
ALTER TABLE `ticket_day_dims` ADD `replies_known` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_day_dims` ADD `fcr` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `error_sample` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `ran_by` text;