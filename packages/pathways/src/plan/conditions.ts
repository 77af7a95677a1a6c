import type { Condition, DateExpression } from '../rule-packs/types.ts';
import { evaluateDate, recordedDate } from './evaluate-date.ts';
import { matchingEvents } from './match-events.ts';
import type { PlanContext } from './plan-context.ts';
import { phrasesFor } from './phrases.ts';

export type ConditionResult = { applies: true } | { applies: false; reason: string };

const APPLIES: ConditionResult = { applies: true };

/** Whether a milestone applies to this person; if not, the plain-language reason from the pack. */
export function evaluateCondition(condition: Condition | undefined, context: PlanContext): ConditionResult {
  if (!condition) return APPLIES;
  if ('flag' in condition) {
    return context.profile[condition.flag] ? APPLIES : { applies: false, reason: reasonFor(condition.flag, context) };
  }
  if ('event' in condition) {
    return matchingEvents(context, condition.event, condition.where).length > 0
      ? APPLIES
      : { applies: false, reason: reasonFor(condition.event, context) };
  }
  if ('planIssuedBy' in condition) return planIssuedBy(condition.planIssuedBy, context);
  if ('not' in condition)
    return evaluateCondition(condition.not, context).applies ? { applies: false, reason: condition.because } : APPLIES;
  if ('all' in condition) {
    for (const part of condition.all) {
      const result = evaluateCondition(part, context);
      if (!result.applies) return result;
    }
    return APPLIES;
  }
  let first: ConditionResult | undefined;
  for (const part of condition.any) {
    const result = evaluateCondition(part, context);
    if (result.applies) return result;
    first ??= result;
  }
  return first ?? APPLIES;
}

function planIssuedBy(by: DateExpression, context: PlanContext): ConditionResult {
  const issued = recordedDate('ehcPlanIssuedOn', context);
  const date = evaluateDate(by, context);
  if (issued === undefined || date === undefined || issued <= date) return APPLIES;
  const words = phrasesFor(context.pack);
  return { applies: false, reason: words.planIssuedAfter(words.day(issued), words.day(date)) };
}

function reasonFor(key: string, context: PlanContext): string {
  return context.pack.conditionReasons[key] ?? phrasesFor(context.pack).onlyWhen(key);
}
