CREATE TABLE "used_form_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "first_ticket_id" bigint;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "used_form_tokens_expires" ON "used_form_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "admin_sessions_last_seen" ON "admin_sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "contact_requests_address" ON "contact_requests" USING btree ("address","created_at");