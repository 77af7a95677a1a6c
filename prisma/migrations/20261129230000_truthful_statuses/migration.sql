-- Truthful statuses (issue 14): a task's last possible day and a period's end are stored with
-- the milestone, so the caseload re-derives missed, in effect and ended for today; a young
-- person's EHC plan records when it was first issued.

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "closesOn" DATE;

-- AlterTable
ALTER TABLE "YoungPerson" ADD COLUMN     "ehcPlanIssuedOn" DATE;

-- An event recorded by mistake can be undone: a withdrawal row is added (the log stays
-- append-only, and so does the list of withdrawals); a plan replays only events without one.
-- CreateTable
CREATE TABLE "PathwayEventWithdrawal" (
    "eventId" UUID NOT NULL,
    "withdrawnById" UUID,
    "withdrawnAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PathwayEventWithdrawal_pkey" PRIMARY KEY ("eventId")
);

-- AddForeignKey
ALTER TABLE "PathwayEventWithdrawal" ADD CONSTRAINT "PathwayEventWithdrawal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "PathwayEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TRIGGER "PathwayEventWithdrawal_append_only"
  BEFORE UPDATE OR DELETE ON "PathwayEventWithdrawal"
  FOR EACH ROW EXECUTE FUNCTION "refuse_rewriting_history"();

-- "Live today" is a status and a closing day: the caseload's indexes carry closesOn so a
-- caseload count is still answered from the index alone.
-- DropIndex
DROP INDEX "Milestone_areaId_dueDate_status_idx";

-- DropIndex
DROP INDEX "Milestone_namedWorkerId_dueDate_status_areaId_idx";

-- DropIndex
DROP INDEX "Milestone_status_dueDate_areaId_pathway_leadAgency_mileston_idx";

-- CreateIndex
CREATE INDEX "Milestone_areaId_dueDate_status_closesOn_idx" ON "Milestone"("areaId", "dueDate", "status", "closesOn");

-- CreateIndex
CREATE INDEX "Milestone_namedWorkerId_dueDate_status_areaId_closesOn_idx" ON "Milestone"("namedWorkerId", "dueDate", "status", "areaId", "closesOn");

-- CreateIndex
CREATE INDEX "Milestone_status_dueDate_areaId_pathway_leadAgency_mileston_idx" ON "Milestone"("status", "dueDate", "areaId", "pathway", "leadAgency", "milestoneId", "closesOn");

-- Every stored plan predates these statuses: forget their digests so the next re-plan
-- (the nightly job, which runs at once for a changed rule pack) rewrites them all.
UPDATE "YoungPerson" SET "planDigest" = NULL;
