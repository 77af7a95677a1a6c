/**
 * @pathways/db — the database: the generated Prisma client (committed), the start-up
 * migrator, and the connection to PGlite or PostgreSQL.
 *
 * @module
 */
export { openDatabase, pingDatabase, type Database, type DatabaseConfig } from './database.ts';
export {
  migrate,
  readMigrations,
  checksumOf,
  MigrationError,
  MIGRATIONS_DIRECTORY,
  type Migration,
  type MigrationResult,
} from './migrator.ts';
export { DataFolderError } from './data-folder.ts';
export { pgliteConnection, postgresConnection, type SqlConnection } from './sql-connection.ts';
export { AppError, refusedByDatabase, type AppErrorCode } from './errors.ts';
export { audit, auditList, listAuditTrail, type Actor, type AuditTrailEntry, type Tx } from './repositories/actor.ts';
export {
  createYoungPerson,
  updateYoungPerson,
  getYoungPerson,
  listYoungPeopleOfArea,
  namedWorkerName,
  eraseYoungPerson,
  eraseClaimed,
  claimVersion,
  type ErasedCounts,
  ZYoungPersonInput,
  ZYoungPersonChanges,
  type YoungPersonInput,
} from './repositories/young-people.ts';
export { assignNamedWorker, listNamedWorkers, type NamedWorker, type WhoMoves } from './repositories/named-workers.ts';
export {
  claimMessageNotice,
  type PersonToTell,
  peopleToTellOfMessages,
  postMessage,
  postMessageIn,
  type NewMessage,
  readThread,
  threadAuthors,
  threadMessages,
  THREAD_KINDS,
  unreadThreads,
  type MessageWithReads,
  type ThreadKey,
  type ThreadKind,
  type UnreadThread,
} from './repositories/messages.ts';
export {
  auditDocumentRead,
  CHUNK_BYTES,
  DOCUMENT_TYPES,
  documentContent,
  findDocument,
  listDocuments,
  removeDocument,
  storeDocument,
  type DocumentType,
  type DocumentWithReview,
  type NewDocument,
} from './repositories/documents.ts';
export {
  contributorsOf,
  contributorsOfArea,
  isLinkedContributor,
  linkContributor,
  unlinkContributor,
  youngPeopleLinkedToContributor,
  type Contributor,
} from './repositories/contributors.ts';
export { inviteFamilyMember, listFamily, type FamilyInvitation, type FamilyMember } from './repositories/family.ts';
export {
  getImportRun,
  runImport,
  startImportRun,
  type ImportEvent,
  type ImportRecord,
  type ImportRow,
  type ImportRunReport,
  type RowOutcome,
  type RowProblem,
} from './repositories/young-people-import.ts';
export { listPathwayEvents, recordPathwayEvent, withdrawPathwayEvent } from './repositories/pathway-events.ts';
export { addGoal, addGoalNote, changeGoal, getGoal, listGoals, type GoalWithNotes } from './repositories/goals.ts';
export { listNotifications, markNotificationRead, type NotificationWithPerson } from './repositories/notifications.ts';
export { calendarFeedOwner, replaceCalendarToken, revokeCalendarTokens } from './repositories/calendar-tokens.ts';
export {
  getConsent,
  giveConsent,
  listConsents,
  withdrawConsent,
  FAMILY_ACCESS,
  SHARING_SCOPES,
  type SharingScope,
  type ConsentWithAgency,
} from './repositories/consents.ts';
export {
  draftHandover,
  editHandoverDraft,
  findHandover,
  handoverTarget,
  handoverVersions,
  listHandovers,
  moveHandover,
  PACK_FIELDS,
  publishHandoverVersion,
  type HandoverVersionView,
  type PackField,
  HANDOVER_LEAD_MONTHS,
  type HandoverPack,
  type HandoverStep,
  type HandoverWithParties,
} from './repositories/handovers.ts';
export {
  completeSession,
  createSession,
  endAllSessions,
  endSession,
  endSessionById,
  findSession,
  listSessions,
  DEFAULT_IDLE_MINUTES,
  type SessionListing,
  type SessionStage,
  type SessionUser,
  type SignInMethod,
} from './repositories/sessions.ts';
export {
  activeAccount,
  signOnAccount,
  AGENCY_ROLES,
  CONTRIBUTOR_ROLES,
  isContributorRole,
  type ContributorRole,
  changeAccount,
  createFirstAdministrator,
  findAccountLink,
  getAccount,
  INVITABLE_ROLES,
  inviteAccount,
  LINK_HOURS,
  listAccounts,
  newAccountLink,
  setAccountActive,
  setPasswordByLink,
  type AccountSummary,
  type AdministeredArea,
  type InvitableRole,
  type Invitation,
  type LinkPurpose,
} from './repositories/accounts.ts';
export {
  acceptTotpStep,
  addPasskey,
  areaSignOn,
  areasWithSignOn,
  disableTotp,
  enableTotp,
  findPasskey,
  hasSecondFactor,
  listPasskeyIds,
  newRecoveryCodes,
  passkeyUsed,
  removePasskey,
  saveAreaSignOn,
  saveChallenge,
  securityOverview,
  startTotpSetUp,
  takeChallenge,
  totpSecrets,
  useRecoveryCode,
  type SecurityOverview,
  type SignOnSettings,
  type StoredPasskey,
} from './repositories/account-security.ts';
export {
  delayAfter,
  findAccountByEmail,
  FREE_FAILURES,
  recordSignInAttempt,
  reserveAttempt,
  signInSucceeded,
  WINDOW_MINUTES,
  type Reservation,
} from './repositories/sign-in-throttle.ts';
export { hashToken, newSecretToken } from './secret-token.ts';
export { sendUnsentReminders, type UnsentReminder } from './repositories/reminder-emails.ts';
export {
  agreementsWith,
  findYoungPerson,
  hasFamilyAccessAgreement,
  hasHandoverSentTo,
  isLinkedCarer,
  ownRecord,
  youngPeopleHandedOverTo,
  youngPeopleLinkedToCarer,
  youngPeopleOfNamedWorker,
} from './repositories/relationships.ts';
export {
  findAgency,
  listAgencies,
  listLocalAreas,
  localAreaExists,
  createAgency,
  updateAgency,
  type AgencyDetails,
} from './repositories/agencies.ts';
export { listOpenMilestonesDueBy } from './repositories/milestones.ts';
export { gatherPlanExport, type PlanExportSources } from './repositories/plan-export.ts';
export {
  DEMO_ACCOUNTS,
  DEMO_AREAS,
  DEMO_PASSWORD,
  DEMO_YOUNG_PEOPLE,
  holdsDemoAccounts,
  seedDemoData,
  seedEmptyDatabase,
} from './seed/demo-data.ts';
export { materialisePlan } from './repositories/materialise-plan.ts';
export {
  CASELOAD_MAX_PAGE,
  caseloadSql,
  findCaseload,
  ZCaseloadQuery,
  type CaseloadMilestone,
  type CaseloadPage,
  type CaseloadPerson,
  type CaseloadRow,
} from './repositories/caseload.ts';
export { profileOf, engineEventOf, isoDay, dateColumn } from './repositories/young-person-profile.ts';
/** The young person's name as people use it: defined once, in the engine (the web app uses the same one). */
export { displayName } from '@pathways/engine';
export { PrismaClient, Prisma } from './generated/prisma/client.ts';
export type {
  Agency,
  Consent,
  Document,
  Goal,
  GoalProgressNote,
  Handover,
  LocalArea,
  Milestone,
  Notification,
  PathwayEvent,
  User,
  YoungPerson,
} from './generated/prisma/client.ts';
export {
  forecastDemand,
  openStepsByMilestone,
  forecastCsv,
  forecastIn,
  SUPPRESS_BELOW,
  type Forecast,
  type ForecastRow,
} from './repositories/forecast.ts';
export { loadSyntheticCounty } from './bulk/synthetic-county.ts';
export { storedPlanOf, type StoredPlan } from './repositories/plan-rows.ts';
export { writeStoredPlans } from './repositories/plan-store.ts';
export { replanEveryone, type ReplanResult } from './bulk/replan-everyone.ts';
export { collectSubjectAccess, type SubjectAccessExport } from './repositories/subject-access.ts';
export { runDailyJob, lastRunBefore, type DailyJobResult } from './jobs/daily-job.ts';
export { runReminders, REMINDERS_JOB } from './jobs/reminders.ts';
export { runRetention, RETENTION_JOB } from './jobs/retention.ts';
export { runPurge, PURGE_JOB, SIGN_IN_RECORD_DAYS } from './jobs/purge.ts';
export { runReplan, REPLAN_JOB, RULES_DIGEST } from './jobs/replan.ts';
export {
  backupPglite,
  backupPgliteFolder,
  backupPostgres,
  restorePglite,
  restorePostgres,
  postgresProgram,
} from './backup.ts';
export {
  arrangeReview,
  cancelReview,
  circulateAdvice,
  latestReviewProfile,
  listReviewsOf,
  moveReviewMeeting,
  readReview,
  recordAfterMeeting,
  recordMeeting,
  saveReviewProfile,
  PROFILE_HELPERS,
  TAKING_PART,
  TOOK_PART,
  ZAfterMeeting,
  ZMeeting,
  ZMeetingRecord,
  ZReviewProfile,
  type ReviewProfile,
} from './repositories/reviews.ts';
export {
  clockOfReview,
  findReview,
  openReviewsOfArea,
  type OpenReview,
  kindOfReview,
  standingInvitations,
  type ReviewWithParts,
} from './repositories/review-records.ts';
export {
  auditLinkRead,
  invitationByToken,
  inviteToReview,
  replyToInvitation,
  requestAdvice,
  reviewLettersOwed,
  sendInvitationByHand,
  sendInvitations,
  sendReviewLetter,
  submitAdvice,
  withdrawInvitation,
  INVITEE_ROLES,
  REPLIES,
  ZAdviceRequest,
  type Invitee,
  type ReviewLetter,
} from './repositories/review-invitations.ts';
export {
  addReviewAction,
  changeReviewAction,
  findReviewAction,
  listOwnedActions,
  openActionsOf,
  ZActionStatus,
  type ActionOwner,
  type OwnedAction,
} from './repositories/review-actions.ts';
export { accountsAround, activeAccountUser } from './repositories/accounts.ts';
export { reviewFeedItems } from './repositories/review-feed.ts';
export { storedDueDates } from './repositories/milestones.ts';
export { reviewTimeliness, type ReviewTimeliness } from './repositories/review-timeliness.ts';
export {
  importLocalOffer,
  type ServiceFromOffer,
  type OrganisationFromOffer,
  type ServiceLocation,
  type ServiceContact,
  type OfferImportCounts,
} from './repositories/local-offer-import.ts';
export {
  searchServices,
  placesOfOffer,
  findService,
  servicesForTopics,
  offerFeedOf,
  saveOfferFeed,
  recordOfferFetch,
  claimOfferFeedsDue,
  type OfferedService,
  type ServiceSearch,
} from './repositories/local-offer.ts';
export {
  REFERRAL_STATUSES,
  nextReferralStatuses,
  createReferral,
  referralsOf,
  getReferral,
  updateReferral,
  referralLettersOwed,
  claimReferralLetter,
  releaseReferralLetter,
  referralsByTopic,
  referrerEmail,
  type ReferralStatus,
  type ReferralWithService,
  type ReferralsOfTopic,
  type NewReferral,
} from './repositories/referrals.ts';
