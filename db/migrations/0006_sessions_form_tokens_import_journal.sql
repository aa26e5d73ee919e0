CREATE TABLE `ticket_import_undo` (
	`import_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`row` text NOT NULL,
	`tags` text NOT NULL,
	PRIMARY KEY(`import_id`, `ticket_id`)
);
--> statement-breakpoint
CREATE TABLE `used_form_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `used_form_tokens_expires` ON `used_form_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_last_seen` ON `admin_sessions` (`last_seen_at`);--> statement-breakpoint
ALTER TABLE `imports` ADD `first_ticket_id` integer;--> statement-breakpoint
ALTER TABLE `contact_requests` ADD `address` text;--> statement-breakpoint
CREATE INDEX `contact_requests_address` ON `contact_requests` (`address`,`created_at`);