-- The audit trail's append-only guard fires even in sessions that run with
-- session_replication_role = replica (the bulk import uses it to defer foreign-key checks).
ALTER TABLE "audit_entry" ENABLE ALWAYS TRIGGER "audit_entry_append_only";
