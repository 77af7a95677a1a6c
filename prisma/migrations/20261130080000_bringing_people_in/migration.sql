-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "workerName" TEXT,
ALTER COLUMN "milestoneId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "YoungPerson" ADD COLUMN     "localId" TEXT,
ADD COLUMN     "upn" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "createdById" UUID,
    "fileName" TEXT NOT NULL,
    "isDryRun" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "totalRows" INTEGER NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "ignoredColumns" TEXT[],
    "rows" JSONB,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_areaId_startedAt_idx" ON "ImportRun"("areaId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "YoungPerson_areaId_upn_key" ON "YoungPerson"("areaId", "upn");

-- CreateIndex
CREATE UNIQUE INDEX "YoungPerson_areaId_localId_key" ON "YoungPerson"("areaId", "localId");


