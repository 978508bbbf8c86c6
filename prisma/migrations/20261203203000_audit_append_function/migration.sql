-- Appends one audit entry in one statement, so a chain's lock is held only inside the database
-- and never across a round trip to the application. The function takes the chain's lock, then
-- reads the chain's last hash (a statement of its own, so under READ COMMITTED it sees what the
-- previous holder committed), and inserts the entry. Its hash is SHA-256 over the entry's
-- canonical JSON, which the application sends up to the previous hash (`hash_prefix`, ending in
-- a comma); the function closes it with the previous hash as a JSON string (src/audit).
-- Called in a transaction of its own, or inside the caller's, where the lock then lasts until
-- the caller commits.
CREATE FUNCTION "audit_append"(
    "lock_namespace" INTEGER,
    "genesis_hash" TEXT,
    "entry_chain" SMALLINT,
    "entry_time" TIMESTAMPTZ(3),
    "entry_actor_kind" "actor_kind",
    "entry_actor_id" TEXT,
    "entry_citizen_id" UUID,
    "entry_action" TEXT,
    "entry_disclosed" JSONB,
    "entry_outcome" "audit_outcome",
    "entry_request_id" TEXT,
    "entry_correlation_id" TEXT,
    "hash_prefix" TEXT
) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    "previous" TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock("lock_namespace", "entry_chain");
    SELECT "hash" INTO "previous" FROM "audit_entry" WHERE "chain" = "entry_chain"
        ORDER BY "id" DESC LIMIT 1;
    "previous" := COALESCE("previous", "genesis_hash");
    INSERT INTO "audit_entry" ("chain", "time", "actor_kind", "actor_id", "citizen_id", "action",
        "disclosed", "outcome", "request_id", "correlation_id", "prev_hash", "hash")
    VALUES ("entry_chain", "entry_time", "entry_actor_kind", "entry_actor_id",
        "entry_citizen_id", "entry_action", "entry_disclosed", "entry_outcome",
        "entry_request_id", "entry_correlation_id", "previous",
        encode(sha256(convert_to("hash_prefix" || '"' || "previous" || '"]', 'UTF8')), 'hex'));
END;
$$;
