CREATE TABLE "audit_chain" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_lockouts" (
	"subject" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "party_pii_index" (
	"county_id" text NOT NULL,
	"party_id" text NOT NULL,
	"field" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "party_pii_index_county_id_party_id_field_pk" PRIMARY KEY("county_id","party_id","field")
);
--> statement-breakpoint
CREATE TABLE "session_activity" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_phone_index" (
	"user_id" text PRIMARY KEY NOT NULL,
	"digest" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_totp" (
	"user_id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean NOT NULL,
	"last_step" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_pii_index" ADD CONSTRAINT "party_pii_index_party_fk" FOREIGN KEY ("county_id","party_id") REFERENCES "public"."case_parties"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_phone_index" ADD CONSTRAINT "user_phone_index_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_totp" ADD CONSTRAINT "user_totp_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_audit_uq" ON "audit_chain" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "party_pii_index_digest_idx" ON "party_pii_index" USING btree ("county_id","field","digest");--> statement-breakpoint
CREATE UNIQUE INDEX "user_phone_index_digest_uq" ON "user_phone_index" USING btree ("digest");