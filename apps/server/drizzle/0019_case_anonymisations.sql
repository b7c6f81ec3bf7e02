CREATE TABLE "case_anonymisations" (
	"county_id" text NOT NULL,
	"case_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"retention_days" integer NOT NULL,
	"removed" jsonb NOT NULL,
	CONSTRAINT "case_anonymisations_county_id_case_id_pk" PRIMARY KEY("county_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "case_anonymisations" ADD CONSTRAINT "case_anonymisations_case_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."cases"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Retention (docs/decisions/0016-retention-anonymisation.md): the timeline stays append-only,
-- except that the personal text of an anonymised case may be redacted — and only that: every
-- column but `reason` and `data` must stay as it was, and only hewei_redact_case_events may do it.
CREATE OR REPLACE FUNCTION hewei_redact(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  v jsonb;
  result jsonb;
BEGIN
  IF jsonb_typeof(j) = 'object' THEN
    result := '{}'::jsonb;
    FOR k, v IN SELECT * FROM jsonb_each(j) LOOP
      IF k IN ('description', 'address', 'note', 'notes', 'comment', 'remark', 'text', 'content',
               'message', 'answer', 'summary', 'name', 'displayName', 'phone', 'idNumber', 'contact',
               'body', 'reply', 'detail', 'details', 'fileName', 'statement', 'facts', 'terms',
               'result', 'reason')
         AND jsonb_typeof(v) = 'string' THEN
        result := result || jsonb_build_object(k, '（已匿名化）');
      ELSIF k IN ('lat', 'lon', 'applicantUserId') THEN
        result := result || jsonb_build_object(k, NULL);
      ELSE
        result := result || jsonb_build_object(k, hewei_redact(v));
      END IF;
    END LOOP;
    RETURN result;
  ELSIF jsonb_typeof(j) = 'array' THEN
    SELECT coalesce(jsonb_agg(hewei_redact(e) ORDER BY n), '[]'::jsonb) INTO result
      FROM jsonb_array_elements(j) WITH ORDINALITY AS x(e, n);
    RETURN result;
  END IF;
  RETURN j;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hewei_case_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('hewei.redacting', true) = 'on'
     AND (NEW.county_id, NEW.case_id, NEW.seq, NEW.type, NEW.at, NEW.actor_id, NEW.actor_role,
          NEW.from_status, NEW.to_status)
         IS NOT DISTINCT FROM
         (OLD.county_id, OLD.case_id, OLD.seq, OLD.type, OLD.at, OLD.actor_id, OLD.actor_role,
          OLD.from_status, OLD.to_status)
     AND NEW.data = hewei_redact(OLD.data)
     AND (NEW.reason IS NULL OR NEW.reason = '（已匿名化）')
     AND EXISTS (SELECT 1 FROM case_anonymisations a
                 WHERE a.county_id = OLD.county_id AND a.case_id = OLD.case_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
DROP TRIGGER case_events_append_only ON case_events;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION hewei_case_events_guard();
--> statement-breakpoint
-- Runs as the owner, so the restricted application role (no UPDATE on case_events) can redact
-- an anonymised case's timeline and nothing else.
CREATE OR REPLACE FUNCTION hewei_redact_case_events(p_county text, p_case text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM case_anonymisations WHERE county_id = p_county AND case_id = p_case) THEN
    RAISE EXCEPTION 'case % is not anonymised', p_case USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('hewei.redacting', 'on', true);
  UPDATE case_events
     SET data = hewei_redact(data),
         reason = CASE WHEN reason IS NULL THEN NULL ELSE '（已匿名化）' END
   WHERE county_id = p_county AND case_id = p_case
     AND (data IS DISTINCT FROM hewei_redact(data) OR (reason IS NOT NULL AND reason <> '（已匿名化）'));
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('hewei.redacting', 'off', true);
  RETURN n;
END
$$;
