import { assertEvent, assign, setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import { isOnOrAfter, type MachineEvent, type PathwayMachineInput } from './machine-input.ts';

export type FinanceLegalContext = {
  age16: string;
  /** The 18th birthday: a lasting power of attorney can only be made from then (MCA 2005 s.9(2)(c)). */
  adulthood: string;
  /** The last capacity assessment found they could not make that decision. */
  lacksCapacityForADecision: boolean;
  endReason: 'died' | null;
};

/**
 * Money and legal capacity. Benefits: DLA → PIP invited at 16 → claimed → decided, or DLA
 * stopped with a second 28-day chance (GOV.UK). Capacity: presumed from 16 under the Mental
 * Capacity Act 2005, assessed decision by decision; deputyship or appointee before 18 where
 * it is lacking. Denmark's guardianship (værgemål) is considered on the same track.
 */
export const financeLegalMachine = setup({
  types: {
    context: {} as FinanceLegalContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    isAtLeast16: ({ context, event }) => isOnOrAfter(event, context.age16),
    isAtLeast18: ({ context, event }) => isOnOrAfter(event, context.adulthood),
    lacksCapacityForADecision: ({ context }) => context.lacksCapacityForADecision,
  },
  actions: {
    recordCapacityAssessment: assign({
      lacksCapacityForADecision: ({ event }) => {
        assertEvent(event, 'finance_legal.capacity_assessed');
        return !event.hasCapacity;
      },
    }),
    recordDeath: recordDeath<FinanceLegalContext>(),
  },
}).createMachine({
  id: 'finance_legal',
  context: ({ input }) => ({
    age16: input.keyDates.age16,
    adulthood: input.keyDates.adulthood,
    lacksCapacityForADecision: false,
    endReason: null,
  }),
  initial: 'active',
  on: {
    ...endsOnDeath('.ended'),
    'milestone.recorded': {},
    ...LETS_TIME_PASS,
    'finance_legal.guardianship_considered': {},
    'finance_legal.liberty_safeguards_planned': {},
  },
  states: {
    active: {
      type: 'parallel',
      states: {
        benefits: {
          initial: 'no_claim',
          states: {
            no_claim: {
              meta: { description: 'No PIP claim yet.' },
              on: {
                'finance_legal.appointee_decided': {},
                'finance_legal.pip_invited': 'pip_invited',
                'finance_legal.pip_claimed': { guard: 'isAtLeast16', target: 'pip_claimed' },
              },
            },
            pip_invited: {
              meta: { description: 'DWP has invited a PIP claim; claim by the date in the letter so DLA continues.' },
              on: {
                'finance_legal.appointee_decided': {},
                'finance_legal.pip_claimed': { guard: 'isAtLeast16', target: 'pip_claimed' },
                'finance_legal.dla_stopped': 'dla_stopped',
              },
            },
            dla_stopped: {
              meta: { description: 'DLA stopped: there is a second 28-day chance to claim PIP.' },
              on: { 'finance_legal.pip_claimed': { guard: 'isAtLeast16', target: 'pip_claimed' } },
            },
            pip_claimed: {
              meta: { description: 'PIP claimed; waiting for the decision.' },
              on: { 'finance_legal.pip_decided': 'pip_decided' },
            },
            pip_decided: {
              meta: { description: 'PIP decision received.' },
              on: { 'finance_legal.pip_claimed': { guard: 'isAtLeast16', target: 'pip_claimed' } },
            },
          },
        },
        capacity: {
          initial: 'presumed',
          on: {
            // The Mental Capacity Act applies from 16; under 16, Gillick competence applies instead.
            'finance_legal.capacity_assessed': {
              guard: 'isAtLeast16',
              target: '.assessed',
              actions: 'recordCapacityAssessment',
            },
          },
          states: {
            presumed: {
              meta: { description: 'Capacity is presumed for each decision (Mental Capacity Act 2005 s.1).' },
              on: { 'finance_legal.lpa_registered': { guard: 'isAtLeast18', target: 'lasting_power_of_attorney' } },
            },
            assessed: {
              meta: { description: 'Capacity was assessed for a decision.' },
              always: [{ guard: 'lacksCapacityForADecision', target: 'lacks_capacity' }, { target: 'presumed' }],
            },
            lacks_capacity: {
              meta: {
                description: 'Lacks capacity for some decisions: best interests, and a deputy before 18 if needed.',
              },
              on: { 'finance_legal.deputyship_applied': 'deputyship_applied' },
            },
            deputyship_applied: {
              meta: { description: 'Applied to the Court of Protection for a deputy.' },
              on: { 'finance_legal.deputy_appointed': 'deputy_appointed' },
            },
            deputy_appointed: { meta: { description: 'A deputy is appointed.' } },
            lasting_power_of_attorney: { meta: { description: 'A lasting power of attorney is registered.' } },
          },
        },
      },
    },
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
