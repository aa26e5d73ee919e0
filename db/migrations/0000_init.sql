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
CREATE INDEX `sessions_visitor` ON `sessions` (`visitor`);--> statement-breakpoint
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
CREATE INDEX `tickets_created` ON `tickets` (`created_at`);--> statement-breakpoint
CREATE TABLE `article_comments` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`article` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`ts` integer NOT NULL,
	`comment` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `article_comments_day` ON `article_comments` (`day`,`article`);--> statement-breakpoint
CREATE TABLE `article_day_visitors` (
	`article` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`visitor` text NOT NULL,
	PRIMARY KEY(`article`, `locale`, `day`, `visitor`)
);
--> statement-breakpoint
CREATE TABLE `article_days` (
	`article` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`read_through` integer DEFAULT 0 NOT NULL,
	`engaged_views` integer DEFAULT 0 NOT NULL,
	`engaged_seconds` integer DEFAULT 0 NOT NULL,
	`helpful_yes` integer DEFAULT 0 NOT NULL,
	`helpful_no` integer DEFAULT 0 NOT NULL,
	`sessions` integer DEFAULT 0 NOT NULL,
	`contacts_after_read` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`locale`, `day`, `article`)
);
--> statement-breakpoint
CREATE INDEX `article_days_article` ON `article_days` (`locale`,`article`,`day`);--> statement-breakpoint
CREATE TABLE `article_sessions` (
	`article` text NOT NULL,
	`locale` text NOT NULL,
	`session_id` integer NOT NULL,
	`day` text NOT NULL,
	`contacted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `article`, `locale`)
);
--> statement-breakpoint
CREATE TABLE `page_views` (
	`pv` text PRIMARY KEY NOT NULL,
	`article` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`session_id` integer NOT NULL,
	`max_seconds` integer DEFAULT 0 NOT NULL,
	`max_scroll` integer DEFAULT 0 NOT NULL,
	`vote` integer,
	`vote_ts` integer,
	`vote_id` integer
);
--> statement-breakpoint
CREATE INDEX `page_views_day_article` ON `page_views` (`day`,`article`,`max_seconds`);--> statement-breakpoint
CREATE TABLE `query_days` (
	`query` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`searches` integer DEFAULT 0 NOT NULL,
	`zero_results` integer DEFAULT 0 NOT NULL,
	`clicked` integer DEFAULT 0 NOT NULL,
	`bounced` integer DEFAULT 0 NOT NULL,
	`sessions` integer DEFAULT 0 NOT NULL,
	`contact_sessions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`locale`, `day`, `query`)
);
--> statement-breakpoint
CREATE TABLE `query_sessions` (
	`query` text NOT NULL,
	`locale` text NOT NULL,
	`session_id` integer NOT NULL,
	`day` text NOT NULL,
	`first_ts` integer NOT NULL,
	`contacted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `query`, `locale`)
);
--> statement-breakpoint
CREATE TABLE `rollup_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_clicks` (
	`search_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `session_facts` (
	`session_id` integer NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`viewed_article` integer DEFAULT 0 NOT NULL,
	`contacted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `locale`)
);
--> statement-breakpoint
CREATE TABLE `site_day_visitors` (
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`visitor` text NOT NULL,
	PRIMARY KEY(`locale`, `day`, `visitor`)
);
--> statement-breakpoint
CREATE TABLE `site_days` (
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`searches` integer DEFAULT 0 NOT NULL,
	`contacts` integer DEFAULT 0 NOT NULL,
	`sessions` integer DEFAULT 0 NOT NULL,
	`found_answer` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`contacted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`locale`, `day`)
);
--> statement-breakpoint
CREATE TABLE `ticket_day_dims` (
	`day` integer NOT NULL,
	`dim` text NOT NULL,
	`value` text NOT NULL,
	`tickets` integer DEFAULT 0 NOT NULL,
	`solved` integer DEFAULT 0 NOT NULL,
	`solved_good` integer DEFAULT 0 NOT NULL,
	`solved_rated` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`dim`, `day`, `value`)
);
--> statement-breakpoint
CREATE TABLE `ticket_day_requesters` (
	`day` integer NOT NULL,
	`requester` text NOT NULL,
	`tickets` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `requester`)
);
--> statement-breakpoint
CREATE TABLE `ticket_days` (
	`day` integer PRIMARY KEY NOT NULL,
	`tickets` integer DEFAULT 0 NOT NULL,
	`solved` integer DEFAULT 0 NOT NULL,
	`replies_known` integer DEFAULT 0 NOT NULL,
	`replies_sum` integer DEFAULT 0 NOT NULL,
	`fcr` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	`csat_good` integer DEFAULT 0 NOT NULL,
	`csat_rated` integer DEFAULT 0 NOT NULL,
	`handle_sum` integer DEFAULT 0 NOT NULL,
	`handle_n` integer DEFAULT 0 NOT NULL,
	`queued` integer DEFAULT 0 NOT NULL,
	`wait_sum` integer DEFAULT 0 NOT NULL,
	`abandoned` integer DEFAULT 0 NOT NULL,
	`fr_sum_ms` integer DEFAULT 0 NOT NULL,
	`fr_n` integer DEFAULT 0 NOT NULL,
	`res_sum_ms` integer DEFAULT 0 NOT NULL,
	`res_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tz_offsets` (
	`from_ms` integer PRIMARY KEY NOT NULL,
	`offset_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`profile` text NOT NULL,
	`status` text NOT NULL,
	`rows` integer NOT NULL,
	`imported` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`skipped` integer NOT NULL,
	`errors` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_finished` ON `imports` (`finished_at`);--> statement-breakpoint
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