-- A household's changes of risk level are its timeline: the database refuses to rewrite them.
CREATE TRIGGER household_risk_changes_append_only BEFORE UPDATE OR DELETE ON household_risk_changes FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER household_risk_changes_no_truncate BEFORE TRUNCATE ON household_risk_changes FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
-- Open follow-ups by due time, for the overdue sweep and each worker's day.
CREATE INDEX IF NOT EXISTS follow_up_tasks_open_due_idx ON follow_up_tasks (county_id, due_at) WHERE status = 'open';
