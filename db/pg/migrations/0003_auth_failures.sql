CREATE TABLE "auth_failures" (
	"address_hash" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_failures_address_at" ON "auth_failures" USING btree ("address_hash","at");--> statement-breakpoint
CREATE INDEX "auth_failures_at" ON "auth_failures" USING btree ("at");