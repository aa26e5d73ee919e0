CREATE TABLE `article_read_days` (
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`article` text NOT NULL,
	`histogram` blob NOT NULL,
	PRIMARY KEY(`locale`, `day`, `article`)
);
--> statement-breakpoint
DROP INDEX `page_views_day_article`;