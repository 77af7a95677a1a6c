/**
 * @pathways/engine — the pure domain of the Pathways planner: jurisdiction rule packs, one
 * XState machine per pathway, and milestone planning. No I/O and no wall clock: every
 * function takes the date it plans for.
 *
 * @module
 */
export {
  buildPlan,
  buildPlanWithState,
  buildScheduleWithState,
  planMilestones,
  scheduleMilestones,
  explain,
  type PlanOptions,
} from './plan/build-plan.ts';
export {
  MILESTONE_STATUSES,
  TASK_STATUSES,
  PERIOD_STATUSES,
  LIVE_STATUSES,
  type MilestoneSchedule,
  type MilestoneStatus,
  type TaskStatus,
  type PeriodStatus,
} from './plan/types.ts';
export type { PathwayStatus, Plan, PlannedMilestone, PlanSchedule, RejectedEvent } from './plan/types.ts';
export { openStatus, periodStatus } from './plan/open-status.ts';
export { replayPathways, recordEvent, type RecordEventResult } from './pathways.ts';

export { ZProfile, flagsOf, type Profile, type ProfileInput } from './profile.ts';
export { ZPathwayEvent, type PathwayEvent, type EventOf, type ClockEvent } from './events/pathway-event.ts';
export { parseEvent, type ParsedEvent } from './events/parse-event.ts';
export { EVENT_CATALOGUE, EVENT_TYPES, isEventType, pathwayOfEvent, type EventType } from './events/catalogue.ts';
export { eventLabel } from './events/event-labels.ts';
export { ZIsoDate } from './dates/iso-date-schema.ts';

export {
  RULE_PACKS,
  englandRulePack,
  denmarkRulePack,
  milestoneRule,
  rulePackIn,
  packIn,
  languageOf,
  citationOf,
  pathwaysLedBy,
} from './rule-packs/index.ts';
export { rulesById } from './rule-packs/rules-by-id.ts';
export { validateRulePack } from './rule-packs/validate-rule-pack.ts';
export {
  PATHWAYS,
  JURISDICTIONS,
  AGENCY_TYPES,
  PROFILE_FLAGS,
  type ProfileFlag,
  MILESTONE_NATURES,
  PLAN_LANGUAGES,
  type PlanLanguage,
  type MilestoneNature,
  type Pathway,
  type Jurisdiction,
  type AgencyType,
  type RulePack,
  type MilestoneRule,
  type DateExpression,
  type RulePackSettings,
} from './rule-packs/types.ts';

export { PATHWAY_MACHINES } from './machines/index.ts';
export {
  applyEvent,
  startPathway,
  persistPathway,
  restorePathway,
  type PathwayRun,
  type PersistedPathwayRun,
  type Rejection,
} from './machines/pathway-runner.ts';

export { parseIsoDate, toIsoDate, isoToDay, addMonths, addDays, type DayNumber } from './dates/calendar-date.ts';
export { formatLongDate } from './plan/format-date.ts';
export { displayName, shortName } from './people/names.ts';
export { birthday, ageInYears } from './people/birthdays.ts';
export { dateOfAge, ageOn, type LeapDayBirthday } from './dates/ages.ts';
export {
  schoolYearStart,
  schoolYearEnd,
  schoolYearOn,
  endOfCompulsorySchool,
  cohortYear,
  type SchoolCalendar,
} from './dates/school-year.ts';
export { syntheticPerson, syntheticDanishPerson, type SyntheticPerson } from './synthetic/synthetic-people.ts';
export { isValidNhsNumber, ZNhsNumber } from './nhs-number.ts';
export { isValidUpn, ZUpn } from './upn.ts';

export {
  REVIEW_STEPS,
  REVIEW_DECISIONS,
  type ReviewStepId,
  type ReviewDecision,
  type ReviewKind,
  type ReviewRules,
  type ReviewStepRule,
  type AdviceRules,
} from './rule-packs/types.ts';
export {
  reviewClock,
  nextReviewStep,
  invitationsSentOn,
  REVIEW_STEP_STATUSES,
  type ReviewFacts,
  type ReviewStep,
  type ReviewStepStatus,
} from './reviews/review-clock.ts';
export {
  defaultAdviceDue,
  adviceStatus,
  adviceLetterDue,
  isActionLate,
  ADVICE_STATUSES,
  ACTION_STATUSES,
  type AdviceStatus,
  type ActionStatus,
} from './reviews/follow-ups.ts';
export { reviewKindOf, reviewRulesOf } from './reviews/review-kinds.ts';
export {
  SERVICE_TOPICS,
  PATHWAY_TOPICS,
  MILESTONE_TOPICS,
  topicsForMilestone,
  topicsOfText,
  type ServiceTopic,
} from './local-offer/topics.ts';
