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
