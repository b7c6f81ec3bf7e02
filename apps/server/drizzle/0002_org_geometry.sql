CREATE TABLE "case_grid_stamps" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"grid_id" text NOT NULL,
	"grid_version" integer NOT NULL,
	"grid_code" text NOT NULL,
	"resolved_by" text NOT NULL,
	CONSTRAINT "case_grid_stamps_county_id_case_id_pk" PRIMARY KEY("county_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "geo_imports" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"datum" text NOT NULL,
	"mode" text NOT NULL,
	"applied" boolean NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "geo_imports_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_people" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"employment" text,
	"name" text NOT NULL,
	"phone" text,
	"user_id" text,
	"grid_id" text,
	"region_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "org_people_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_state" (
	"county_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibilities" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"category_code" text NOT NULL,
	"region_id" text NOT NULL,
	"department_id" text NOT NULL,
	"role" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	CONSTRAINT "responsibilities_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "routing_overrides" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"event_seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"suggested" jsonb NOT NULL,
	"chosen" jsonb NOT NULL,
	"reason" text,
	CONSTRAINT "routing_overrides_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"category_prefix" text,
	"region_id" text,
	"kinds" text[] NOT NULL,
	"keywords" text[] NOT NULL,
	"lead_department_id" text NOT NULL,
	"co_department_ids" text[] NOT NULL,
	"active" boolean NOT NULL,
	"note" text,
	CONSTRAINT "routing_rules_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit_versions" (
	"county_id" text NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" text NOT NULL,
	"version" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" text,
	"region_id" text,
	"geometry" jsonb,
	"active" boolean NOT NULL,
	"source_datum" text,
	"import_id" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_versions_county_id_unit_kind_unit_id_version_pk" PRIMARY KEY("county_id","unit_kind","unit_id","version")
);
--> statement-breakpoint
ALTER TABLE "grids" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "grids" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "grids" ADD COLUMN "addresses" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_grid_stamps" ADD CONSTRAINT "case_grid_stamps_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_overrides" ADD CONSTRAINT "routing_overrides_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_people_grid_idx" ON "org_people" USING btree ("county_id","grid_id");--> statement-breakpoint
CREATE INDEX "org_people_region_idx" ON "org_people" USING btree ("county_id","region_id");--> statement-breakpoint
CREATE INDEX "routing_overrides_case_idx" ON "routing_overrides" USING btree ("county_id","case_id");