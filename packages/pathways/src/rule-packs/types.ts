import type { LeapDayBirthday } from '../dates/ages.ts';
import type { SchoolCalendar } from '../dates/school-year.ts';

export const PATHWAYS = [
  'education',
  'employment',
  'health',
  'social_care',
  'independent_living',
  'community',
  'finance_legal',
  'palliative',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

export const JURISDICTIONS = ['england', 'denmark'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Agency types from domain.md (England, then Denmark). */
export const AGENCY_TYPES = [
  'la_send',
  'school',
  'childrens_social_care',
  'adult_social_care',
  'nhs_childrens',
  'nhs_adult',
  'icb_continuing_care',
  'gp',
  'dwp',
  'careers',
  'palliative',
  'housing',
  'young_person',
  'family',
  'municipality',
  'region',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** Profile flags a rule can depend on. */
export const PROFILE_FLAGS = [
  'hasEhcPlan',
  'lifeLimitingCondition',
  /** In children's continuing care, or likely to need adult NHS Continuing Healthcare. */
  'complexHealthNeeds',
  'learningDisability',
  'likelyAdultCareNeeds',
  'receivesDisabilityLivingAllowance',
  /** May lack capacity for some decisions (Mental Capacity Act 2005). */
  'mayLackCapacity',
  /** Looked after / placed in care (Denmark: anbragt). */
  'placedInCare',
  /** Has a parent or other carer who may need a carer's assessment. */
  'hasCarer',
  /** Sees children's health services (a paediatrician, a children's nurse or therapist): NICE NG43 transition applies. */
  'usesChildrensHealthServices',
  /** Sees children's mental health services (CAMHS), whose transfer to adult services is planned apart. */
  'usesChildrensMentalHealthServices',
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];

/** Legal weight, as in domain.md: stat, stat-g, gp, derived. */
export type MilestoneKind = 'statutory' | 'statutory_guidance' | 'good_practice' | 'derived';

/** C = primary text read; S = secondary sources only; U = unconfirmed (domain.md). */
export type Confidence = 'C' | 'S' | 'U';

export type Source = { document: string; section?: string };

/**
 * What a milestone is, which decides what its status can mean. Only a task can be late: a
 * legal fact is dated information, a continuing duty is a period.
 */
export const MILESTONE_NATURES = ['task', 'legal_fact', 'continuing_duty'] as const;
export type MilestoneNature = (typeof MILESTONE_NATURES)[number];

export type DateOffset = { years?: number; months?: number; weeks?: number; days?: number };

/**
 * A date worked out from the profile, the event log or another milestone. Every variant
 * may carry `plus`, applied after the base date (months clamp to month end).
 */
export type DateExpression = (
  | { at: 'birthday'; years: number; months?: number }
  /** `byAge`: the chronological school year, ignoring a year-group offset (for rules tied to age, e.g. "the year they turn 19"). */
  | { at: 'schoolYearStart'; schoolYear: number; byAge?: boolean }
  | { at: 'schoolYearEnd'; schoolYear: number; byAge?: boolean }
  | { at: 'endOfCompulsorySchool' }
  /** Statutory deadline for a phase transfer, from the planned move date (or the pack's default move). */
  | { at: 'transferDeadline'; transfer: TransferKind }
  | { at: 'planEnd' }
  /** A date recorded on the young person's record (e.g. when the EHC plan was first issued). */
  | { at: 'recorded'; field: RecordedDate }
  /** The latest accepted event of this type; `field` reads a date from its payload instead of its date. */
  | { at: 'event'; type: string; where?: Record<string, string | boolean>; field?: string }
  | { at: 'milestone'; id: string; point: 'due' | 'windowStart' }
  /** The first expression that can be worked out, in order (e.g. a planned date, else the default). */
  | { at: 'firstOf'; of: DateExpression[] }
  | { at: 'latestOf'; of: DateExpression[] }
  /** The earliest that can be worked out (e.g. the 18th birthday, or a level 3 qualification if sooner). */
  | { at: 'earliestOf'; of: DateExpression[] }
) & { plus?: DateOffset };

/** Dates a young person's record may hold, which rules can date from. */
export const RECORDED_DATES = ['ehcPlanIssuedOn'] as const;
export type RecordedDate = (typeof RECORDED_DATES)[number];

export type TransferKind = 'post16' | 'other' | 'post16_to_post16';

/** When a milestone applies; unmet conditions give the plain-language reason `not_applicable`. */
export type Condition =
  | { flag: ProfileFlag }
  | { event: string; where?: Record<string, string | boolean> }
  /**
   * The statutory plan existed by this date: a plan first issued afterwards never had this
   * milestone (with no issue date recorded, it is assumed to have existed).
   */
  | { planIssuedBy: DateExpression }
  | { all: Condition[] }
  | { any: Condition[] }
  /** Applies unless the inner condition holds; `because` is the plain-language reason when it does. */
  | { not: Condition; because: string };

/** An accepted event that completes a milestone. */
export type Completion = {
  type: string;
  where?: Record<string, string | boolean>;
  /** Only events on or after the milestone's window start count (e.g. "the review in Year 9"). */
  onlyWithinWindow?: boolean;
};

export type Recurrence = {
  /** Next occurrence is due this many months after the last one was done. */
  everyMonths: number;
  /** Its window opens this many months before it is due. */
  windowMonths: number;
  /** No occurrence is due after this date (e.g. the end of the plan, or transfer to adult teams). */
  until?: DateExpression;
};

export type MilestoneRule = {
  id: string;
  pathway: Pathway;
  /** Plain language, for the young person ("you"). */
  title: string;
  /** For their parent or carer, where `title` speaks to the young person: `{name}` stands for their name. */
  familyTitle?: string;
  /** For staff and other agencies: caseloads, reminders, handover packs, forecasts. */
  staffTitle: string;
  /** Plain language (reading age about 9), what happens and why it matters to them. */
  description: string;
  /**
   * The same for their parent or carer, about the young person by name: `{name}` stands for
   * it ("At {name}’s review in Year 9, …").
   */
  familyDescription: string;
  /** The dating rule in words, completing "Due by <date>: …" in an explanation. */
  rule: string;
  /** Default `task`. A legal fact's `due` is the day it takes effect; a duty's is the day it starts. */
  nature?: MilestoneNature;
  /** A legal fact or duty that runs for a period: the last day it runs. */
  until?: DateExpression;
  /**
   * A task that can no longer be done as such after this day is `missed`, not late (a Year 9
   * review for someone now 17). Leave it out for work that is still owed however late.
   */
  missedAfter?: DateExpression;
  /** Once missed: what to do instead, in plain language ("Ask for an adult needs assessment."). */
  ifMissed?: string;
  /** When the due date cannot be worked out: the fact to record, completing "Record …" ("the date the EHC plan was issued"). */
  dateNeeds?: string;
  /** When the window opens. Recurring milestones may leave it out: it opens `recurrence.windowMonths` before each due date. */
  windowStart?: DateExpression;
  due: DateExpression;
  recurrence?: Recurrence;
  /** Done when the pathway's machine reaches its end (e.g. the EHC plan ends at 25). */
  isPathwayEnd?: boolean;
  appliesWhen?: Condition;
  /** Events that complete it. Empty or absent: recorded with a `milestone.recorded` event. */
  completedBy?: Completion[];
  leadAgency: AgencyType;
  contributingAgencies: AgencyType[];
  kind: MilestoneKind;
  source: Source;
  confidence: Confidence;
};

export type RulePackSettings = {
  /** Default `march_1` (a full year has elapsed); test both (domain.md §2). */
  leapDayBirthday: LeapDayBirthday;
  /** Show the statutory date ("by 31 March") or the last compliant day before it (30 March). */
  transferDeadlineDisplay: 'statutory' | 'last_compliant_day';
  /** Default false: the end of compulsory school age is tied to age, not year group (domain.md §2, U). */
  yearGroupOffsetMovesCompulsorySchoolAge: boolean;
};

export type TransferDeadlineRule =
  | {
      /** Deadline date in the calendar year of the move. */
      month: number;
      day: number;
      /** Or: months before the move date (post-16 to post-16 moves mid-year). */
    }
  | { monthsBeforeMove: number };

/** Languages a plan can be read in: the interface's languages. */
export const PLAN_LANGUAGES = ['en', 'da'] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];
export const LOCALE_OF_LANGUAGE = { en: 'en-GB', da: 'da-DK' } as const satisfies Record<PlanLanguage, string>;

/** What a reader sees of a rule, which a pack may give in another language. */
export type RuleTexts = Pick<
  MilestoneRule,
  'title' | 'familyTitle' | 'staffTitle' | 'description' | 'familyDescription' | 'rule' | 'ifMissed' | 'dateNeeds'
>;

/** A pack's texts in another language: every milestone's, every reason's, every agency's name. */
export type PackTranslation = {
  name: string;
  milestones: Record<string, RuleTexts>;
  conditionReasons: RulePack['conditionReasons'];
  agencyNames: RulePack['agencyNames'];
  abbreviations: RulePack['abbreviations'];
};

export type RulePack = {
  jurisdiction: Jurisdiction;
  name: string;
  /** BCP 47 locale of the pack's texts, and of dates in explanations. */
  locale: (typeof LOCALE_OF_LANGUAGE)[PlanLanguage];
  /** The same texts in other languages (`packIn` gives the pack in one of them). */
  translations?: Partial<Record<PlanLanguage, PackTranslation>>;
  settings: RulePackSettings;
  schoolCalendar: SchoolCalendar;
  /** The age of majority: machines use it for "adult services from 18" guards. */
  adulthoodAge: number;
  /** The statutory plan's last covered day is the day before this birthday. */
  planEnd?: {
    age: number;
    /** Optional extension to the end of the academic year (England: s.46 / reg. 46, 31 July). */
    extension?: { month: number; day: number; capAge: number; eventType: string };
  };
  transfers?: Partial<Record<TransferKind, TransferDeadlineRule & { defaultMoveSchoolYear?: number }>>;
  /** Which profile flag makes the statutory education plan exist (England: hasEhcPlan). */
  statutoryEducationPlan: ProfileFlag | 'never';
  pathways: Pathway[];
  /** Plain-language reasons for unmet conditions, one per flag or event. */
  conditionReasons: Partial<Record<ProfileFlag, string>> & Record<string, string>;
  agencyNames: Partial<Record<AgencyType, string>>;
  /** Every abbreviation a young person's text uses, in words (Easy Read spells each out once). */
  abbreviations: Record<string, string>;
  milestones: MilestoneRule[];
  /** Reviews and meetings a young person may have, each with its clock. */
  reviews: ReviewRules;
};

// Reviews and meetings: the kinds a pack has and each one's clock.

/** The steps a review's clock can have, in the order they happen. */
export const REVIEW_STEPS = [
  'invitations',
  'advice_circulated',
  'meeting',
  'report',
  'decision',
  'final_plan',
  'appeal',
] as const;
export type ReviewStepId = (typeof REVIEW_STEPS)[number];

/** What the council decides after an EHC review (SEND Regulations 2014 reg. 20(10)). */
export const REVIEW_DECISIONS = ['keep', 'amend', 'cease'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * The day a step counts from: the meeting; the council's decision; or the letter people can
 * appeal against (the final amended plan after a decision to amend, else the decision).
 */
export type ReviewClockBase = 'meeting' | 'decision' | 'appealable_letter';

/**
 * A deadline that falls on a Saturday or Sunday: a task is due the working day before (an
 * office that acts on the Friday is in time); a period someone else has, such as the time to
 * appeal, runs to the next working day (Tribunal Procedure (First-tier Tribunal) (HESC)
 * Rules 2008 r.12(2)).
 */
export type NonWorkingDayRule = 'earlier' | 'later' | 'as_calculated';

export type ReviewStepRule = {
  id: ReviewStepId;
  from: ReviewClockBase;
  /** From the base day: negative before it ("at least two weeks before the meeting"). */
  offset: DateOffset;
  /** Only after one of these decisions (the final amended plan follows a decision to amend). */
  onlyAfterDecision?: readonly ReviewDecision[];
  /** A task can be late; a legal fact (the time to appeal) is a period that is open, then closed. */
  nature: 'task' | 'legal_fact';
  onNonWorkingDay: NonWorkingDayRule;
  /** The plan milestone this step is, where the pack has one (a test keeps their dates in step). */
  milestoneId?: string;
  kind: MilestoneKind;
  source: Source;
  confidence: Confidence;
};

/** How advice is asked for before a meeting, and followed up (the law sets only the circulation date). */
export type AdviceRules = {
  /** Advice is due this long before the meeting, so it can be read and circulated in time. */
  dueBeforeMeeting: DateOffset;
  /** A reminder goes this many days before advice is due. */
  remindDaysBefore: number;
  /** A chaser goes the day after it is due, and again every this many days until it comes or the meeting is held. */
  chaseEveryDays: number;
  source: Source;
};

/** One kind of review or meeting a young person may have, with its clock. */
export type ReviewKind = {
  id: string;
  title: Record<PlanLanguage, string>;
  pathway: Pathway;
  /** A young person must have this flag for the kind to apply (an EHC review needs an EHC plan). */
  needsFlag?: ProfileFlag;
  /**
   * Events the review records in the young person's log as it goes, so nothing is entered
   * twice: arranging the meeting (dated the day it is arranged, with `meetingDate`), holding
   * it (dated the meeting), the council's decision (`decision`), the final amended plan.
   */
  events: { planned?: string; held?: string; decision?: string; finalPlan?: string };
  /** The plan milestone that says when the next one of this kind is due (the yearly review). */
  nextDueMilestoneId?: string;
  steps: readonly ReviewStepRule[];
  source: Source;
};

export type ReviewRules = {
  kinds: readonly ReviewKind[];
  advice: AdviceRules;
};
