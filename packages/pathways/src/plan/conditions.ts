import type { Condition } from '../rule-packs/types.ts';
import { matchingEvents } from './match-events.ts';
import type { PlanContext } from './plan-context.ts';

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

function reasonFor(key: string, context: PlanContext): string {
  return context.pack.conditionReasons[key] ?? `Only when "${key}" applies.`;
}
