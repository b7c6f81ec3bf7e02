CREATE TABLE "consultation_decisions" (
	"county_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"lead_department_id" text,
	"co_department_ids" text[] NOT NULL,
	"working_days" integer,
	"due_at" timestamp with time zone,
	"case_event_seq" integer,
	CONSTRAINT "consultation_decisions_county_id_consultation_id_position_pk" PRIMARY KEY("county_id","consultation_id","position")
);
--> statement-breakpoint
CREATE TABLE "consultation_participants" (
	"county_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"position" integer NOT NULL,
	"department_id" text,
	"user_id" text,
	"name" text NOT NULL,
	"attendance" text NOT NULL,
	CONSTRAINT "consultation_participants_county_id_consultation_id_position_pk" PRIMARY KEY("county_id","consultation_id","position")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"title" text NOT NULL,
	"agenda" text NOT NULL,
	"status" text NOT NULL,
	"convened_by" text NOT NULL,
	"convened_at" timestamp with time zone NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"minutes" text,
	"concluded_by" text,
	"concluded_at" timestamp with time zone,
	CONSTRAINT "consultations_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_supervisions" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"event_seq" integer NOT NULL,
	"kind" text NOT NULL,
	"by_id" text NOT NULL,
	"by_role" text NOT NULL,
	"automatic" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"due_at" timestamp with time zone,
	"owner_region_id" text NOT NULL,
	CONSTRAINT "case_supervisions_county_id_case_id_event_seq_pk" PRIMARY KEY("county_id","case_id","event_seq")
);
--> statement-breakpoint
CREATE TABLE "case_timers" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"step" integer NOT NULL,
	"ord" integer NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"outcome" text,
	"event_seq" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "case_timers_county_id_case_id_key_pk" PRIMARY KEY("county_id","case_id","key")
);
--> statement-breakpoint
CREATE TABLE "deadline_policy_versions" (
	"county_id" text NOT NULL,
	"version" integer NOT NULL,
	"policies" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "deadline_policy_versions_county_id_version_pk" PRIMARY KEY("county_id","version")
);
--> statement-breakpoint
ALTER TABLE "consultation_decisions" ADD CONSTRAINT "consultation_decisions_fk" FOREIGN KEY ("county_id","consultation_id") REFERENCES "public"."consultations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_fk" FOREIGN KEY ("county_id","consultation_id") REFERENCES "public"."consultations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timers" ADD CONSTRAINT "case_timers_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_case_idx" ON "consultations" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "case_supervisions_at_idx" ON "case_supervisions" USING btree ("county_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_timers_due_idx" ON "case_timers" USING btree ("fire_at","ord") WHERE "case_timers"."fired_at" is null;