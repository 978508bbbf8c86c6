-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "source_registry" AS ENUM ('CIMS', 'PRAEVENTIS');

-- CreateEnum
CREATE TYPE "vaccination_status" AS ENUM ('COMPLETED', 'NOT_DONE', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "date_precision" AS ENUM ('YEAR', 'MONTH', 'DAY', 'SECOND');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "name_usage" AS ENUM ('OWN', 'PARTNER', 'PARTNER_OWN', 'OWN_PARTNER');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('STAFF', 'PGO', 'CITIZEN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "audit_outcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "citizen" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "bsn" CHAR(9) NOT NULL,
    "birth_date" DATE NOT NULL,
    "gender" "gender" NOT NULL DEFAULT 'UNKNOWN',
    "given_names" TEXT,
    "initials" TEXT,
    "call_name" TEXT,
    "family_name_prefix" TEXT,
    "family_name" TEXT NOT NULL,
    "partner_name_prefix" TEXT,
    "partner_name" TEXT,
    "name_usage" "name_usage" NOT NULL DEFAULT 'OWN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citizen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ura" TEXT,
    "agb" TEXT,
    "name" TEXT NOT NULL,
    "type" JSONB,
    "address" JSONB,
    "telecom" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "professional" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agb" TEXT,
    "uzi" TEXT,
    "big" TEXT,
    "given_name" TEXT,
    "initials" TEXT,
    "name_prefix" TEXT,
    "family_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "professional_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "professional_role" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "professional_id" UUID NOT NULL,
    "organization_id" UUID,
    "specialty" JSONB,
    "role_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "professional_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source_key" TEXT NOT NULL,
    "name" TEXT,
    "address" JSONB,
    "telecom" JSONB,
    "managing_organization_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vaccine_product" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "product_key" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "hpk" TEXT,
    "prk" TEXT,
    "gpk" TEXT,
    "zi" TEXT,
    "snomed" TEXT,
    "snomed_display" TEXT,
    "atc" TEXT,
    "atc_display" TEXT,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vaccine_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vaccination" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "citizen_id" UUID NOT NULL,
    "source" "source_registry" NOT NULL,
    "source_record_id" TEXT NOT NULL,
    "status" "vaccination_status" NOT NULL DEFAULT 'COMPLETED',
    "product_id" UUID NOT NULL,
    "occurrence" TIMESTAMPTZ(3) NOT NULL,
    "occurrence_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    "dose_number" INTEGER,
    "lot_number" TEXT,
    "route" JSONB,
    "site" JSONB,
    "laterality" JSONB,
    "dose_quantity" DECIMAL(10,3),
    "dose_unit" TEXT,
    "performer_organization_id" UUID,
    "performer_role_id" UUID,
    "location_id" UUID,
    "target_diseases" JSONB NOT NULL DEFAULT '[]',
    "reason_motives" JSONB NOT NULL DEFAULT '[]',
    "reason_indications" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT,
    "consent_to_share" BOOLEAN,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retracted_at" TIMESTAMPTZ(3),
    "retraction_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "source_hash" TEXT,

    CONSTRAINT "vaccination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pgo_client" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "hostname" TEXT NOT NULL,
    "organisation_name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pgo_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "citizen_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "long_term" BOOLEAN NOT NULL DEFAULT false,
    "correlation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "authorization_code" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code_hash" CHAR(64) NOT NULL,
    "grant_id" UUID NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "authorization_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "grant_id" UUID,
    "citizen_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refresh_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "grant_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "chain" SMALLINT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_id" TEXT NOT NULL,
    "citizen_id" UUID,
    "action" TEXT NOT NULL,
    "disclosed" JSONB NOT NULL DEFAULT '{}',
    "outcome" "audit_outcome" NOT NULL,
    "request_id" TEXT,
    "correlation_id" TEXT,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "citizen_bsn_key" ON "citizen"("bsn");

-- CreateIndex
CREATE UNIQUE INDEX "organization_ura_key" ON "organization"("ura");

-- CreateIndex
CREATE UNIQUE INDEX "organization_agb_key" ON "organization"("agb");

-- CreateIndex
CREATE UNIQUE INDEX "professional_agb_key" ON "professional"("agb");

-- CreateIndex
CREATE UNIQUE INDEX "professional_uzi_key" ON "professional"("uzi");

-- CreateIndex
CREATE UNIQUE INDEX "professional_big_key" ON "professional"("big");

-- CreateIndex
CREATE UNIQUE INDEX "professional_role_role_key_key" ON "professional_role"("role_key");

-- CreateIndex
CREATE INDEX "professional_role_professional_id_idx" ON "professional_role"("professional_id");

-- CreateIndex
CREATE INDEX "professional_role_organization_id_idx" ON "professional_role"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "location_source_key_key" ON "location"("source_key");

-- CreateIndex
CREATE INDEX "location_managing_organization_id_idx" ON "location"("managing_organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "vaccine_product_product_key_key" ON "vaccine_product"("product_key");

-- CreateIndex
CREATE INDEX "vaccination_citizen_id_occurrence_idx" ON "vaccination"("citizen_id", "occurrence");

-- CreateIndex
CREATE INDEX "vaccination_product_id_idx" ON "vaccination"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "vaccination_source_source_record_id_key" ON "vaccination"("source", "source_record_id");

-- CreateIndex
CREATE UNIQUE INDEX "pgo_client_hostname_key" ON "pgo_client"("hostname");

-- CreateIndex
CREATE INDEX "grant_citizen_id_idx" ON "grant"("citizen_id");

-- CreateIndex
CREATE INDEX "grant_client_id_idx" ON "grant"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "authorization_code_code_hash_key" ON "authorization_code"("code_hash");

-- CreateIndex
CREATE INDEX "authorization_code_grant_id_idx" ON "authorization_code"("grant_id");

-- CreateIndex
CREATE UNIQUE INDEX "access_token_token_hash_key" ON "access_token"("token_hash");

-- CreateIndex
CREATE INDEX "access_token_grant_id_idx" ON "access_token"("grant_id");

-- CreateIndex
CREATE INDEX "access_token_citizen_id_idx" ON "access_token"("citizen_id");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_grant_id_idx" ON "refresh_token"("grant_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_hash_key" ON "audit_entry"("hash");

-- CreateIndex
CREATE INDEX "audit_entry_citizen_id_time_idx" ON "audit_entry"("citizen_id", "time");

-- CreateIndex
CREATE INDEX "audit_entry_chain_id_idx" ON "audit_entry"("chain", "id");

-- CreateIndex
CREATE INDEX "audit_entry_time_idx" ON "audit_entry"("time");

-- AddForeignKey
ALTER TABLE "professional_role" ADD CONSTRAINT "professional_role_professional_id_fkey" FOREIGN KEY ("professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "professional_role" ADD CONSTRAINT "professional_role_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_managing_organization_id_fkey" FOREIGN KEY ("managing_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_performer_organization_id_fkey" FOREIGN KEY ("performer_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_performer_role_id_fkey" FOREIGN KEY ("performer_role_id") REFERENCES "professional_role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant" ADD CONSTRAINT "grant_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grant" ADD CONSTRAINT "grant_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "pgo_client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "authorization_code" ADD CONSTRAINT "authorization_code_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_token" ADD CONSTRAINT "access_token_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_token" ADD CONSTRAINT "access_token_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "pgo_client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma's schema language cannot express these).

-- The audit trail is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entry"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();

-- A BSN is nine digits; the 11-test is checked in the application, where it can be explained.
ALTER TABLE "citizen" ADD CONSTRAINT "citizen_bsn_digits" CHECK ("bsn" ~ '^[0-9]{9}$');

-- Only CIMS records carry a sharing consent.
ALTER TABLE "vaccination" ADD CONSTRAINT "vaccination_consent_only_cims"
    CHECK ("source" = 'CIMS' OR "consent_to_share" IS NULL);
