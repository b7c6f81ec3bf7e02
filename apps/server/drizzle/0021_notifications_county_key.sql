-- Shardable by county (ADR 0017): the notifications' key includes the county.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_county_id_id_pk" PRIMARY KEY("county_id","id");
