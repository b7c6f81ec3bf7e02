CREATE TABLE "import_batches" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"status" text NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"failed" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ms" integer NOT NULL,
	CONSTRAINT "import_batches_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_orders" (
	"county_id" text NOT NULL,
	"source" text NOT NULL,
	"order_id" text NOT NULL,
	"case_id" text NOT NULL,
	"source_status" text NOT NULL,
	"row_hash" text NOT NULL,
	"batch_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_orders_county_id_source_order_id_pk" PRIMARY KEY("county_id","source","order_id")
);
--> statement-breakpoint
CREATE TABLE "info_requests" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"question" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "info_requests_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "info_requests_token_uq" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"user_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "open311_api_keys_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "open311_api_keys_hash_uq" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"api_key_id" text NOT NULL,
	"service_code" text NOT NULL,
	"client_token" text,
	"device_id" text,
	"account_id" text,
	"media_url" text,
	"address_id" text,
	"attributes" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open311_requests_county_id_case_id_pk" PRIMARY KEY("county_id","case_id"),
	CONSTRAINT "open311_requests_token_uq" UNIQUE("county_id","client_token")
);
--> statement-breakpoint
CREATE TABLE "open311_updates" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"api_key_id" text NOT NULL,
	"update_id" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"media_url" text,
	"updated_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open311_updates_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "open311_updates_client_uq" UNIQUE("county_id","api_key_id","update_id")
);
--> statement-breakpoint
CREATE TABLE "partner_referrals" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"direction" text NOT NULL,
	"partner" text NOT NULL,
	"external_ref" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"outcome_at" timestamp with time zone,
	CONSTRAINT "partner_referrals_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "partner_referrals_external_uq" UNIQUE("county_id","partner","direction","external_ref")
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"county_id" text NOT NULL,
	"phone" text NOT NULL,
	"opted_out_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "sms_opt_outs_county_id_phone_pk" PRIMARY KEY("county_id","phone")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"outbox_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "webhook_deliveries_once_uq" UNIQUE("county_id","subscription_id","outbox_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"county_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_subscriptions_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_orders" ADD CONSTRAINT "import_orders_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_updates" ADD CONSTRAINT "open311_updates_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_orders_case_idx" ON "import_orders" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';