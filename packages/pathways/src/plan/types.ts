import type { EasyRead } from './easy-read.ts';
import type { DayNumber } from '../dates/calendar-date.ts';
import type { EventType } from '../events/catalogue.ts';
import type { KeyDates } from '../machines/machine-input.ts';
import type { Rejection } from '../machines/pathway-runner.ts';
import type {
  AgencyType,
  Confidence,
  Jurisdiction,
  MilestoneKind,
  MilestoneNature,
  MilestoneRule,
  Pathway,
  Source,
} from '../rule-packs/types.ts';

/**
 * A task's statuses: someone must do something by a date. `missed`: its window has closed and
 * it can no longer be done as such; `not_known`: its date needs a fact nobody has recorded.
 * `due`, `upcoming` and `overdue` are live work; the others are not.
 */
export const TASK_STATUSES = ['done', 'overdue', 'due', 'upcoming', 'missed', 'not_known'] as const;
/** A legal fact's or a continuing duty's statuses: before, during and after the period it runs. Never late. */
export const PERIOD_STATUSES = ['starts_later', 'in_effect', 'ended'] as const;
export const MILESTONE_STATUSES = [...TASK_STATUSES, ...PERIOD_STATUSES, 'not_applicable'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
/** Work still to do: what a caseload, a reminder and the forecast count. */
export const LIVE_STATUSES = ['overdue', 'due', 'upcoming'] as const satisfies readonly TaskStatus[];

/**
 * One milestone of a person's plan as of the plan date, without its explanation: what a store
 * of caseload rows needs. Dates are ISO `YYYY-MM-DD`.
 */
export type MilestoneSchedule = {
  id: string;
  pathway: Pathway;
  /** For the young person ("you"). */
  title: string;
  /** For staff and other agencies. */
  staffTitle: string;
  description: string;
  /** For their parent or carer: `{name}` stands for the young person's name. */
  familyTitle: string;
  familyDescription: string;
  /** A task, a legal fact or a continuing duty: which statuses it can have. */
  nature: MilestoneNature;
  status: MilestoneStatus;
  /**
   * A task: by when it should happen (for a recurring milestone, its next occurrence). A legal
   * fact or duty: the day it takes effect or starts.
   */
  dueDate: string | null;
  /** When its window opens: "due" means the plan date is between this and `dueDate`. */
  windowStart: string | null;
  /** A task: the last day it can be done as such (missed after it). A fact or duty: the last day it runs. */
  closesOn: string | null;
  /** A missed task: what to do instead, in plain language. */
  ifMissed: string | null;
  /** A task whose date is not known: the fact to record. */
  dateNeeds: string | null;
  completedOn: string | null;
  /** For recurring milestones: when the last occurrence was done. */
  lastDoneOn: string | null;
  isRecurring: boolean;
  leadAgency: AgencyType;
  contributingAgencies: AgencyType[];
  kind: MilestoneKind;
  source: Source;
  confidence: Confidence;
  notApplicableReason: string | null;
  /** Event types that complete it: `milestone.recorded` means "mark as done" is enough; otherwise record its own event. */
  completedBy: readonly string[];
};

/** One milestone of a person's plan as of the plan date, as a person reads it. Plain data. */
export type PlannedMilestone = MilestoneSchedule & {
  /** One sentence: why it has this date and status (rule + inputs + source). */
  explanation: string;
  /** The title and description in Easy Read: short lines, abbreviations in words. */
  easyRead: EasyRead;
};

export type PathwayStatus = {
  pathway: Pathway;
  /** XState state value as a dotted path, e.g. `active.phase.post16 + active.plan.maintained`. */
  state: string;
  description: string;
  isEnded: boolean;
  endReason: string | null;
  /** Events that the current state accepts (offer only these in "record what happened"). */
  nextEvents: EventType[];
};

export type RejectedEvent = {
  /** Position in the event list as given. */
  index: number;
  id: string | null;
  type: string;
  date: string | null;
  code: Rejection['code'] | 'invalid' | 'before_birth' | 'unknown_milestone' | 'not_in_jurisdiction';
  reason: string;
};

export type Plan = {
  asOf: string;
  jurisdiction: Jurisdiction;
  keyDates: KeyDates;
  milestones: PlannedMilestone[];
  pathways: PathwayStatus[];
  rejectedEvents: RejectedEvent[];
};

/** A plan without the explanations: what a store of caseload rows keeps. */
export type PlanSchedule = Omit<Plan, 'milestones'> & { milestones: MilestoneSchedule[] };

/** What the status of one milestone was worked out from, before it is explained in words. */
export type MilestoneFacts = {
  rule: MilestoneRule;
  status: MilestoneStatus;
  windowStart: DayNumber | undefined;
  due: DayNumber | undefined;
  closesOn: DayNumber | undefined;
  completedOn: DayNumber | undefined;
  lastDoneOn: DayNumber | undefined;
  notApplicableReason: string | undefined;
};

/** Why a pathway has ended, for its remaining milestones. */
export type PathwayEnding = { endedOn: DayNumber; reason: string };
