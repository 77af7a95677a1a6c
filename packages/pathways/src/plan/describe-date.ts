import type { DayNumber } from '../dates/calendar-date.ts';
import { EVENT_CATALOGUE, isEventType } from '../events/catalogue.ts';
import type { DateExpression, DateOffset, RecordedDate } from '../rule-packs/types.ts';
import {
  compulsorySchoolOffset,
  evaluateDate,
  eventDate,
  isPlanExtended,
  milestoneDates,
  transferDeadline,
} from './evaluate-date.ts';
import { formatLongDate } from './format-date.ts';
import { latestMatchingEvent } from './match-events.ts';
import type { PlanContext } from './plan-context.ts';

/**
 * In words, what the date of an expression was worked out from, e.g. "move expected at the
 * start of Year 12 on 1 September 2028", or undefined when it has no date.
 */
export function describeDate(expression: DateExpression, context: PlanContext): string | undefined {
  const base = describeBase(expression, context);
  return base === undefined || !expression.plus ? base : `${base}, ${describeOffset(expression.plus)}`;
}

function describeBase(expression: DateExpression, context: PlanContext): string | undefined {
  const { pack, profile } = context;
  const day = (date: DayNumber) => formatLongDate(date, pack.locale);
  switch (expression.at) {
    case 'birthday': {
      const date = evaluateDate({ ...expression, plus: undefined }, context);
      const months = expression.months ? ` and ${expression.months} months` : '';
      return date === undefined ? undefined : `aged ${expression.years}${months} on ${day(date)}`;
    }
    case 'schoolYearStart':
    case 'schoolYearEnd': {
      const date = evaluateDate({ ...expression, plus: undefined }, context);
      if (date === undefined) return undefined;
      const year = expression.byAge
        ? `the school year they turn ${expression.schoolYear + pack.schoolCalendar.yearNumberOffset}`
        : `Year ${expression.schoolYear}`;
      const edge = expression.at === 'schoolYearStart' ? 'starts' : 'ends';
      return `${year} ${edge} ${day(date)}${describeYearGroup(expression.byAge ? 0 : profile.yearGroupOffset)}`;
    }
    case 'endOfCompulsorySchool': {
      const date = evaluateDate({ at: 'endOfCompulsorySchool' }, context);
      return date === undefined
        ? undefined
        : `end of compulsory school age on ${day(date)}${describeYearGroup(compulsorySchoolOffset(context))}`;
    }
    case 'transferDeadline': {
      const transfer = transferDeadline(expression.transfer, context);
      if (!transfer) return undefined;
      const move = transfer.isPlanned
        ? `move planned for ${day(transfer.move)}`
        : `move expected at the start of Year ${transfer.defaultSchoolYear} on ${day(transfer.move)}${describeYearGroup(profile.yearGroupOffset)}`;
      const lastDay =
        context.settings.transferDeadlineDisplay === 'last_compliant_day'
          ? '; shown as the last day before the deadline'
          : '';
      return move + lastDay;
    }
    case 'planEnd': {
      const date = evaluateDate({ at: 'planEnd' }, context);
      if (date === undefined) return undefined;
      return isPlanExtended(context)
        ? `plan kept to the end of the academic year: last day ${day(date)}`
        : `last day before the ${pack.planEnd?.age ?? 25}th birthday is ${day(date)}`;
    }
    case 'recorded': {
      const date = evaluateDate({ at: 'recorded', field: expression.field }, context);
      return date === undefined ? undefined : `${RECORDED_DATE_WORDS[expression.field]} ${day(date)}`;
    }
    case 'event': {
      const match = latestMatchingEvent(context, expression.type, expression.where);
      if (!match) return undefined;
      const label = isEventType(expression.type)
        ? EVENT_CATALOGUE[expression.type].label.toLowerCase()
        : expression.type;
      const date = eventDate(match, expression.field);
      if (date === undefined) return undefined;
      return expression.field ? `${label} on ${day(match.day)} for ${day(date)}` : `${label} on ${day(match.day)}`;
    }
    case 'milestone': {
      const dates = milestoneDates(expression.id, context);
      const rule = context.rulesById.get(expression.id);
      const date = expression.point === 'due' ? dates.due : dates.windowStart;
      const inner = rule
        ? describeDate(expression.point === 'due' ? rule.due : (rule.windowStart ?? rule.due), context)
        : undefined;
      if (date === undefined) return undefined;
      return `"${rule?.title ?? expression.id}" ${expression.point === 'due' ? 'due' : 'opens'} ${day(date)}${inner ? ` (${inner})` : ''}`;
    }
    case 'firstOf':
      for (const option of expression.of) {
        if (evaluateDate(option, context) !== undefined) return describeDate(option, context);
      }
      return undefined;
    case 'latestOf': {
      let latest: { date: DayNumber; option: DateExpression } | undefined;
      for (const option of expression.of) {
        const date = evaluateDate(option, context);
        if (date !== undefined && (!latest || date > latest.date)) latest = { date, option };
      }
      return latest ? describeDate(latest.option, context) : undefined;
    }
  }
}

const RECORDED_DATE_WORDS: Record<RecordedDate, string> = { ehcPlanIssuedOn: 'plan first issued on' };

function describeOffset(offset: DateOffset): string {
  const parts = (['years', 'months', 'weeks', 'days'] as const).flatMap((unit) => {
    const amount = offset[unit];
    if (!amount) return [];
    const size = Math.abs(amount);
    return [`${size} ${size === 1 ? unit.slice(0, -1) : unit} ${amount < 0 ? 'before' : 'after'}`];
  });
  return parts.join(', ');
}

function describeYearGroup(offset: number): string {
  if (offset === 0) return '';
  const years = Math.abs(offset);
  return ` (taught ${years} year${years === 1 ? '' : 's'} ${offset > 0 ? 'behind' : 'ahead of'} their age group)`;
}
