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
