CREATE TABLE `auth_failures` (
	`address_hash` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auth_failures_address_at` ON `auth_failures` (`address_hash`,`at`);--> statement-breakpoint
CREATE INDEX `auth_failures_at` ON `auth_failures` (`at`);