CREATE TABLE "digest_sends" (
	"period" text PRIMARY KEY NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" bigint NOT NULL,
	"sent_at" bigint,
	"recipients" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
DROP INDEX "tickets_created_durations";--> statement-breakpoint
ALTER TABLE "ticket_day_dims" ADD COLUMN "replies_known" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_day_dims" ADD COLUMN "fcr" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "error_sample" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "ran_by" text;--> statement-breakpoint
CREATE INDEX "tickets_created_durations" ON "tickets" USING btree ("created_at","first_response_at","solved_at","channel","assignee");