import { dateOfAge } from '../dates/ages.ts';
import { addDays, addMonths, fromParts, isoToDay, toParts, type DayNumber } from '../dates/calendar-date.ts';
import { endOfCompulsorySchool, schoolYearEnd, schoolYearStart } from '../dates/school-year.ts';
import type { DateExpression, DateOffset, RecordedDate, TransferKind } from '../rule-packs/types.ts';
import { latestMatchingEvent } from './match-events.ts';
import type { AcceptedEvent, MilestoneDates, PlanContext } from './plan-context.ts';

/**
 * Works out the date a rule expression names for this person, or `undefined` when it depends
 * on something that has not happened (e.g. no move planned). `describeDate` gives the same
 * walk in words, for explanations; keeping them apart keeps caseload planning fast.
 */
export function evaluateDate(expression: DateExpression, context: PlanContext): DayNumber | undefined {
  const base = evaluateBase(expression, context);
  return base === undefined || !expression.plus ? base : applyOffset(base, expression.plus);
}

function evaluateBase(expression: DateExpression, context: PlanContext): DayNumber | undefined {
  const { pack, profile, settings, dateOfBirth } = context;
  switch (expression.at) {
    case 'birthday':
      return dateOfAge(dateOfBirth, expression.years, expression.months ?? 0, settings.leapDayBirthday);
    case 'schoolYearStart':
      return schoolYearStart(
        dateOfBirth,
        expression.schoolYear,
        expression.byAge ? 0 : profile.yearGroupOffset,
        pack.schoolCalendar,
      );
    case 'schoolYearEnd':
      return schoolYearEnd(
        dateOfBirth,
        expression.schoolYear,
        expression.byAge ? 0 : profile.yearGroupOffset,
        pack.schoolCalendar,
      );
    case 'endOfCompulsorySchool':
      return endOfCompulsorySchool(dateOfBirth, compulsorySchoolOffset(context), pack.schoolCalendar);
    case 'transferDeadline':
      return transferDeadline(expression.transfer, context)?.deadline;
    case 'planEnd':
      return addDays(isPlanExtended(context) ? context.keyDates.extendedPlanEndsOn : context.keyDates.planEndsOn, -1);
    case 'recorded':
      return recordedDate(expression.field, context);
    case 'event': {
      const match = latestMatchingEvent(context, expression.type, expression.where);
      return match ? eventDate(match, expression.field) : undefined;
    }
    case 'milestone': {
      const dates = milestoneDates(expression.id, context);
      return expression.point === 'due' ? dates.due : dates.windowStart;
    }
    case 'firstOf':
      for (const option of expression.of) {
        const date = evaluateDate(option, context);
        if (date !== undefined) return date;
      }
      return undefined;
    case 'latestOf':
    case 'earliestOf': {
      const isLatest = expression.at === 'latestOf';
      let chosen: DayNumber | undefined;
      for (const option of expression.of) {
        const date = evaluateDate(option, context);
        if (date !== undefined && (chosen === undefined || (isLatest ? date > chosen : date < chosen))) chosen = date;
      }
      return chosen;
    }
  }
}

/**
 * A date held on the record. The EHC plan's issue date is the record's field, else the first
 * recorded issue of the plan.
 */
export function recordedDate(field: RecordedDate, context: PlanContext): DayNumber | undefined {
  switch (field) {
    case 'ehcPlanIssuedOn': {
      const recorded = context.profile.ehcPlanIssuedOn;
      if (recorded !== undefined) return isoToDay(recorded);
      return context.eventsByType.get('education.ehc_plan_issued')?.[0]?.day;
    }
  }
}

export function compulsorySchoolOffset(context: PlanContext): number {
  return context.settings.yearGroupOffsetMovesCompulsorySchoolAge ? context.profile.yearGroupOffset : 0;
}

export function isPlanExtended(context: PlanContext): boolean {
  const extension = context.pack.planEnd?.extension;
  return extension !== undefined && latestMatchingEvent(context, extension.eventType) !== undefined;
}

/** An event's date, or a date field of its payload (e.g. a planned move date). */
export function eventDate(match: AcceptedEvent, field: string | undefined): DayNumber | undefined {
  if (!field) return match.day;
  const value = (match.event as Record<string, unknown>)[field];
  return typeof value === 'string' ? isoToDay(value) : undefined;
}

