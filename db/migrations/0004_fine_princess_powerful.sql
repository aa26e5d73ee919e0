CREATE TABLE `ticket_import_undo` (
	`import_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`row` text NOT NULL,
	`tags` text NOT NULL,
	PRIMARY KEY(`import_id`, `ticket_id`)
);
--> statement-breakpoint
ALTER TABLE `imports` ADD `first_ticket_id` integer;