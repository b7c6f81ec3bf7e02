-- The restricted role the server runs as on PostgreSQL (docs/operations/security.md).
-- Run as the owner after each migration: `npm run db:migrate -- --grant hewei_app`.
-- It may read and write the working tables, but can never change or remove the timeline, the
-- audit chain or the personal-data reveal log, nor switch their triggers off (owner only).
-- Set its password separately: ALTER ROLE hewei_app PASSWORD '...';
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hewei_app') THEN
    CREATE ROLE hewei_app LOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO hewei_app', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO hewei_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hewei_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO hewei_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain, case_events, pii_reveals FROM hewei_app;
-- and every other table the migrations made append-only (a trigger named <table>_append_only)
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT DISTINCT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND g.tgname = c.relname || '_append_only' LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM hewei_app', t);
  END LOOP;
END
$$;
-- the server checks, without migrating, that the schema is current
GRANT USAGE ON SCHEMA drizzle TO hewei_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO hewei_app;
