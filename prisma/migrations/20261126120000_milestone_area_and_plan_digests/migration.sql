-- Caseload and forecast at county scale: each milestone carries its young person's area and
-- named worker (rewritten with the plan), so those queries read one index range; digests let
-- a re-plan skip everyone whose plan has not changed.

-- AlterTable
ALTER TABLE "YoungPerson" ADD COLUMN "planDigest" TEXT;

-- AlterTable
ALTER TABLE "PathwayState" ADD COLUMN "digest" TEXT NOT NULL DEFAULT '';

-- AlterTable: copy area and worker from the young person before the area becomes required.
ALTER TABLE "Milestone" DROP COLUMN "plannedAsOf",
ADD COLUMN "areaId" UUID,
ADD COLUMN "namedWorkerId" UUID;
UPDATE "Milestone" m SET "areaId" = p."areaId", "namedWorkerId" = p."namedWorkerId" FROM "YoungPerson" p WHERE p.id = m."youngPersonId";
ALTER TABLE "Milestone" ALTER COLUMN "areaId" SET NOT NULL;

-- DropIndex
DROP INDEX "Milestone_status_dueDate_idx";

-- DropIndex
DROP INDEX "Milestone_leadAgency_status_dueDate_idx";

-- DropIndex
DROP INDEX "Milestone_pathway_status_dueDate_idx";

-- CreateIndex
CREATE INDEX "Milestone_areaId_dueDate_status_idx" ON "Milestone"("areaId", "dueDate", "status");

-- CreateIndex
CREATE INDEX "Milestone_namedWorkerId_dueDate_status_areaId_idx" ON "Milestone"("namedWorkerId", "dueDate", "status", "areaId");

-- CreateIndex
CREATE INDEX "Milestone_status_dueDate_areaId_pathway_leadAgency_mileston_idx" ON "Milestone"("status", "dueDate", "areaId", "pathway", "leadAgency", "milestoneId");
