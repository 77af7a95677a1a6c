import { assign, setup } from 'xstate';
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
    recordDeath: assign({ endReason: 'died' as const }),
  },
}).createMachine({
  id: 'community',
  context: { endReason: null },
  initial: 'active',
  states: {
    active: {
      meta: { description: 'Friends, relationships and community are part of every review.' },
      on: {
        'person.died': { target: 'ended', actions: 'recordDeath' },
        'milestone.recorded': {},
        'clock.tick': {},
      },
    },
    ended: { type: 'final' },
  },
});