export type TransferDeadline = { deadline: DayNumber; move: DayNumber; isPlanned: boolean; defaultSchoolYear?: number };

/**
 * A phase-transfer deadline from the planned move (SEND Regulations 2014 reg. 18): a fixed
 * date in the calendar year of the move, or months before a mid-year move. Without a planned
 * post-16 move, the pack's default move (England: start of Year 12) is assumed.
 */
export function transferDeadline(transfer: TransferKind, context: PlanContext): TransferDeadline | undefined {
  const { pack, settings, profile, dateOfBirth } = context;
  const rule = pack.transfers?.[transfer];
  if (!rule) return undefined;
  const planned = latestMatchingEvent(context, 'education.transfer_planned', { transfer });
  let move: DayNumber;
  let defaultSchoolYear: number | undefined;
  if (planned && planned.event.type === 'education.transfer_planned') {
    move = isoToDay(planned.event.moveDate);
  } else if ('defaultMoveSchoolYear' in rule && rule.defaultMoveSchoolYear !== undefined) {
    defaultSchoolYear = rule.defaultMoveSchoolYear;
    move = schoolYearStart(dateOfBirth, defaultSchoolYear, profile.yearGroupOffset, pack.schoolCalendar);
  } else {
    return undefined;
  }
  const isPlanned = defaultSchoolYear === undefined;
  if ('monthsBeforeMove' in rule)
    return { deadline: addMonths(move, -rule.monthsBeforeMove), move, isPlanned, defaultSchoolYear };
  const statutory = fromParts(toParts(move).year, rule.month, rule.day);
  const deadline = settings.transferDeadlineDisplay === 'last_compliant_day' ? addDays(statutory, -1) : statutory;
  return { deadline, move, isPlanned, defaultSchoolYear };
}

export function applyOffset(date: DayNumber, offset: DateOffset): DayNumber {
  const months = (offset.years ?? 0) * 12 + (offset.months ?? 0);
  const shifted = months === 0 ? date : addMonths(date, months);
  const days = (offset.weeks ?? 0) * 7 + (offset.days ?? 0);
  return days === 0 ? shifted : addDays(shifted, days);
}

// A date expression may name another milestone's dates, and a milestone's dates are date
// expressions: the two are one recursion, so they live in one module.
/**
 * The window start and due date of a milestone, memoised per plan. A recurring milestone
 * without its own window start opens `recurrence.windowMonths` before each due date.
 */
export function milestoneDates(id: string, context: PlanContext): MilestoneDates {
  const known = context.milestoneDates.get(id);
  if (known) return known;
  const rule = context.rulesById.get(id);
  if (!rule) throw new Error(`Rule pack ${context.pack.jurisdiction}: unknown milestone "${id}" referenced`);
  if (context.resolving.has(id))
    throw new Error(`Rule pack ${context.pack.jurisdiction}: milestone "${id}" refers to itself`);
  context.resolving.add(id);
  let due = evaluateDate(rule.due, context);
  if (rule.recurrence && due !== undefined) due = latestOccurrence(due, rule.recurrence.everyMonths, context.asOf);
  let windowStart = rule.windowStart ? evaluateDate(rule.windowStart, context) : undefined;
  if (!rule.windowStart && rule.recurrence && due !== undefined)
    windowStart = addMonths(due, -rule.recurrence.windowMonths);
  // A window from a school year and a due date from an age part company when a child is
  // taught out of their year group; a window that opened after its due date would make the
  // milestone late before it was ever due, so it opens on the due date at the latest.
  if (windowStart !== undefined && due !== undefined && windowStart > due) windowStart = due;
  context.resolving.delete(id);
  const dates = { windowStart, due };
  context.milestoneDates.set(id, dates);
  return dates;
}

/**
 * A recurring milestone's occurrence that matters today: a yearly check never done since 15 is
 * late for this year's occurrence, not still "due at 15" for a 24-year-old. Rolls the first
 * due date on by whole periods to the last one before today (or leaves it if not yet passed).
 */
function latestOccurrence(first: DayNumber, everyMonths: number, today: DayNumber): DayNumber {
  if (first >= today) return first;
  // A month has at most 31 days, so this never overshoots; the loop finishes the count.
  let periods = Math.floor((today - first) / (31 * everyMonths));
  while (addMonths(first, (periods + 1) * everyMonths) < today) periods += 1;
  return addMonths(first, periods * everyMonths);
}
