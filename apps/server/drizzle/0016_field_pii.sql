DROP INDEX "households_phone_idx";--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "head_phone_digest" text;--> statement-breakpoint
CREATE INDEX "households_phone_idx" ON "households" USING btree ("county_id","head_phone_digest");