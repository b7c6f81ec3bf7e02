-- Updates posted by Open311 clients are a log: never changed, never removed.
CREATE TRIGGER open311_updates_append_only BEFORE UPDATE OR DELETE ON open311_updates FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER open311_updates_no_truncate BEFORE TRUNCATE ON open311_updates FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
