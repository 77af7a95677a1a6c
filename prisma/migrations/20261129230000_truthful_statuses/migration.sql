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

-- Every stored plan predates these statuses: forget their digests so the next re-plan
-- (the nightly job, which runs at once for a changed rule pack) rewrites them all.
UPDATE "YoungPerson" SET "planDigest" = NULL;
