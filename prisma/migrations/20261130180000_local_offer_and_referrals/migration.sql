
-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "url" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "referralEmail" TEXT,
    "howToGet" TEXT,
    "eligibility" TEXT,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "cost" TEXT,
    "isFree" BOOLEAN,
    "languages" TEXT[],
    "accessibility" TEXT[],
    "serviceAreas" TEXT[],
    "taxonomy" TEXT[],
    "topics" TEXT[],
    "locations" JSONB NOT NULL DEFAULT '[]',
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "schedules" TEXT[],
    "digest" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferFeed" (
    "areaId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "lastFetchedAt" TIMESTAMPTZ(3),
    "lastResult" JSONB,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OfferFeed_pkey" PRIMARY KEY ("areaId")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "youngPersonId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "milestoneId" TEXT,
    "completesMilestone" BOOLEAN NOT NULL DEFAULT false,
    "reviewActionId" UUID,
    "agreedBy" TEXT NOT NULL,
    "agreedOn" DATE NOT NULL,
    "bestInterestsReason" TEXT,
    "sharedParts" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'sent',
    "sentOn" DATE NOT NULL,
    "acceptedOn" DATE,
    "startedOn" DATE,
    "endedOn" DATE,
    "outcome" TEXT,
    "sentTo" TEXT,
    "emailedAt" TIMESTAMPTZ(3),
    "referredById" UUID,
    "referredByName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralUpdate" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "note" TEXT,
    "byId" UUID,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Service_areaId_status_sortName_idx" ON "Service"("areaId", "status", "sortName");

-- CreateIndex
CREATE INDEX "Service_topics_idx" ON "Service" USING GIN ("topics");

-- CreateIndex
CREATE UNIQUE INDEX "Service_areaId_externalId_key" ON "Service"("areaId", "externalId");

-- CreateIndex
CREATE INDEX "Referral_youngPersonId_idx" ON "Referral"("youngPersonId");

-- CreateIndex
CREATE INDEX "Referral_serviceId_status_idx" ON "Referral"("serviceId", "status");

-- CreateIndex
CREATE INDEX "Referral_emailedAt_idx" ON "Referral"("emailedAt");

-- CreateIndex
CREATE INDEX "ReferralUpdate_referralId_idx" ON "ReferralUpdate"("referralId");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LocalArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferFeed" ADD CONSTRAINT "OfferFeed_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "YoungPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralUpdate" ADD CONSTRAINT "ReferralUpdate_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;


