-- Which children's health services a young person uses (issue 14): NICE NG43's health
-- transition milestones apply to those who see children's health services, and the move from
-- CAMHS to adult mental health services is planned for those who see CAMHS.

-- AlterTable
ALTER TABLE "YoungPerson" ADD COLUMN     "usesChildrensHealthServices" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "usesChildrensMentalHealthServices" BOOLEAN NOT NULL DEFAULT false;

-- Records made before the fact was asked for were planned as if they did use children's health
-- services: they keep those milestones until a worker records otherwise, so no one's health
-- transition silently disappears from a caseload. The re-plan after deployment rewrites their rows.
UPDATE "YoungPerson" SET "usesChildrensHealthServices" = true, "planDigest" = NULL;
