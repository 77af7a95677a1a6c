import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { PlannedMilestone } from '../api/queries.ts';

export const FIRST_AGE = 14;
export const LAST_AGE = 25;

/** The date of a birthday; 29 February birthdays fall on 1 March in other years (the England pack's default). */
export function birthdayAt(dateOfBirth: string, age: number): string {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const target = year + age;
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (month === 2 && day === 29 && !isLeap(target)) return `${target}-03-01`;
  return `${target}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Where a date sits between the 14th and 25th birthdays, 0–100 (%), clamped to the ends. */
export function positionOf(isoDay: string, dateOfBirth: string): number {
  const start = parseISO(birthdayAt(dateOfBirth, FIRST_AGE));
  const span = differenceInCalendarDays(parseISO(birthdayAt(dateOfBirth, LAST_AGE)), start);
  const offset = differenceInCalendarDays(parseISO(isoDay), start);
  return Math.min(100, Math.max(0, (offset / span) * 100));
}

/** The date a milestone is drawn at: when it was done, else when it is due. */
export function dateOnTimeline(milestone: PlannedMilestone): string | null {
  return milestone.completedOn ?? milestone.dueDate;
}

/** Lanes in pathway order, each with the milestones that have a date and apply to this person. */
export function lanesOf(milestones: readonly PlannedMilestone[], pathwayOrder: readonly string[]) {
  const lanes = new Map<string, PlannedMilestone[]>();
  for (const milestone of milestones) {
    if (milestone.status === 'not_applicable' || !dateOnTimeline(milestone)) continue;
    const lane = lanes.get(milestone.pathway);
    if (lane) lane.push(milestone);
    else lanes.set(milestone.pathway, [milestone]);
  }
  return [...lanes]
    .sort(([a], [b]) => pathwayOrder.indexOf(a) - pathwayOrder.indexOf(b))
    .map(([pathway, items]) => ({
      pathway,
      milestones: items.sort((x, y) => (dateOnTimeline(x) as string).localeCompare(dateOnTimeline(y) as string)),
    }));
}

/** Markers closer than this (in % of the track) would overlap: they go on separate rows of the lane. */
const MIN_GAP = 2.6;
/** A marker's width and a little air, in pixels: what must lie between two markers on one row. */
const MARKER_SPACE_PX = 34;

/**
 * The least gap between markers on one row, in % of a track `trackPx` wide: a narrow (phone)
 * track needs a bigger share, or markers would overlap and be too small to tap.
 */
export function minimumGap(trackPx: number | null): number {
  return trackPx && trackPx > 0 ? Math.max(MIN_GAP, (MARKER_SPACE_PX / trackPx) * 100) : MIN_GAP;
}

/** Gives each position (in order) the first row where it does not overlap the previous marker. */
export function stackRows(positions: readonly number[], minGap = MIN_GAP): number[] {
  const rowEnds: number[] = [];
  return positions.map((position) => {
    let row = rowEnds.findIndex((end) => position - end >= minGap);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = position;
    return row;
  });
}
