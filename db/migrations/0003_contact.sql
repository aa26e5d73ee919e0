CREATE TABLE `contact_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`channel` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_attempt_at` integer,
	`last_error` text,
	`delivered_at` integer,
	FOREIGN KEY (`request_id`) REFERENCES `contact_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_outbox_request_channel` ON `contact_outbox` (`request_id`,`channel`);--> statement-breakpoint
CREATE INDEX `contact_outbox_due` ON `contact_outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `contact_rejections` (
	`day` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `reason`)
);
--> statement-breakpoint
CREATE TABLE `contact_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL,
	`email` text NOT NULL,
	`subject` text NOT NULL,
	`message` text NOT NULL,
	`account` text,
	`locale` text NOT NULL,
	`from_article` text,
	`viewed_articles` text NOT NULL,
	`visitor` text,
	`session_id` integer,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_requests_key` ON `contact_requests` (`key`);--> statement-breakpoint
CREATE INDEX `contact_requests_visitor` ON `contact_requests` (`visitor`,`created_at`);--> statement-breakpoint
CREATE INDEX `contact_requests_created` ON `contact_requests` (`created_at`);