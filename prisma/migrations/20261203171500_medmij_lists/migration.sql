-- CreateTable
CREATE TABLE "medmij_list" (
    "name" TEXT NOT NULL,
    "volgnummer" INTEGER NOT NULL,
    "tijdstempel" TIMESTAMPTZ(3) NOT NULL,
    "xml" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "medmij_list_pkey" PRIMARY KEY ("name")
);
