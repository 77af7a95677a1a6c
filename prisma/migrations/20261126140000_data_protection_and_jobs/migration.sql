-- Data protection and operations: who withdrew a consent, the history of corrections, in-app
-- reminders, once-a-day job runs shared by every API process, and the proof of each erasure.

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "withdrawnById" UUID;

-- CreateTable
CREATE TABLE "RecordCorrection" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "previousValue" TEXT,
    "newValue" TEXT,
    "reason" TEXT,
    "correctedById" UUID,
    "correctedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "onDate" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("job","day")
);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "id" BIGSERIAL NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "erasedById" UUID,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rows" JSONB NOT NULL,

    CONSTRAINT "ErasureRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordCorrection_youngPersonId_correctedAt_idx" ON "RecordCorrection"("youngPersonId", "correctedAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_idx" ON "Notification"("emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_youngPersonId_milestoneId_kind_onDate_key" ON "Notification"("userId", "youngPersonId", "milestoneId", "kind", "onDate");

-- CreateIndex
CREATE INDEX "ErasureRecord_erasedAt_idx" ON "ErasureRecord"("erasedAt");

-- AddForeignKey
ALTER TABLE "RecordCorrection" ADD CONSTRAINT "RecordCorrection_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;


