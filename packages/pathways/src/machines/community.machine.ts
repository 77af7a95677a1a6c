import { setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import type { MachineEvent, PathwayMachineInput } from './machine-input.ts';

/**
 * Community inclusion (friends, relationships, community: a Preparing for Adulthood outcome,
 * CoP 8.9). Its milestones are recorded as they happen; the machine only ends on death.
 */
export const communityMachine = setup({
  types: {
    context: {} as { endReason: 'died' | null },
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  actions: {
    recordDeath: recordDeath<{ endReason: 'died' | null }>(),
  },
}).createMachine({
  id: 'community',
  context: { endReason: null },
  initial: 'active',
  states: {
    active: {
      meta: { description: 'Friends, relationships and community are part of every review.' },
      on: {
        ...endsOnDeath('ended'),
        'milestone.recorded': {},
        ...LETS_TIME_PASS,
      },
    },
    ended: { type: 'final' },
  },
});
