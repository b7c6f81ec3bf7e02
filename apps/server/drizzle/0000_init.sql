CREATE TABLE "assignments" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"department_id" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"objection_due_at" timestamp with time zone,
	"position" integer NOT NULL,
	CONSTRAINT "assignments_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "case_events_county_id_case_id_seq_pk" PRIMARY KEY("county_id","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_number" text,
	"address" text,
	"position" integer NOT NULL,
	CONSTRAINT "case_parties_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"tracking_code" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"category_code" text NOT NULL,
	"description" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"region_id" text NOT NULL,
	"region_path" text[] NOT NULL,
	"grid_id" text,
	"owner_region_id" text NOT NULL,
	"complexity" text,
	"colour" text,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"applicant_user_id" text,
	"has_contact_phone" boolean NOT NULL,
	"pool_department_ids" text[] NOT NULL,
	"accept_by" timestamp with time zone,
	"resolve_by" timestamp with time zone,
	"verify_by" timestamp with time zone,
	"callback_by" timestamp with time zone,
	"due_at" timestamp with time zone,
	"committed_working_days" integer,
	"extension_request" jsonb,
	"satisfaction" text,
	"reopen_count" integer NOT NULL,
	"merged_into_id" text,
	"mediation_outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cases_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "cases_tracking_code_uq" UNIQUE("county_id","tracking_code")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"county_id" text NOT NULL,
	"key" text NOT NULL,
	"actor_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"case_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_county_id_actor_id_key_pk" PRIMARY KEY("county_id","actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "pii_reveals" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"party_id" text NOT NULL,
	"field" text NOT NULL,
	"viewer_id" text NOT NULL,
	"viewer_role" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "pii_reveals_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"user_id" text NOT NULL,
	"case_id" text,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_sink" (
	"id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kinds" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centers" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "centers_region_id_unique" UNIQUE("region_id")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"region_id" text NOT NULL,
	"parent_id" text,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb
);
--> statement-breakpoint
CREATE TABLE "mediation_orgs" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"phone" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"parent_id" text,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"path" text[] NOT NULL,
	"geometry" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"county_id" text NOT NULL,
	"username" text,
	"phone" text,
	"password_hash" text,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"region_id" text,
	"department_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_reveals" ADD CONSTRAINT "pii_reveals_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_case_idx" ON "assignments" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "assignments_department_idx" ON "assignments" USING btree ("county_id","department_id","status");--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "case_parties_phone_idx" ON "case_parties" USING btree ("county_id","phone");--> statement-breakpoint
CREATE INDEX "cases_list_idx" ON "cases" USING btree ("county_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("county_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("county_id","owner_region_id","status");--> statement-breakpoint
CREATE INDEX "cases_region_path_idx" ON "cases" USING gin ("region_path");--> statement-breakpoint
CREATE INDEX "cases_applicant_idx" ON "cases" USING btree ("county_id","applicant_user_id");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("county_id","due_at") WHERE "cases"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_sink_phone_idx" ON "sms_sink" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "grids_region_idx" ON "grids" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "regions_county_idx" ON "regions" USING btree ("county_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_department_idx" ON "users" USING btree ("department_id");