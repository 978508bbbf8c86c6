-- CreateTable
CREATE TABLE "browser_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_hash" CHAR(64) NOT NULL,
    "purpose" TEXT NOT NULL,
    "flow" JSONB NOT NULL,
    "citizen_id" UUID,
    "loa" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "browser_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "browser_session_session_hash_key" ON "browser_session"("session_hash");

-- CreateIndex
CREATE INDEX "browser_session_expires_at_idx" ON "browser_session"("expires_at");
