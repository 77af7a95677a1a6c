import type { DayNumber } from '../dates/calendar-date.ts';
import { isEventType } from '../events/catalogue.ts';
import { eventLabel } from '../events/event-labels.ts';
import { languageOf } from '../rule-packs/pack-in-language.ts';
import type { DateExpression, DateOffset, RecordedDate } from '../rule-packs/types.ts';
import {
  compulsorySchoolOffset,
  evaluateDate,
  eventDate,
  isPlanExtended,
  milestoneDates,
  transferDeadline,
} from './evaluate-date.ts';
import { latestMatchingEvent } from './match-events.ts';
import type { PlanContext } from './plan-context.ts';
import { phrasesFor, type Phrases } from './phrases.ts';

/**
 * In words, in the pack's language, what the date of an expression was worked out from, e.g.
 * "no move recorded, so one is assumed at the start of Year 12 on 1 September 2028", or
 * undefined when it has no date.
 */
export function describeDate(expression: DateExpression, context: PlanContext): string | undefined {
  const base = describeBase(expression, context);
  return base === undefined || !expression.plus ? base : `${base}, ${describeOffset(expression.plus, context)}`;
}

function describeBase(expression: DateExpression, context: PlanContext): string | undefined {
  const { pack, profile } = context;
  const words = phrasesFor(pack);
  const day = words.day;
  switch (expression.at) {
    case 'birthday': {
      const date = evaluateDate({ ...expression, plus: undefined }, context);
      return date === undefined ? undefined : words.aged(expression.years, expression.months, day(date));
    }
    case 'schoolYearStart':
    case 'schoolYearEnd': {
      const date = evaluateDate({ ...expression, plus: undefined }, context);
      if (date === undefined) return undefined;
      const year = expression.byAge
        ? words.schoolYearTurning(expression.schoolYear + pack.schoolCalendar.yearNumberOffset)
        : words.schoolYear(expression.schoolYear);
      const edge = expression.at === 'schoolYearStart' ? 'starts' : 'ends';
      return (
        words.schoolYearEdge(year, edge, day(date)) +
        describeYearGroup(expression.byAge ? 0 : profile.yearGroupOffset, context)
      );
    }
    case 'endOfCompulsorySchool': {
      const date = evaluateDate({ at: 'endOfCompulsorySchool' }, context);
      return date === undefined
        ? undefined
        : words.endOfCompulsorySchool(day(date)) + describeYearGroup(compulsorySchoolOffset(context), context);
    }
    case 'transferDeadline': {
      const transfer = transferDeadline(expression.transfer, context);
      if (!transfer) return undefined;
      const move = transfer.isPlanned
        ? words.movePlanned(day(transfer.move))
        : words.moveExpected(transfer.defaultSchoolYear ?? 0, day(transfer.move)) +
          describeYearGroup(profile.yearGroupOffset, context);
      const lastDay = context.settings.transferDeadlineDisplay === 'last_compliant_day' ? words.lastCompliantDay : '';
      return move + lastDay;
    }
    case 'planEnd': {
      const date = evaluateDate({ at: 'planEnd' }, context);
      if (date === undefined) return undefined;
      return isPlanExtended(context)
        ? words.planExtended(day(date))
        : words.planEnds(pack.planEnd?.age ?? 25, day(date));
    }
    case 'recorded': {
      const date = evaluateDate({ at: 'recorded', field: expression.field }, context);
      return date === undefined ? undefined : RECORDED_DATE_WORDS[expression.field](words, day(date));
    }
    case 'event': {
      const match = latestMatchingEvent(context, expression.type, expression.where);
      if (!match) return undefined;
      const label = isEventType(expression.type)
        ? eventLabel(expression.type, languageOf(pack)).toLowerCase()
        : expression.type;
      const date = eventDate(match, expression.field);
      if (date === undefined) return undefined;
      return words.eventOn(label, day(match.day), expression.field ? day(date) : undefined);
    }
    case 'milestone': {
      const dates = milestoneDates(expression.id, context);
      const rule = context.rulesById.get(expression.id);
      const date = expression.point === 'due' ? dates.due : dates.windowStart;
      const inner = rule
        ? describeDate(expression.point === 'due' ? rule.due : (rule.windowStart ?? rule.due), context)
        : undefined;
      if (date === undefined) return undefined;
      return `${words.milestoneDate(rule?.title ?? expression.id, expression.point, day(date))}${inner ? ` (${inner})` : ''}`;
    }
    case 'firstOf':
      for (const option of expression.of) {
        if (evaluateDate(option, context) !== undefined) return describeDate(option, context);
      }
      return undefined;
    case 'latestOf':
    case 'earliestOf': {
      const isLatest = expression.at === 'latestOf';
      let chosen: { date: DayNumber; option: DateExpression } | undefined;
      for (const option of expression.of) {
        const date = evaluateDate(option, context);
        if (date !== undefined && (!chosen || (isLatest ? date > chosen.date : date < chosen.date)))
          chosen = { date, option };
      }
      return chosen ? describeDate(chosen.option, context) : undefined;
    }
  }
}

const RECORDED_DATE_WORDS: Record<RecordedDate, (words: Phrases, on: string) => string> = {
  ehcPlanIssuedOn: (words, on) => words.planFirstIssued(on),
};

function describeOffset(offset: DateOffset, context: PlanContext): string {
  const words = phrasesFor(context.pack);
  return (['years', 'months', 'weeks', 'days'] as const)
    .flatMap((unit) => (offset[unit] ? [words.offset(offset[unit], unit)] : []))
    .join(', ');
}

function describeYearGroup(offset: number, context: PlanContext): string {
  return offset === 0 ? '' : phrasesFor(context.pack).yearGroup(Math.abs(offset), offset > 0);
}
