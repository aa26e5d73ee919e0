CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ts" bigint NOT NULL,
	"type" text NOT NULL,
	"visitor" text NOT NULL,
	"session_id" bigint NOT NULL,
	"pv" text,
	"path" text,
	"article" text,
	"locale" text,
	"seconds" bigint,
	"scroll" bigint,
	"helpful" boolean,
	"query" text,
	"query_norm" text,
	"results" bigint,
	"position" bigint,
	"comment" text,
	"referrer_host" text,
	"via" text,
	"attributed_article" text,
	"clicked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_queue" (
	"event_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salts" (
	"day" text PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visitor" text NOT NULL,
	"started_at" bigint NOT NULL,
	"last_at" bigint NOT NULL,
	"last_view_article" text,
	"last_view_ts" bigint,
	"last_search_id" bigint,
	"last_search_ts" bigint,
	"last_search_clicked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_tags" (
	"ticket_id" bigint NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "ticket_tags_ticket_id_tag_pk" PRIMARY KEY("ticket_id","tag")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"first_response_at" bigint,
	"solved_at" bigint,
	"status" text,
	"channel" text DEFAULT 'other' NOT NULL,
	"type" text,
	"priority" text,
	"subject" text,
	"requester" text,
	"assignee" text,
	"group" text,
	"replies" bigint,
	"reopens" bigint,
	"csat" text,
	"handle_seconds" bigint,
	"wait_seconds" bigint,
	"abandoned" boolean,
	"article" text,
	"imported_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_comments" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"article" text NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"ts" bigint NOT NULL,
	"comment" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_day_visitors" (
	"article" text NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"visitor" text NOT NULL,
	CONSTRAINT "article_day_visitors_article_locale_day_visitor_pk" PRIMARY KEY("article","locale","day","visitor")
);
--> statement-breakpoint
CREATE TABLE "article_days" (
	"article" text NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"visitors" bigint DEFAULT 0 NOT NULL,
	"read_through" bigint DEFAULT 0 NOT NULL,
	"engaged_views" bigint DEFAULT 0 NOT NULL,
	"engaged_seconds" bigint DEFAULT 0 NOT NULL,
	"helpful_yes" bigint DEFAULT 0 NOT NULL,
	"helpful_no" bigint DEFAULT 0 NOT NULL,
	"sessions" bigint DEFAULT 0 NOT NULL,
	"contacts_after_read" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "article_days_locale_day_article_pk" PRIMARY KEY("locale","day","article")
);
--> statement-breakpoint
CREATE TABLE "article_read_days" (
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"article" text NOT NULL,
	"histogram" "bytea" NOT NULL,
	CONSTRAINT "article_read_days_locale_day_article_pk" PRIMARY KEY("locale","day","article")
);
--> statement-breakpoint
CREATE TABLE "article_sessions" (
	"article" text NOT NULL,
	"locale" text NOT NULL,
	"session_id" bigint NOT NULL,
	"day" text NOT NULL,
	"contacted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "article_sessions_session_id_article_locale_pk" PRIMARY KEY("session_id","article","locale")
);
--> statement-breakpoint
CREATE TABLE "page_views" (
	"pv" text PRIMARY KEY NOT NULL,
	"article" text NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"session_id" bigint NOT NULL,
	"max_seconds" bigint DEFAULT 0 NOT NULL,
	"max_scroll" bigint DEFAULT 0 NOT NULL,
	"vote" bigint,
	"vote_ts" bigint,
	"vote_id" bigint
);
--> statement-breakpoint
CREATE TABLE "query_days" (
	"query" text NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"searches" bigint DEFAULT 0 NOT NULL,
	"zero_results" bigint DEFAULT 0 NOT NULL,
	"clicked" bigint DEFAULT 0 NOT NULL,
	"bounced" bigint DEFAULT 0 NOT NULL,
	"sessions" bigint DEFAULT 0 NOT NULL,
	"contact_sessions" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "query_days_locale_day_query_pk" PRIMARY KEY("locale","day","query")
);
--> statement-breakpoint
CREATE TABLE "query_sessions" (
	"query" text NOT NULL,
	"locale" text NOT NULL,
	"session_id" bigint NOT NULL,
	"day" text NOT NULL,
	"first_ts" bigint NOT NULL,
	"contacted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "query_sessions_session_id_query_locale_pk" PRIMARY KEY("session_id","query","locale")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_clicks" (
	"search_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_facts" (
	"session_id" bigint NOT NULL,
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"viewed_article" bigint DEFAULT 0 NOT NULL,
	"contacted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "session_facts_session_id_locale_pk" PRIMARY KEY("session_id","locale")
);
--> statement-breakpoint
CREATE TABLE "site_day_visitors" (
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"visitor" text NOT NULL,
	CONSTRAINT "site_day_visitors_locale_day_visitor_pk" PRIMARY KEY("locale","day","visitor")
);
--> statement-breakpoint
CREATE TABLE "site_days" (
	"locale" text NOT NULL,
	"day" text NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"visitors" bigint DEFAULT 0 NOT NULL,
	"searches" bigint DEFAULT 0 NOT NULL,
	"contacts" bigint DEFAULT 0 NOT NULL,
	"sessions" bigint DEFAULT 0 NOT NULL,
	"found_answer" bigint DEFAULT 0 NOT NULL,
	"failed" bigint DEFAULT 0 NOT NULL,
	"contacted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "site_days_locale_day_pk" PRIMARY KEY("locale","day")
);
--> statement-breakpoint
CREATE TABLE "ticket_day_dims" (
	"day" bigint NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"solved" bigint DEFAULT 0 NOT NULL,
	"solved_good" bigint DEFAULT 0 NOT NULL,
	"solved_rated" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_day_dims_dim_day_value_pk" PRIMARY KEY("dim","day","value")
);
--> statement-breakpoint
CREATE TABLE "ticket_day_requesters" (
	"day" bigint NOT NULL,
	"requester" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"prev_day" bigint,
	CONSTRAINT "ticket_day_requesters_day_requester_pk" PRIMARY KEY("day","requester")
);
--> statement-breakpoint
CREATE TABLE "ticket_days" (
	"day" bigint PRIMARY KEY NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"solved" bigint DEFAULT 0 NOT NULL,
	"replies_known" bigint DEFAULT 0 NOT NULL,
	"replies_sum" bigint DEFAULT 0 NOT NULL,
	"fcr" bigint DEFAULT 0 NOT NULL,
	"reopened" bigint DEFAULT 0 NOT NULL,
	"csat_good" bigint DEFAULT 0 NOT NULL,
	"csat_rated" bigint DEFAULT 0 NOT NULL,
	"handle_sum" bigint DEFAULT 0 NOT NULL,
	"handle_n" bigint DEFAULT 0 NOT NULL,
	"queued" bigint DEFAULT 0 NOT NULL,
	"wait_sum" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"fr_sum_ms" bigint DEFAULT 0 NOT NULL,
	"fr_n" bigint DEFAULT 0 NOT NULL,
	"res_sum_ms" bigint DEFAULT 0 NOT NULL,
	"res_n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tz_offsets" (
	"from_ms" bigint PRIMARY KEY NOT NULL,
	"offset_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"profile" text NOT NULL,
	"status" text NOT NULL,
	"rows" bigint NOT NULL,
	"imported" bigint NOT NULL,
	"updated" bigint NOT NULL,
	"unchanged" bigint NOT NULL,
	"skipped" bigint NOT NULL,
	"errors" bigint NOT NULL,
	"started_at" bigint NOT NULL,
	"finished_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint,
	"last_attempt_at" bigint,
	"last_error" text,
	"delivered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "contact_rejections" (
	"day" text NOT NULL,
	"reason" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "contact_rejections_day_reason_pk" PRIMARY KEY("day","reason")
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" bigint NOT NULL,
	"email" text NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"account" text,
	"locale" text NOT NULL,
	"from_article" text,
	"viewed_articles" jsonb NOT NULL,
	"visitor" text,
	"session_id" bigint,
	"status" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ticket_tags" ADD CONSTRAINT "ticket_tags_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_outbox" ADD CONSTRAINT "contact_outbox_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_type_ts" ON "events" USING btree ("type","ts");--> statement-breakpoint
CREATE INDEX "events_session" ON "events" USING btree ("session_id","ts");--> statement-breakpoint
CREATE INDEX "sessions_visitor" ON "sessions" USING btree ("visitor");--> statement-breakpoint
CREATE INDEX "ticket_tags_tag" ON "ticket_tags" USING btree ("tag");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_source_external" ON "tickets" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "tickets_created" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_created_durations" ON "tickets" USING btree ("created_at","first_response_at","solved_at");--> statement-breakpoint
CREATE INDEX "article_comments_day" ON "article_comments" USING btree ("day","article");--> statement-breakpoint
CREATE INDEX "article_days_article" ON "article_days" USING btree ("locale","article","day");--> statement-breakpoint
CREATE INDEX "ticket_day_requesters_requester" ON "ticket_day_requesters" USING btree ("requester","day");--> statement-breakpoint
CREATE INDEX "imports_finished" ON "imports" USING btree ("finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_outbox_request_channel" ON "contact_outbox" USING btree ("request_id","channel");--> statement-breakpoint
CREATE INDEX "contact_outbox_due" ON "contact_outbox" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_requests_key" ON "contact_requests" USING btree ("key");--> statement-breakpoint
CREATE INDEX "contact_requests_visitor" ON "contact_requests" USING btree ("visitor","created_at");--> statement-breakpoint
CREATE INDEX "contact_requests_created" ON "contact_requests" USING btree ("created_at");