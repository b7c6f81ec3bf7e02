-- Deadline policy versions, holiday arrangements and urges/supervision orders are records of what
-- was decided: a change is a new row, never an edit. The database refuses UPDATE, DELETE and
-- TRUNCATE on them (hewei_append_only comes from 0001).
CREATE TRIGGER deadline_policy_versions_append_only BEFORE UPDATE OR DELETE ON deadline_policy_versions FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER deadline_policy_versions_no_truncate BEFORE TRUNCATE ON deadline_policy_versions FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER case_supervisions_append_only BEFORE UPDATE OR DELETE ON case_supervisions FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER case_supervisions_no_truncate BEFORE TRUNCATE ON case_supervisions FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER holiday_year_versions_append_only BEFORE UPDATE OR DELETE ON holiday_year_versions FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER holiday_year_versions_no_truncate BEFORE TRUNCATE ON holiday_year_versions FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
