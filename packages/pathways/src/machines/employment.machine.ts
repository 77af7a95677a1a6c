import { assertEvent, assign, setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import { isOnOrAfter, type MachineEvent, type PathwayMachineInput } from './machine-input.ts';

export type EmploymentContext = {
  age16: string;
  /** Supported internships are for 16–24 year olds with an EHC plan (DfE guidance). */
  hasStatutoryPlan: boolean;
  planEndsOn: string;
  placementKind: 'job' | 'apprenticeship' | 'supported_internship' | 'traineeship' | null;
  placementStartDate: string | null;
  endReason: 'died' | null;
};

/**
 * Employment: careers guidance (Education Act 2011), work experience, then a job,
 * apprenticeship or supported internship, with Access to Work once a placement is agreed.
 */
export const employmentMachine = setup({
  types: {
    context: {} as EmploymentContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    isPlacementAllowed: ({ context, event }) =>
      event.type === 'employment.placement_agreed' &&
      isOnOrAfter(event, context.age16) &&
      (event.kind !== 'supported_internship' || (context.hasStatutoryPlan && event.date < context.planEndsOn)),
    isAtLeast16: ({ context, event }) => isOnOrAfter(event, context.age16),
  },
  actions: {
    recordPlacement: assign(({ event }) => {
      assertEvent(event, 'employment.placement_agreed');
      return { placementKind: event.kind, placementStartDate: event.startDate };
    }),
    recordDeath: recordDeath<EmploymentContext>(),
  },
}).createMachine({
  id: 'employment',
  context: ({ input }) => ({
    age16: input.keyDates.age16,
    hasStatutoryPlan: input.flags.hasStatutoryPlan,
    planEndsOn: input.keyDates.planEndsOn,
    placementKind: null,
    placementStartDate: null,
    endReason: null,
  }),
  initial: 'not_started',
  on: {
    ...endsOnDeath('.ended'),
    'milestone.recorded': {},
    ...LETS_TIME_PASS,
  },
  states: {
    not_started: {
      meta: { description: 'No careers guidance or work experience recorded yet.' },
      on: {
        'employment.careers_guidance_received': 'exploring',
        'employment.vocational_profile_done': 'exploring',
        'employment.work_experience_completed': 'exploring',
        'employment.placement_agreed': {
          guard: 'isPlacementAllowed',
          target: 'placement_agreed',
          actions: 'recordPlacement',
        },
      },
    },
    exploring: {
      meta: { description: 'Finding out about work: guidance, vocational profile, work experience.' },
      on: {
        'employment.careers_guidance_received': {},
        'employment.vocational_profile_done': {},
        'employment.work_experience_completed': {},
        'employment.placement_agreed': {
          guard: 'isPlacementAllowed',
          target: 'placement_agreed',
          actions: 'recordPlacement',
        },
      },
    },
    placement_agreed: {
      meta: { description: 'A job, apprenticeship or supported internship is agreed and about to start.' },
      on: {
        'employment.placement_agreed': { guard: 'isPlacementAllowed', actions: 'recordPlacement' },
        'employment.access_to_work_applied': { guard: 'isAtLeast16' },
        'employment.started': 'working',
        'employment.ended': 'exploring',
      },
    },
    working: {
      meta: { description: 'In a job, apprenticeship or supported internship.' },
      on: {
        'employment.access_to_work_applied': { guard: 'isAtLeast16' },
        'employment.careers_guidance_received': {},
        'employment.ended': 'exploring',
      },
    },
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
