-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reviewActionId" UUID,
ADD COLUMN     "reviewId" UUID;

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "meetingDate" DATE NOT NULL,
    "startTime" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "invitationsReleased" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMPTZ(3),
    "adviceCirculatedOn" DATE,
    "heldOn" DATE,
    "youngPersonTookPart" TEXT,
    "outcomesDiscussed" "OutcomeArea"[],
    "meetingNotes" TEXT,
    "reportSentOn" DATE,
    "decision" TEXT,
    "decisionOn" DATE,
    "finalPlanOn" DATE,
    "profile" JSONB,
    "profileUpdatedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "plannedEventIds" UUID[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewInvitation" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "role" TEXT NOT NULL,
    "userId" UUID,
    "tokenHash" TEXT,
    "reply" TEXT NOT NULL DEFAULT 'no_reply',
    "repliedAt" TIMESTAMPTZ(3),
    "sentSequence" INTEGER,
    "sentAt" TIMESTAMPTZ(3),
    "emailedSequence" INTEGER,
    "sentBy" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "cancellationSentAt" TIMESTAMPTZ(3),
    "attended" BOOLEAN,
    "adviceRequested" BOOLEAN NOT NULL DEFAULT false,
    "adviceQuestion" TEXT,
    "adviceDueOn" DATE,
    "advice" TEXT,
    "adviceSubmittedAt" TIMESTAMPTZ(3),
    "adviceSubmittedOn" DATE,
    "adviceRemindedOn" DATE,
    "adviceChasedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAction" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "ownerUserId" UUID,
    "ownerAgencyId" UUID,
    "ownerName" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "doneOn" DATE,
    "doneById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Review_youngPersonId_meetingDate_idx" ON "Review"("youngPersonId", "meetingDate");

-- CreateIndex
CREATE INDEX "Review_status_meetingDate_idx" ON "Review"("status", "meetingDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewInvitation_tokenHash_key" ON "ReviewInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "ReviewInvitation_reviewId_idx" ON "ReviewInvitation"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewInvitation_userId_idx" ON "ReviewInvitation"("userId");

-- CreateIndex
CREATE INDEX "ReviewAction_ownerUserId_status_idx" ON "ReviewAction"("ownerUserId", "status");

-- CreateIndex
CREATE INDEX "ReviewAction_ownerAgencyId_status_idx" ON "ReviewAction"("ownerAgencyId", "status");

-- CreateIndex
CREATE INDEX "ReviewAction_youngPersonId_idx" ON "ReviewAction"("youngPersonId");

-- CreateIndex
CREATE INDEX "ReviewAction_reviewId_idx" ON "ReviewAction"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_reviewActionId_kind_onDate_key" ON "Notification"("userId", "reviewActionId", "kind", "onDate");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_reviewId_kind_onDate_key" ON "Notification"("userId", "reviewId", "kind", "onDate");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reviewActionId_fkey" FOREIGN KEY ("reviewActionId") REFERENCES "ReviewAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewInvitation" ADD CONSTRAINT "ReviewInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_ownerAgencyId_fkey" FOREIGN KEY ("ownerAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;


