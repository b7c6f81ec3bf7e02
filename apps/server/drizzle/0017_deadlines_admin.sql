CREATE TABLE "holiday_year_versions" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"published" boolean NOT NULL,
	"holidays" jsonb NOT NULL,
	"make_up_workdays" jsonb NOT NULL,
	"source" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "holiday_year_versions_year_version_pk" PRIMARY KEY("year","version")
);
--> statement-breakpoint
ALTER TABLE "deadline_policy_versions" ADD COLUMN "escalation" jsonb;