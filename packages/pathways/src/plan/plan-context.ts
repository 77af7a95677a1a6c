import type { DayNumber } from '../dates/calendar-date.ts';
import type { PathwayEvent } from '../events/pathway-event.ts';
import type { Profile } from '../profile.ts';
import type { MilestoneRule, RulePack, RulePackSettings } from '../rule-packs/types.ts';
import type { KeyDayNumbers } from './key-dates.ts';

/** Everything one person's plan is worked out from. Built once per plan. */
export type PlanContext = {
  pack: RulePack;
  settings: RulePackSettings;
  profile: Profile;
  dateOfBirth: DayNumber;
  asOf: DayNumber;
  keyDates: KeyDayNumbers;
  /** Accepted events (rejected ones never count), in date order, by type. */
  eventsByType: Map<string, AcceptedEvent[]>;
  rulesById: Map<string, MilestoneRule>;
  /** Memo of milestone dates, so a rule that refers to another is worked out once. */
  milestoneDates: Map<string, MilestoneDates>;
  /** Milestone ids being evaluated, to report reference cycles instead of overflowing the stack. */
  resolving: Set<string>;
};

export type AcceptedEvent = { event: PathwayEvent; day: DayNumber };

export type MilestoneDates = { windowStart: DayNumber | undefined; due: DayNumber | undefined };
