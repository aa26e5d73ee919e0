CREATE TABLE "rollup_batches" (
	"first_id" bigint PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"ids" bigint[] NOT NULL,
	"events" text
);
--> statement-breakpoint
-- Events queued by nodes before this migration keep their place: grouped by id into batches without `events`,
-- which the applier reads from the events table.
INSERT INTO "rollup_batches" ("first_id", "size", "ids")
	SELECT min("event_id"), count(*), array_agg("event_id" ORDER BY "event_id") FROM "rollup_queue" GROUP BY "event_id" / 1000;
--> statement-breakpoint
DROP TABLE "rollup_queue" CASCADE;
