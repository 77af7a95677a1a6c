import type { ProfileFlag } from '../rule-packs/types.ts';
import type { PathwayEvent, ClockEvent } from '../events/pathway-event.ts';

/**
 * What every pathway machine is started with: the person's key dates, already worked out by
 * the jurisdiction's rule pack, and their profile flags. Machines compare ISO date strings
 * (which order correctly as text) and never read the wall clock.
 *
 * Rule for machine authors: an eventless (`always`) guard may compare the event's date only
 * with dates held in context. The runner relies on it to skip steps that cannot change
 * anything (see `crossesContextDate`); the equivalence tests against XState check it.
 */
export type PathwayMachineInput = {
  dateOfBirth: string;
  keyDates: KeyDates;
  flags: Record<ProfileFlag, boolean> & { hasStatutoryPlan: boolean };
};

export type KeyDates = {
  /** First day of school year 9 (England: the academic year they turn 14). */
  year9Start: string;
  age16: string;
  /** The age of majority (18 in England and Denmark). */
  adulthood: string;
  /** First day of the school year in which they turn 19 (post-19 decision). */
  age19SchoolYearStart: string;
  /** First day no longer covered by the statutory plan (England: the 25th birthday). */
  planEndsOn: string;
  /** The same with an end-of-academic-year extension (England: CFA 2014 s.46), if the pack has one. */
  extendedPlanEndsOn: string;
};

/** Events a machine may be sent: the dated log plus the clock. */
export type MachineEvent = PathwayEvent | ClockEvent;

/** The date an event happened; undefined for XState's own init event. */
export function dateOf(event: { type: string; date?: string }): string | undefined {
  return event.date;
}

/** True when the event is dated on or after `date`. */
export function isOnOrAfter(event: { type: string; date?: string }, date: string): boolean {
  const eventDate = dateOf(event);
  return eventDate !== undefined && eventDate >= date;
}
