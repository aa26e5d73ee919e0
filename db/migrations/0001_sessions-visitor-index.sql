DROP INDEX `sessions_visitor_last`;--> statement-breakpoint
CREATE INDEX `sessions_visitor` ON `sessions` (`visitor`);