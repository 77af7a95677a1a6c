import type { DayNumber } from '../dates/calendar-date.ts';
import type { EventType } from '../events/catalogue.ts';
import type { KeyDates } from '../machines/machine-input.ts';
import type { Rejection } from '../machines/pathway-runner.ts';
import type {
  AgencyType,
  Confidence,
  Jurisdiction,
  MilestoneKind,
  MilestoneRule,
  Pathway,
  Source,
} from '../rule-packs/types.ts';

export type MilestoneStatus = 'done' | 'overdue' | 'due' | 'upcoming' | 'not_applicable';

/**
 * One milestone of a person's plan as of the plan date, without its explanation: what a store
 * of caseload rows needs. Dates are ISO `YYYY-MM-DD`.
 */
export type MilestoneSchedule = {
  id: string;
  pathway: Pathway;
  title: string;
  description: string;
  status: MilestoneStatus;
  /** By when it should happen (for a recurring milestone, its next occurrence). */
  dueDate: string | null;
  /** When its window opens: "due" means the plan date is between this and `dueDate`. */
  windowStart: string | null;
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
  completedOn: DayNumber | undefined;
  lastDoneOn: DayNumber | undefined;
  notApplicableReason: string | undefined;
};

/** Why a pathway has ended, for its remaining milestones. */
export type PathwayEnding = { endedOn: DayNumber; reason: string };
