-- DropIndex
DROP INDEX "YoungPerson_nhsNumber_key";

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "odsCode" TEXT;

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "nextAllowedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_updatedAt_idx" ON "SignInThrottle"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_areaId_externalId_key" ON "Agency"("areaId", "externalId");

-- CreateIndex
CREATE INDEX "LoginAttempt_at_idx" ON "LoginAttempt"("at");

-- CreateIndex
CREATE UNIQUE INDEX "YoungPerson_areaId_nhsNumber_key" ON "YoungPerson"("areaId", "nhsNumber");
