CREATE TABLE "agreement_signatures" (
	"county_id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"id" text NOT NULL,
	"signer_role" text NOT NULL,
	"party_id" text,
	"mediator_id" text,
	"signer_name" text NOT NULL,
	"identity_method" text NOT NULL,
	"recorded_by" text NOT NULL,
	"image_png" text NOT NULL,
	"image_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_signatures_county_id_agreement_id_id_pk" PRIMARY KEY("county_id","agreement_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"case_id" text NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"previous_version_id" text,
	"draft" jsonb NOT NULL,
	"seal_affixed_at" timestamp with time zone,
	"effective_at" timestamp with time zone,
	"document_id" text,
	"superseded_by_id" text,
	"superseded_at" timestamp with time zone,
	"supersede_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "confirmations" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"application" jsonb NOT NULL,
	"window_due_date" text NOT NULL,
	"status" text NOT NULL,
	"document_id" text NOT NULL,
	"case_number" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "confirmations_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediation_documents" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"mime" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mediation_documents_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediation_events" (
	"county_id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_name" text NOT NULL,
	"session_id" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "mediation_events_county_id_mediation_id_id_pk" PRIMARY KEY("county_id","mediation_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediation_mediators" (
	"county_id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"chosen_via" text NOT NULL,
	"conflicts" jsonb NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "mediation_mediators_county_id_mediation_id_user_id_pk" PRIMARY KEY("county_id","mediation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "mediation_org_profiles" (
	"county_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"specialties" text[] NOT NULL,
	"address" text,
	"phone" text,
	"description" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mediation_org_profiles_county_id_organisation_id_pk" PRIMARY KEY("county_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "mediation_reminders" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text,
	"phone" text,
	"body" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mediation_reminders_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"mode" text NOT NULL,
	"step" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text,
	"status" text NOT NULL,
	"minutes" text,
	"outcome" text,
	"recording" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "mediation_sessions_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediations" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"status" text NOT NULL,
	"step" text NOT NULL,
	"requested_via" text NOT NULL,
	"requested_by" text NOT NULL,
	"home_visit" boolean NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"satisfaction" integer,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"version" integer NOT NULL,
	CONSTRAINT "mediations_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "mediator_profiles" (
	"county_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" text,
	"region_id" text NOT NULL,
	"specialties" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"expert_kind" text,
	"title" text,
	"bio" text,
	"village_committee_id" text,
	"relatives" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"available" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mediator_profiles_county_id_user_id_pk" PRIMARY KEY("county_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "performance_items" (
	"county_id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"term_id" text NOT NULL,
	"instalment" integer NOT NULL,
	"mediation_id" text NOT NULL,
	"due_date" text NOT NULL,
	"amount_cents" integer,
	"status" text NOT NULL,
	"performed_at" timestamp with time zone,
	"flagged_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "performance_items_county_id_agreement_id_term_id_instalment_pk" PRIMARY KEY("county_id","agreement_id","term_id","instalment")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"mediation_id" text NOT NULL,
	"to" text NOT NULL,
	"receiving_body" text NOT NULL,
	"document_id" text NOT NULL,
	"json_document_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "session_participants" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"session_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"party_id" text,
	"name" text NOT NULL,
	"token_hash" text,
	"invited_by" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"joined_at" timestamp with time zone,
	"recording_consent" boolean,
	CONSTRAINT "session_participants_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "session_participants_token_uq" UNIQUE("county_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_fk" FOREIGN KEY ("county_id","agreement_id") REFERENCES "public"."agreements"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_documents" ADD CONSTRAINT "mediation_documents_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_events" ADD CONSTRAINT "mediation_events_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_mediators" ADD CONSTRAINT "mediation_mediators_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_reminders" ADD CONSTRAINT "mediation_reminders_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_items" ADD CONSTRAINT "performance_items_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mediation_fk" FOREIGN KEY ("county_id","mediation_id") REFERENCES "public"."mediations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_participants" ADD CONSTRAINT "session_participants_session_fk" FOREIGN KEY ("county_id","session_id") REFERENCES "public"."mediation_sessions"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_mediation_idx" ON "agreements" USING btree ("county_id","mediation_id");--> statement-breakpoint
CREATE INDEX "confirmations_window_idx" ON "confirmations" USING btree ("county_id","window_due_date");--> statement-breakpoint
CREATE INDEX "mediation_mediators_user_idx" ON "mediation_mediators" USING btree ("county_id","user_id","status");--> statement-breakpoint
CREATE INDEX "mediation_reminders_due_idx" ON "mediation_reminders" USING btree ("due_at") WHERE "mediation_reminders"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "mediation_sessions_mediation_idx" ON "mediation_sessions" USING btree ("county_id","mediation_id");--> statement-breakpoint
CREATE INDEX "mediations_case_idx" ON "mediations" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "mediations_org_idx" ON "mediations" USING btree ("county_id","organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mediations_one_open_uq" ON "mediations" USING btree ("county_id","case_id") WHERE "mediations"."status" in ('requested', 'active');--> statement-breakpoint
CREATE INDEX "mediator_profiles_kind_idx" ON "mediator_profiles" USING btree ("county_id","kind");--> statement-breakpoint
CREATE INDEX "performance_items_due_idx" ON "performance_items" USING btree ("due_date") WHERE "performance_items"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "session_participants_token_idx" ON "session_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "session_participants_session_idx" ON "session_participants" USING btree ("county_id","session_id");