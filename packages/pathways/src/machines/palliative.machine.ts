import { setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import type { MachineEvent, PathwayMachineInput } from './machine-input.ts';

export type PalliativeContext = {
  hasLifeLimitingCondition: boolean;
  endReason: 'died' | null;
};

/**
 * Palliative and end-of-life care, entered only for a life-limiting condition. Parallel
 * planning (Together for Short Lives, "Stepping Up"): the ordinary life plan keeps running
 * beside the advance care plan, and deterioration does not cancel it. Death ends the pathway
 * in bereavement support for the family.
 */
export const palliativeMachine = setup({
  types: {
    context: {} as PalliativeContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    hasLifeLimitingCondition: ({ context }) => context.hasLifeLimitingCondition,
  },
  actions: {
    recordDeath: recordDeath<PalliativeContext>(),
  },
}).createMachine({
  id: 'palliative',
  context: ({ input }) => ({ hasLifeLimitingCondition: input.flags.lifeLimitingCondition, endReason: null }),
  initial: 'starting',
  states: {
    starting: {
      meta: { description: 'Checking whether the palliative pathway applies.' },
      always: [{ guard: 'hasLifeLimitingCondition', target: 'parallel_planning' }, { target: 'not_applicable' }],
    },
    not_applicable: {
      meta: { description: 'No life-limiting condition recorded: the palliative pathway does not apply.' },
    },
    parallel_planning: {
      type: 'parallel',
      on: {
        ...endsOnDeath('bereavement_support'),
        'palliative.parallel_plan_agreed': {},
        'milestone.recorded': {},
        ...LETS_TIME_PASS,
      },
      states: {
        life_plan: {
          initial: 'continuing',
          states: {
            continuing: {
              meta: { description: 'The ordinary plan for adult life (education, work, living) carries on.' },
            },
          },
        },
        condition: {
          initial: 'stable',
          states: {
            stable: {
              meta: { description: 'Health is stable.' },
              on: { 'palliative.deteriorating': 'deteriorating' },
            },
            deteriorating: {
              meta: { description: 'Health getting worse: continuing care can be fast-tracked (NICE NG213 1.9).' },
              on: { 'palliative.stable': 'stable', 'palliative.deteriorating': {} },
            },
          },
        },
        care_plan: {
          initial: 'advance_care_plan_needed',
          states: {
            advance_care_plan_needed: {
              meta: {
                description:
                  'Check for an existing advance care plan, then agree and share one (NICE NG213 1.9.1–1.9.2).',
              },
              on: { 'palliative.advance_care_plan_agreed': 'advance_care_plan_in_place' },
            },
            advance_care_plan_in_place: {
              meta: {
                description:
                  'Advance care plan agreed and shared with education and social care; reviewed when things change.',
              },
              on: { 'palliative.advance_care_plan_agreed': {} },
            },
          },
        },
        adult_care: {
          initial: 'childrens_palliative_care',
          states: {
            childrens_palliative_care: {
              meta: { description: 'Cared for by the children’s palliative team.' },
              on: { 'palliative.adult_service_introduced': 'adult_service_introduced' },
            },
            adult_service_introduced: {
              meta: { description: 'Adult hospice or palliative team introduced; joint meetings.' },
              on: { 'palliative.transferred': 'adult_palliative_care' },
            },
            adult_palliative_care: {
              meta: { description: 'Settling in to adult palliative care.' },
            },
          },
        },
      },
    },
    bereavement_support: {
      type: 'final',
      meta: { description: 'The young person has died: bereavement support for the family.' },
    },
  },
});
