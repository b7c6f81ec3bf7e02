-- Every audit_log row is chained, whoever writes it: the entry's digest covers the previous
-- entry's hash, so changing, deleting, inserting or reordering an entry breaks the chain
-- (modules/audit/audit.verify.ts). Time is hashed as epoch microseconds so the digest does not
-- depend on the session's time zone.
CREATE OR REPLACE FUNCTION hewei_audit_digest(prev text, a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || jsonb_build_array(
    a.id, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor_id, a.action, a.target, a.data
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hewei_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- one writer at a time extends the chain; the lock ends with the transaction
  PERFORM pg_advisory_xact_lock(7262902);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_chain ORDER BY seq DESC LIMIT 1;
  last_hash := coalesce(last_hash, repeat('0', 64));
  INSERT INTO audit_chain (seq, audit_id, prev_hash, hash)
    VALUES (coalesce(last_seq, 0) + 1, NEW.id, last_hash, hewei_audit_digest(last_hash, NEW));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION hewei_audit_chain();
--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
