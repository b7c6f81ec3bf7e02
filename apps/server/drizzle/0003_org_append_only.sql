-- Grid history, import reports and routing overrides are records of what happened: the database
-- refuses UPDATE, DELETE and TRUNCATE on them (hewei_append_only comes from 0001).
CREATE TRIGGER unit_versions_append_only BEFORE UPDATE OR DELETE ON unit_versions FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER unit_versions_no_truncate BEFORE TRUNCATE ON unit_versions FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER geo_imports_append_only BEFORE UPDATE OR DELETE ON geo_imports FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER geo_imports_no_truncate BEFORE TRUNCATE ON geo_imports FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER routing_overrides_append_only BEFORE UPDATE OR DELETE ON routing_overrides FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER routing_overrides_no_truncate BEFORE TRUNCATE ON routing_overrides FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
