-- The mediation timeline, signatures and issued documents are records of what happened: the
-- database refuses UPDATE, DELETE and TRUNCATE on them (hewei_append_only comes from 0001).
CREATE TRIGGER mediation_events_append_only BEFORE UPDATE OR DELETE ON mediation_events FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER mediation_events_no_truncate BEFORE TRUNCATE ON mediation_events FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_append_only BEFORE UPDATE OR DELETE ON agreement_signatures FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_no_truncate BEFORE TRUNCATE ON agreement_signatures FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER mediation_documents_append_only BEFORE UPDATE OR DELETE ON mediation_documents FOR EACH ROW EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
CREATE TRIGGER mediation_documents_no_truncate BEFORE TRUNCATE ON mediation_documents FOR EACH STATEMENT EXECUTE FUNCTION hewei_append_only();
--> statement-breakpoint
-- Once anyone has signed an agreement, its text and version chain are frozen; only the seal, the
-- issued document and the supersession may still be written. Agreements are never deleted.
CREATE OR REPLACE FUNCTION hewei_agreement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'agreements are never deleted' USING ERRCODE = '42501';
  END IF;
  IF (NEW.draft IS DISTINCT FROM OLD.draft OR NEW.version IS DISTINCT FROM OLD.version
      OR NEW.root_id IS DISTINCT FROM OLD.root_id OR NEW.mediation_id IS DISTINCT FROM OLD.mediation_id)
     AND EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.county_id = OLD.county_id AND s.agreement_id = OLD.id) THEN
    RAISE EXCEPTION 'agreement % is signed: supersede it instead', OLD.id USING ERRCODE = '42501';
  END IF;
  IF OLD.superseded_by_id IS NOT NULL AND NEW IS DISTINCT FROM OLD THEN
    RAISE EXCEPTION 'agreement % is superseded', OLD.id USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agreements_frozen BEFORE UPDATE OR DELETE ON agreements FOR EACH ROW EXECUTE FUNCTION hewei_agreement_frozen();
