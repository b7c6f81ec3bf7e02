ALTER TABLE "info_requests" DROP CONSTRAINT "info_requests_token_uq";--> statement-breakpoint
CREATE INDEX "info_requests_token_idx" ON "info_requests" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_token_uq" UNIQUE("county_id","token_hash");