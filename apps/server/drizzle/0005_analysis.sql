CREATE TABLE "case_leaders" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"leader_user_id" text NOT NULL,
	"assigned_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_leaders_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_search" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"doc" "tsvector" NOT NULL,
	CONSTRAINT "case_search_county_id_case_id_pk" PRIMARY KEY("county_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "overview_case_keys" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"timeliness" text,
	"keys" text[] NOT NULL,
	CONSTRAINT "overview_case_keys_county_id_case_id_pk" PRIMARY KEY("county_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "overview_counts" (
	"county_id" text NOT NULL,
	"node_id" text NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"slot" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "overview_counts_county_id_node_id_dim_value_slot_pk" PRIMARY KEY("county_id","node_id","dim","value","slot")
);
--> statement-breakpoint
CREATE TABLE "overview_daily" (
	"county_id" text NOT NULL,
	"node_id" text NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"slot" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "overview_daily_county_id_node_id_metric_day_slot_pk" PRIMARY KEY("county_id","node_id","metric","day","slot")
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"points" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trainings_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "warning_actions" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"warning_id" text NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "warning_actions_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"colour" text NOT NULL,
	"region_id" text NOT NULL,
	"region_path" text[] NOT NULL,
	"title" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"case_ids" text[] NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warnings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "warnings_dedup_uq" UNIQUE("county_id","dedup_key")
);
--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_search" ADD CONSTRAINT "case_search_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_case_keys" ADD CONSTRAINT "overview_case_keys_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_actions" ADD CONSTRAINT "warning_actions_warning_fk" FOREIGN KEY ("county_id","warning_id") REFERENCES "public"."warnings"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_leaders_case_idx" ON "case_leaders" USING btree ("county_id","case_id","at");--> statement-breakpoint
CREATE INDEX "case_search_doc_idx" ON "case_search" USING gin ("doc");--> statement-breakpoint
CREATE INDEX "trainings_subject_idx" ON "trainings" USING btree ("county_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "warning_actions_warning_idx" ON "warning_actions" USING btree ("county_id","warning_id","at");--> statement-breakpoint
CREATE INDEX "warnings_detected_idx" ON "warnings" USING btree ("county_id","detected_at" DESC NULLS LAST);