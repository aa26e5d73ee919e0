CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ts` integer NOT NULL,
	`type` text NOT NULL,
	`visitor` text NOT NULL,
	`session_id` integer NOT NULL,
	`pv` text,
	`path` text,
	`article` text,
	`locale` text,
	`seconds` integer,
	`scroll` integer,
	`helpful` integer,
	`query` text,
	`query_norm` text,
	`results` integer,
	`position` integer,
	`comment` text,
	`referrer_host` text,
	`via` text,
	`attributed_article` text,
	`clicked` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_type_ts` ON `events` (`type`,`ts`);--> statement-breakpoint
CREATE INDEX `events_session` ON `events` (`session_id`,`ts`);--> statement-breakpoint
CREATE INDEX `events_pv` ON `events` (`pv`);--> statement-breakpoint
CREATE TABLE `salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visitor` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_visitor_last` ON `sessions` (`visitor`,`last_at`);--> statement-breakpoint
CREATE TABLE `ticket_tags` (
	`ticket_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `tag`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_tags_tag` ON `ticket_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`first_response_at` integer,
	`solved_at` integer,
	`status` text,
	`channel` text DEFAULT 'other' NOT NULL,
	`type` text,
	`priority` text,
	`subject` text,
	`requester` text,
	`assignee` text,
	`group` text,
	`replies` integer,
	`reopens` integer,
	`csat` text,
	`handle_seconds` integer,
	`wait_seconds` integer,
	`abandoned` integer,
	`article` text,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_source_external` ON `tickets` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `tickets_created` ON `tickets` (`created_at`);