import { assertEvent, assign, setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import { isOnOrAfter, type MachineEvent, type PathwayMachineInput } from './machine-input.ts';

export type EducationEndReason =
  'higher_education' | 'paid_employment' | 'left_education' | 'no_longer_needed' | 'age_limit' | 'died';

export type EducationContext = {
  keyDates: PathwayMachineInput['keyDates'];
  hasStatutoryPlan: boolean;
  planEndsOn: string;
  isPlanExtended: boolean;
  transferKind: 'post16' | 'other' | 'post16_to_post16' | null;
  transferMoveDate: string | null;
  localAuthorityTransfers: number;
  endReason: EducationEndReason | null;
};

/**
 * Education: the statutory plan (England: EHC plan) from Year 9 to its end.
 *
 * Two regions run side by side: the `phase` (pre-Year 9 → preparing for adulthood →
 * transfer → post-16 → post-19) and the `plan` status (maintained, cease proposed, under
 * appeal). Moving local authority is a transfer, not an end. While a cease decision is
 * appealed the plan stays in force (CFA 2014 s.45). Source: SEND Regulations 2014; domain.md §3.
 */
export const educationMachine = setup({
  types: {
    context: {} as EducationContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    hasStatutoryPlan: ({ context }) => context.hasStatutoryPlan,
    hasReachedYear9: ({ context, event }) => isOnOrAfter(event, context.keyDates.year9Start),
    hasReachedPost19Year: ({ context, event }) => isOnOrAfter(event, context.keyDates.age19SchoolYearStart),
    hasReachedPlanEnd: ({ context, event }) => isOnOrAfter(event, context.planEndsOn),
    isPostSixteenMove: ({ event }) => event.type === 'education.transfer_planned' && event.transfer !== 'other',
    isPostSixteenTransferPending: ({ context }) => context.transferKind !== 'other',
    isSchoolPhaseMoveDone: ({ context, event }) =>
      context.transferKind === 'other' &&
      context.transferMoveDate !== null &&
      isOnOrAfter(event, context.transferMoveDate),
    isCeaseLawful: ({ context, event }) =>
      event.type === 'education.plan_ceased' &&
      (event.reason !== 'left_education' ||
        (event.date >= context.keyDates.adulthood && event.reviewFoundNoWishToReturn)),
    canExtendPlan: ({ context, event }) =>
      !context.isPlanExtended &&
      context.keyDates.extendedPlanEndsOn > context.keyDates.planEndsOn &&
      isOnOrAfter(event, context.keyDates.age19SchoolYearStart),
  },
  actions: {
    recordTransferPlan: assign(({ event }) => {
      assertEvent(event, 'education.transfer_planned');
      return { transferKind: event.transfer, transferMoveDate: event.moveDate };
    }),
    clearTransferPlan: assign({ transferKind: null, transferMoveDate: null }),
    recordLocalAuthorityTransfer: assign({
      localAuthorityTransfers: ({ context }) => context.localAuthorityTransfers + 1,
    }),
    extendPlan: assign(({ context }) => ({ isPlanExtended: true, planEndsOn: context.keyDates.extendedPlanEndsOn })),
    recordCeaseReason: assign({
      endReason: ({ event }) => {
        assertEvent(event, 'education.plan_ceased');
        return event.reason;
      },
    }),
    recordAgeLimit: assign({ endReason: 'age_limit' as const }),
    recordDeath: recordDeath<EducationContext>(),
  },
}).createMachine({
  id: 'education',
  context: ({ input }) => ({
    keyDates: input.keyDates,
    hasStatutoryPlan: input.flags.hasStatutoryPlan,
    planEndsOn: input.keyDates.planEndsOn,
    isPlanExtended: false,
    transferKind: null,
    transferMoveDate: null,
    localAuthorityTransfers: 0,
    endReason: null,
  }),
  initial: 'starting',
  on: {
    ...endsOnDeath('.ended'),
  },
  states: {
    starting: {
      // Passed through at once: never a state anyone sees, but described all the same.
      meta: { description: 'Setting up the plan.' },
      always: [{ guard: 'hasStatutoryPlan', target: 'active' }, { target: 'no_plan' }],
    },
    no_plan: {
      meta: {
        description: 'No statutory education plan (such as an EHC plan): only the duties that apply to everyone.',
      },
      // Everyone stays in education or training to 18 (Education and Skills Act 2008), plan or not.
      on: {
        'education.ehc_plan_issued': 'active',
        'education.post16_started': {},
        'education.level3_attained': {},
        // Milestones for everyone can be marked done without a plan (e.g. Denmark's KUI education plan).
        'milestone.recorded': {},
      },
    },
    active: {
      type: 'parallel',
      always: { guard: 'hasReachedPlanEnd', target: 'ended', actions: 'recordAgeLimit' },
      on: {
        'education.ehc_plan_issued': {},
        'education.review_meeting_planned': {},
        'education.annual_review_held': {},
        'education.review_decision_made': {},
        'education.level3_attained': {},
        'education.plan_transferred': { actions: 'recordLocalAuthorityTransfer' },
        'education.plan_extended': { guard: 'canExtendPlan', actions: 'extendPlan' },
        'milestone.recorded': {},
        ...LETS_TIME_PASS,
      },
      states: {
        phase: {
          initial: 'pre_year9',
          states: {
            pre_year9: {
              meta: { description: 'Before Year 9: preparation for adulthood has not started yet.' },
              always: { guard: 'hasReachedYear9', target: 'preparing_for_adulthood' },
              on: { 'education.transfer_planned': { target: 'transfer_pending', actions: 'recordTransferPlan' } },
            },
            preparing_for_adulthood: {
              meta: {
                description: 'From Year 9 every review must plan for adult life (SEND Regulations 2014 reg. 20(6)).',
              },
              on: {
                'education.transfer_planned': { target: 'transfer_pending', actions: 'recordTransferPlan' },
                'education.post16_started': { target: 'post16', actions: 'clearTransferPlan' },
              },
            },
            transfer_pending: {
              meta: { description: 'A move is planned: the plan must be amended by the statutory deadline (reg. 18).' },
              on: {
                'education.transfer_planned': {
                  target: 'transfer_pending',
                  reenter: true,
                  actions: 'recordTransferPlan',
                },
                'education.plan_amended': 'transfer_agreed',
                'education.post16_started': {
                  guard: 'isPostSixteenTransferPending',
                  target: 'post16',
                  actions: 'clearTransferPlan',
                },
              },
            },
            transfer_agreed: {
              meta: { description: 'The plan names the new school, college or apprenticeship.' },
              always: {
                guard: 'isSchoolPhaseMoveDone',
                target: 'preparing_for_adulthood',
                actions: 'clearTransferPlan',
              },
              on: {
                'education.transfer_planned': { target: 'transfer_pending', actions: 'recordTransferPlan' },
                'education.post16_started': {
                  guard: 'isPostSixteenTransferPending',
                  target: 'post16',
                  actions: 'clearTransferPlan',
                },
              },
            },
            post16: {
              meta: { description: 'In post-16 education or training.' },
              always: { guard: 'hasReachedPost19Year', target: 'post19' },
              on: {
                'education.transfer_planned': {
                  guard: 'isPostSixteenMove',
                  target: 'transfer_pending',
                  actions: 'recordTransferPlan',
                },
              },
            },
            post19: {
              meta: {
                description:
                  'Over 19: the plan continues while outcomes are still being worked towards (CFA 2014 s.45; CoP 9.200).',
              },
              on: {
                'education.transfer_planned': {
                  guard: 'isPostSixteenMove',
                  target: 'transfer_pending',
                  actions: 'recordTransferPlan',
                },
              },
            },
          },
        },
        plan: {
          initial: 'maintained',
          states: {
            maintained: {
              meta: { description: 'The EHC plan is in force.' },
              on: { 'education.cease_proposed': 'cease_proposed', 'education.plan_amended': {} },
            },
            cease_proposed: {
              meta: { description: 'The local authority proposes to stop the plan; the young person may appeal.' },
              on: {
                'education.cease_appealed': 'under_appeal',
                'education.cease_withdrawn': 'maintained',
                'education.plan_ceased': {
                  guard: 'isCeaseLawful',
                  target: '#education.ended',
                  actions: 'recordCeaseReason',
                },
              },
            },
            under_appeal: {
              meta: { description: 'Appeal under way: the plan stays in force (CFA 2014 s.45).' },
              on: {
                'education.cease_withdrawn': 'maintained',
                'education.plan_ceased': {
                  guard: 'isCeaseLawful',
                  target: '#education.ended',
                  actions: 'recordCeaseReason',
                },
              },
            },
          },
        },
      },
    },
    ended: { type: 'final', meta: { description: 'The EHC plan has ended.' } },
  },
});
