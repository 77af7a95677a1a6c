-- The event log and the audit trail are append-only: history is never rewritten.
-- Erasure under UK GDPR (a later feature) must opt in explicitly, inside its transaction:
--   SET LOCAL pathways.erasure = 'on';
CREATE FUNCTION "refuse_rewriting_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pathways.erasure', true) = 'on' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "PathwayEvent_append_only"
  BEFORE UPDATE OR DELETE ON "PathwayEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_rewriting_history"();

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_rewriting_history"();
