import { endsOnDeath, LETS_TIME_PASS, setupEndingOnlyOnDeath } from './life-events.ts';

/**
 * Community inclusion (friends, relationships, community: a Preparing for Adulthood outcome,
 * CoP 8.9). Its milestones are recorded as they happen; the machine only ends on death.
 */
export const communityMachine = setupEndingOnlyOnDeath().createMachine({
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
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
