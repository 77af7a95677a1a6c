import type { Confidence, MilestoneKind, ReviewStepId, ReviewStepRule, Source } from './types.ts';

/**
 * A clock of steps counted in weeks from the meeting, for meetings outside the EHC
 * regulations (good practice or local practice): a task on a weekend is due the Friday
 * before; the meeting's own day is never moved.
 */
export function weeksFromMeeting(
  weeks: readonly (readonly [ReviewStepId, number])[],
  basis: { kind: MilestoneKind; source: Source; confidence: Confidence },
): ReviewStepRule[] {
  return weeks.map(([id, count]) => ({
    id,
    from: 'meeting',
    offset: count === 0 ? {} : { weeks: count },
    nature: 'task',
    onNonWorkingDay: count === 0 ? 'as_calculated' : 'earlier',
    ...basis,
  }));
}
