import { createActor, getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { phrasesFor } from '../plan/phrases.ts';
import { EVENT_CATALOGUE, isEventType, type EventType } from '../events/catalogue.ts';
import type { Pathway } from '../rule-packs/types.ts';
import { GUARD_REASONS, isGuardName } from './guard-reasons.ts';
import { PATHWAY_MACHINES } from './index.ts';
import type { MachineEvent, PathwayMachineInput } from './machine-input.ts';
import { crossesContextDate, initialSnapshot, inertScopeFor, isClockDriven } from './machine-stepping.ts';

/** A pathway's machine snapshot plus the date of the last event it took (events must come in date order). */
export type PathwayRun = {
  pathway: Pathway;
  snapshot: AnyMachineSnapshot;
  lastEventDate: string | null;
};

export type Rejection = {
  code: 'out_of_order' | 'pathway_ended' | 'not_allowed_now' | 'rule_not_met' | 'not_applicable';
  reason: string;
};

export type ApplyResult = { ok: true; run: PathwayRun } | { ok: false; rejection: Rejection };

export function startPathway(pathway: Pathway, input: PathwayMachineInput): PathwayRun {
  return { pathway, snapshot: initialSnapshot(PATHWAY_MACHINES[pathway], input), lastEventDate: null };
}

/**
 * Applies one dated event to a pathway, or says in plain words why it cannot happen now.
 * Nothing is ignored silently: an event the current state does not accept is a rejection.
 */
export function applyEvent(run: PathwayRun, event: MachineEvent): ApplyResult {
  const machine = PATHWAY_MACHINES[run.pathway];
  if (run.lastEventDate !== null && event.date < run.lastEventDate) {
    return reject(
      'out_of_order',
      `Events must be applied in date order: ${event.date} is before the last event on ${run.lastEventDate}.`,
    );
  }
  if (run.snapshot.status === 'done') {
    const endReason = (run.snapshot.context as { endReason?: string | null }).endReason;
    return reject(
      'pathway_ended',
      `The ${pathwayName(run.pathway)} pathway has ended${endReason ? ` (${endReason.replaceAll('_', ' ')})` : ''}.`,
    );
  }
  const enabled = machine.getTransitionData(run.snapshot, event);
  if (enabled.length > 0) {
    // An accepted event with only empty transitions changes nothing, unless its date can fire
    // an eventless transition; skipping the step then is exact, and much cheaper.
    const isNoOp =
      enabled.every((t) => t.target === undefined && t.actions.length === 0) &&
      (!isClockDriven(machine) || !crossesContextDate(run.snapshot.context, run.lastEventDate, event.date));
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- XState's any-typed scope, as machine-stepping.ts
    const snapshot = isNoOp ? run.snapshot : machine.transition(run.snapshot, event, inertScopeFor(machine));
    return { ok: true, run: { pathway: run.pathway, snapshot, lastEventDate: event.date } };
  }
  // The clock is never refused: a state with nothing to do at this date just lets time pass.
  if (event.type === 'clock.tick') return { ok: true, run: { ...run, lastEventDate: event.date } };
  return { ok: false, rejection: explainRefusal(run, event) };
}

function explainRefusal(run: PathwayRun, event: MachineEvent): Rejection {
  const candidates = getNextTransitions(run.snapshot).filter((t) => t.eventType === event.type);
  for (const candidate of candidates) {
    const guardType =
      typeof candidate.guard === 'string' ? candidate.guard : (candidate.guard as { type?: string } | undefined)?.type;
    const explain = guardType && isGuardName(guardType) ? GUARD_REASONS[guardType] : undefined;
    if (explain)
      return { code: 'rule_not_met', reason: explain(event, run.snapshot.context as Record<string, unknown>) };
  }
  const label = isEventType(event.type) ? EVENT_CATALOGUE[event.type].label : event.type;
  const where = describeState(run.snapshot);
  const next = acceptedEventTypes(run.snapshot).map((type) => EVENT_CATALOGUE[type].label);
  return {
    code: where.notApplicable ? 'not_applicable' : 'not_allowed_now',
    reason:
      `"${label}" cannot be recorded now: ${where.text}` +
      (next.length > 0 && !where.notApplicable ? ` What can happen next: ${next.join('; ')}.` : ''),
  };
}

function reject(code: Rejection['code'], reason: string): ApplyResult {
  return { ok: false, rejection: { code, reason } };
}

/** Plain descriptions of the active states, from their `meta.description`. */
export function describeState(snapshot: AnyMachineSnapshot): { text: string; notApplicable: boolean } {
  const meta = snapshot.getMeta() as Record<string, { description?: string } | undefined>;
  const descriptions = Object.values(meta).flatMap((entry) => (entry?.description ? [entry.description] : []));
  const stateIds = Object.keys(meta);
  return {
    text:
      // Every state a person can see has a description (machines.test.ts checks); internal
      // state names never reach a screen.
      descriptions.length > 0 ? descriptions.join(' ') : 'Nothing recorded on this pathway yet.',
    notApplicable: stateIds.some((id) => id.endsWith('.not_applicable')) && descriptions.length === 1,
  };
}

/** Event types (from the catalogue, not clock or bookkeeping events) the current state has a transition for. */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): EventType[] {
  const types = new Set<EventType>();
  for (const t of getNextTransitions(snapshot)) {
    const type = t.eventType as string;
    if (isEventType(type) && type !== 'milestone.recorded' && type !== 'person.died') types.add(type);
  }
  return [...types];
}

/** `{ active: { phase: 'post16', plan: 'maintained' } }` → `active.phase.post16 + active.plan.maintained`. */
export function stateValueToString(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([key, child]) => {
      const inner = stateValueToString(child);
      return inner
        .split(' + ')
        .map((part) => `${key}.${part}`)
        .join(' + ');
    })
    .join(' + ');
}

/** JSON-safe persisted form of a run, for storage. */
export type PersistedPathwayRun = { pathway: Pathway; snapshot: unknown; lastEventDate: string | null };

export function persistPathway(run: PathwayRun): PersistedPathwayRun {
  const machine = PATHWAY_MACHINES[run.pathway];
  return {
    pathway: run.pathway,
    snapshot: machine.getPersistedSnapshot(run.snapshot),
    lastEventDate: run.lastEventDate,
  };
}

export function restorePathway(persisted: PersistedPathwayRun): PathwayRun {
  const machine = PATHWAY_MACHINES[persisted.pathway];
  const actor = createActor(machine, { snapshot: persisted.snapshot as AnyMachineSnapshot });
  return { pathway: persisted.pathway, snapshot: actor.getSnapshot(), lastEventDate: persisted.lastEventDate };
}

/** A pathway's name in English, for refusals (the API's words) and diagrams. */
export function pathwayName(pathway: Pathway): string {
  return phrasesFor({ locale: 'en-GB' }).pathwayName[pathway];
}
