import { addMonths } from '../dates/calendar-date.ts';
import { evaluateDate } from './evaluate-date.ts';
import type { MilestoneDates, PlanContext } from './plan-context.ts';

/**
 * The window start and due date of a milestone, memoised per plan. A recurring milestone
 * without its own window start opens `recurrence.windowMonths` before each due date.
 */
export function milestoneDates(id: string, context: PlanContext): MilestoneDates {
  const known = context.milestoneDates.get(id);
  if (known) return known;
  const rule = context.rulesById.get(id);
  if (!rule) throw new Error(`Rule pack ${context.pack.jurisdiction}: unknown milestone "${id}" referenced`);
  if (context.resolving.has(id)) throw new Error(`Rule pack ${context.pack.jurisdiction}: milestone "${id}" refers to itself`);
  context.resolving.add(id);
  const due = evaluateDate(rule.due, context);
  let windowStart = rule.windowStart ? evaluateDate(rule.windowStart, context) : undefined;
  if (!rule.windowStart && rule.recurrence && due !== undefined) windowStart = addMonths(due, -rule.recurrence.windowMonths);
  context.resolving.delete(id);
  const dates = { windowStart, due };
  context.milestoneDates.set(id, dates);
  return dates;
}
