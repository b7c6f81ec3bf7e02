-- The timeline, the personal-data reveal log and the audit log are append-only: the database
-- itself refuses UPDATE, DELETE and TRUNCATE on them, whatever the application does.
CREATE OR REPLACE FUNCTION hewei_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER pii_reveals_append_only BEFORE UPDATE OR DELETE ON pii_reveals FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER pii_reveals_no_truncate BEFORE TRUNCATE ON pii_reveals FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
