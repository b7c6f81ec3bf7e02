CREATE TABLE "field_sync_actions" (
	"county_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"request_hash" text NOT NULL,
	"outcome" text NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "field_sync_actions_county_id_actor_id_key_pk" PRIMARY KEY("county_id","actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "field_upload_chunks" (
	"county_id" text NOT NULL,
	"sha256" text NOT NULL,
	"offset" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "field_upload_chunks_county_id_sha256_offset_pk" PRIMARY KEY("county_id","sha256","offset")
);
--> statement-breakpoint
CREATE TABLE "field_uploads" (
	"county_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"received" integer NOT NULL,
	"storage_key" text,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "field_uploads_county_id_sha256_pk" PRIMARY KEY("county_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "follow_up_tasks" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"household_id" text NOT NULL,
	"worker_id" text,
	"level" text NOT NULL,
	"due_date" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"visit_id" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_tasks_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "household_incidents" (
	"county_id" text NOT NULL,
	"household_id" text NOT NULL,
	"case_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"how" text NOT NULL,
	CONSTRAINT "household_incidents_county_id_household_id_case_id_pk" PRIMARY KEY("county_id","household_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "household_risk_changes" (
	"county_id" text NOT NULL,
	"household_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_level" text,
	"to_level" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"case_id" text,
	CONSTRAINT "household_risk_changes_county_id_household_id_seq_pk" PRIMARY KEY("county_id","household_id","seq")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"region_id" text NOT NULL,
	"region_path" text[] NOT NULL,
	"grid_id" text,
	"address" text NOT NULL,
	"head_name" text NOT NULL,
	"head_phone" text,
	"member_count" integer NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"worker_id" text,
	"risk_level" text NOT NULL,
	"risk_since" text NOT NULL,
	"regrade_case_id" text,
	"regrade_suggested" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "households_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "patrol_points" (
	"county_id" text NOT NULL,
	"patrol_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"grid_id" text,
	"note" text,
	"photos" text[] NOT NULL,
	CONSTRAINT "patrol_points_county_id_patrol_id_seq_pk" PRIMARY KEY("county_id","patrol_id","seq")
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"worker_id" text NOT NULL,
	"region_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "patrols_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "register_entries" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"region_id" text NOT NULL,
	"region_path" text[] NOT NULL,
	"grid_id" text,
	"name" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"household_id" text,
	"phone" text,
	"id_number" text,
	"concern" text,
	"visits_per_week" integer,
	"details" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_entries_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "screening_campaigns" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"region_id" text NOT NULL,
	"title" text NOT NULL,
	"form" jsonb NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_campaigns_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "screening_responses" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"household_id" text NOT NULL,
	"worker_id" text NOT NULL,
	"answers" jsonb NOT NULL,
	"dispute_found" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_responses_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "screening_responses_once_uq" UNIQUE("county_id","campaign_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"worker_id" text NOT NULL,
	"kind" text NOT NULL,
	"household_id" text NOT NULL,
	"watched_person_id" text,
	"task_id" text,
	"at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"note" text NOT NULL,
	"photos" text[] NOT NULL,
	CONSTRAINT "visits_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
ALTER TABLE "field_upload_chunks" ADD CONSTRAINT "field_upload_chunks_upload_fk" FOREIGN KEY ("county_id","sha256") REFERENCES "public"."field_uploads"("county_id","sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_household_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_incidents" ADD CONSTRAINT "household_incidents_household_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_incidents" ADD CONSTRAINT "household_incidents_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_risk_changes" ADD CONSTRAINT "household_risk_changes_household_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_patrol_fk" FOREIGN KEY ("county_id","patrol_id") REFERENCES "public"."patrols"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_responses" ADD CONSTRAINT "screening_responses_household_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_responses" ADD CONSTRAINT "screening_responses_campaign_fk" FOREIGN KEY ("county_id","campaign_id") REFERENCES "public"."screening_campaigns"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_tasks_worker_idx" ON "follow_up_tasks" USING btree ("county_id","worker_id","status","due_at");--> statement-breakpoint
CREATE INDEX "follow_up_tasks_household_idx" ON "follow_up_tasks" USING btree ("county_id","household_id","due_date");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING gin ("region_path");--> statement-breakpoint
CREATE INDEX "households_worker_idx" ON "households" USING btree ("county_id","worker_id");--> statement-breakpoint
CREATE INDEX "households_phone_idx" ON "households" USING btree ("county_id","head_phone");--> statement-breakpoint
CREATE INDEX "patrols_worker_idx" ON "patrols" USING btree ("county_id","worker_id","started_at");--> statement-breakpoint
CREATE INDEX "register_entries_region_idx" ON "register_entries" USING gin ("region_path");--> statement-breakpoint
CREATE INDEX "visits_worker_idx" ON "visits" USING btree ("county_id","worker_id","at");--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("county_id","household_id","at");