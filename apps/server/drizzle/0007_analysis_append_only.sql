-- Warning handling, trainings and leaders in charge are records of what people did: append-only.
CREATE TRIGGER warning_actions_append_only BEFORE UPDATE OR DELETE ON warning_actions FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER warning_actions_no_truncate BEFORE TRUNCATE ON warning_actions FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER trainings_append_only BEFORE UPDATE OR DELETE ON trainings FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER trainings_no_truncate BEFORE TRUNCATE ON trainings FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER case_leaders_append_only BEFORE UPDATE OR DELETE ON case_leaders FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER case_leaders_no_truncate BEFORE TRUNCATE ON case_leaders FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
-- Overdue and due-soon counts at any level read only open cases, through their region path.
CREATE INDEX IF NOT EXISTS cases_open_path_due_idx ON cases USING gin (region_path) WHERE closed_at IS NULL;
