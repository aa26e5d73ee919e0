DROP INDEX "ticket_tags_tag";--> statement-breakpoint
DROP INDEX "tickets_created";