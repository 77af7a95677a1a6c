import type { AcceptedEvent, PlanContext } from './plan-context.ts';

export type Where = Record<string, string | boolean> | undefined;

export function matchesWhere(event: object, where: Where): boolean {
  if (!where) return true;
  const fields = event as Record<string, unknown>;
  for (const key in where) if (fields[key] !== where[key]) return false;
  return true;
}

/** Accepted events of a type (and payload filter), in date order. */
export function matchingEvents(context: PlanContext, type: string, where?: Where): AcceptedEvent[] {
  const events = context.eventsByType.get(type);
  if (!events) return [];
  return where ? events.filter((accepted) => matchesWhere(accepted.event, where)) : events;
}

export function latestMatchingEvent(context: PlanContext, type: string, where?: Where): AcceptedEvent | undefined {
  const events = matchingEvents(context, type, where);
  return events[events.length - 1];
}
