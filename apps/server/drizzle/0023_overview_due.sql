DROP INDEX "cases_due_idx";--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("county_id","due_at","grid_id","colour","region_path") WHERE "cases"."closed_at" is null;--> statement-breakpoint
-- The overview counts open cases from cases_open_due_idx alone; an index-only scan skips the heap
-- only on pages the visibility map marks all-visible, so vacuum cases after ~1% of it changed
-- (default 20%), not after hundreds of thousands of writes.
ALTER TABLE "cases" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
