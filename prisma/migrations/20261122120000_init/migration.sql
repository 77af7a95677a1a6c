-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('transition_worker', 'team_manager', 'young_person', 'parent_carer', 'adult_services', 'commissioner', 'administrator');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('active', 'achieved', 'paused', 'dropped');

-- CreateEnum
CREATE TYPE "OutcomeArea" AS ENUM ('employment', 'independent_living', 'community_inclusion', 'good_health');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('draft', 'sent', 'acknowledged', 'info_requested');

-- CreateTable
CREATE TABLE "LocalArea" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "areaId" UUID NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "website" TEXT,
    "services" TEXT[],
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "areaId" UUID,
    "agencyId" UUID,
    "youngPersonId" UUID,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarerLink" (
    "userId" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarerLink_pkey" PRIMARY KEY ("userId","youngPersonId")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "YoungPerson" (
    "id" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "namedWorkerId" UUID,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "preferredName" TEXT,
    "dateOfBirth" DATE NOT NULL,
    "nhsNumber" TEXT,
    "jurisdiction" TEXT NOT NULL,
    "yearGroupOffset" INTEGER NOT NULL DEFAULT 0,
    "hasEhcPlan" BOOLEAN NOT NULL DEFAULT false,
    "lifeLimitingCondition" BOOLEAN NOT NULL DEFAULT false,
    "complexHealthNeeds" BOOLEAN NOT NULL DEFAULT false,
    "learningDisability" BOOLEAN NOT NULL DEFAULT false,
    "likelyAdultCareNeeds" BOOLEAN NOT NULL DEFAULT false,
    "receivesDisabilityLivingAllowance" BOOLEAN NOT NULL DEFAULT false,
    "mayLackCapacity" BOOLEAN NOT NULL DEFAULT false,
    "placedInCare" BOOLEAN NOT NULL DEFAULT false,
    "hasCarer" BOOLEAN NOT NULL DEFAULT false,
    "aboutMe" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "YoungPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "agencyId" UUID,
    "givenByUserId" UUID,
    "givenByRole" TEXT NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayState" (
    "youngPersonId" UUID NOT NULL,
    "pathway" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "isEnded" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PathwayState_pkey" PRIMARY KEY ("youngPersonId","pathway")
);

-- CreateTable
CREATE TABLE "PathwayEvent" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PathwayEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "youngPersonId" UUID NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "pathway" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "windowStart" DATE,
    "dueDate" DATE,
    "completedOn" DATE,
    "leadAgency" TEXT NOT NULL,
    "plannedAsOf" DATE NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("youngPersonId","milestoneId")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "outcomeArea" "OutcomeArea" NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'active',
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalProgressNote" (
    "id" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalProgressNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "toAgencyId" UUID NOT NULL,
    "fromUserId" UUID,
    "status" "HandoverStatus" NOT NULL DEFAULT 'draft',
    "dueBy" DATE NOT NULL,
    "expectedTransfer" DATE,
    "summary" TEXT NOT NULL,
    "whatMatters" TEXT,
    "needs" TEXT,
    "currentSupport" TEXT,
    "contacts" TEXT,
    "pendingDecisions" TEXT,
    "infoRequest" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "youngPersonId" UUID,
    "detail" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LocalArea_code_key" ON "LocalArea"("code");

-- CreateIndex
CREATE INDEX "Agency_areaId_type_idx" ON "Agency"("areaId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_youngPersonId_key" ON "User"("youngPersonId");

-- CreateIndex
CREATE INDEX "CarerLink_youngPersonId_idx" ON "CarerLink"("youngPersonId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "YoungPerson_nhsNumber_key" ON "YoungPerson"("nhsNumber");

-- CreateIndex
CREATE INDEX "YoungPerson_areaId_idx" ON "YoungPerson"("areaId");

-- CreateIndex
CREATE INDEX "YoungPerson_namedWorkerId_idx" ON "YoungPerson"("namedWorkerId");

-- CreateIndex
CREATE INDEX "Consent_youngPersonId_scope_idx" ON "Consent"("youngPersonId", "scope");

-- CreateIndex
CREATE INDEX "PathwayEvent_youngPersonId_date_idx" ON "PathwayEvent"("youngPersonId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayEvent_youngPersonId_sequence_key" ON "PathwayEvent"("youngPersonId", "sequence");

-- CreateIndex
CREATE INDEX "Milestone_status_dueDate_idx" ON "Milestone"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Milestone_leadAgency_status_dueDate_idx" ON "Milestone"("leadAgency", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Milestone_pathway_status_dueDate_idx" ON "Milestone"("pathway", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Goal_youngPersonId_idx" ON "Goal"("youngPersonId");

-- CreateIndex
CREATE INDEX "GoalProgressNote_goalId_idx" ON "GoalProgressNote"("goalId");

-- CreateIndex
CREATE INDEX "Handover_toAgencyId_status_expectedTransfer_idx" ON "Handover"("toAgencyId", "status", "expectedTransfer");

-- CreateIndex
CREATE INDEX "Handover_youngPersonId_idx" ON "Handover"("youngPersonId");

-- CreateIndex
CREATE INDEX "AuditEntry_youngPersonId_at_idx" ON "AuditEntry"("youngPersonId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LocalArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarerLink" ADD CONSTRAINT "CarerLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarerLink" ADD CONSTRAINT "CarerLink_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YoungPerson" ADD CONSTRAINT "YoungPerson_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YoungPerson" ADD CONSTRAINT "YoungPerson_namedWorkerId_fkey" FOREIGN KEY ("namedWorkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayState" ADD CONSTRAINT "PathwayState_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayEvent" ADD CONSTRAINT "PathwayEvent_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalProgressNote" ADD CONSTRAINT "GoalProgressNote_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


