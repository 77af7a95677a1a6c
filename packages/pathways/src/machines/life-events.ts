import { assign, setup } from 'xstate';
import type { MachineEvent, PathwayMachineInput } from './machine-input.ts';

/**
 * What every pathway machine does alike, written once: the young person's death ends each
 * pathway and records why, and the clock is accepted everywhere (time passing moves only what
 * falls due; a state with nothing to do at that date just lets it pass).
 */

/** The action that records why a pathway ended: the young person died. */
export function recordDeath<Context extends { endReason: string | null }>() {
  return assign<Context, MachineEvent, undefined, MachineEvent, never>({ endReason: 'died' } as Partial<Context>);
}

/** The transition on the young person's death, to the pathway's end (or, for palliative care, bereavement support). */
export function endsOnDeath<Target extends string>(target: Target) {
  return { 'person.died': { target, actions: 'recordDeath' as const } };
}

/** The clock tick, accepted in any state. */
export const LETS_TIME_PASS = { 'clock.tick': {} };

/** The setup of a pathway machine whose only context is why it ended (its milestones are recorded as they happen). */
export function setupEndingOnlyOnDeath() {
  return setup({
    types: {
      context: {} as { endReason: 'died' | null },
      input: {} as PathwayMachineInput,
      events: {} as MachineEvent,
    },
    actions: { recordDeath: recordDeath<{ endReason: 'died' | null }>() },
  });
}
