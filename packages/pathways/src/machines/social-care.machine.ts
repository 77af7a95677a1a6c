import { assign, setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import { isOnOrAfter, type MachineEvent, type PathwayMachineInput } from './machine-input.ts';

export type SocialCareContext = {
  adulthood: string;
  /** Set when they turn 18 before adult support is decided: children's services carry on (Care Act 2014 s.66). */
  isChildrensServicesContinuing: boolean;
  endReason: 'died' | null;
};

/**
 * Adult social care: children's services → transition assessment (Care Act 2014 s.58–59) →
 * indicative eligibility → care and support plan → adult services from 18. Denmark's route
 * (Barnets lov § 122 preparation, § 123(3) decision before 18) uses the same states.
 * If nothing is concluded by 18, children's services continue: a guard, not an error.
 */
export const socialCareMachine = setup({
  types: {
    context: {} as SocialCareContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    isAdult: ({ context, event }) => isOnOrAfter(event, context.adulthood),
    hasTurnedAdultWithoutSupport: ({ context, event }) =>
      !context.isChildrensServicesContinuing && isOnOrAfter(event, context.adulthood),
    isLikelyEligible: ({ event }) =>
      (event.type === 'social_care.assessment_completed' && event.likelyEligible) ||
      (event.type === 'social_care.adult_decision_made' && event.eligible),
  },
  actions: {
    continueChildrensServices: assign({ isChildrensServicesContinuing: true }),
    recordDeath: recordDeath<SocialCareContext>(),
  },
}).createMachine({
  id: 'social_care',
  context: ({ input }) => ({
    adulthood: input.keyDates.adulthood,
    isChildrensServicesContinuing: false,
    endReason: null,
  }),
  initial: 'preparing',
  on: {
    ...endsOnDeath('.ended'),
    'social_care.carer_assessment_completed': {},
    'milestone.recorded': {},
    ...LETS_TIME_PASS,
  },
  states: {
    preparing: {
      initial: 'childrens_services',
      always: { guard: 'hasTurnedAdultWithoutSupport', actions: 'continueChildrensServices' },
      on: {
        'social_care.preparation_started': {},
        'social_care.youth_plan_made': {},
        'social_care.youth_support_decided': {},
        'social_care.childrens_services_extended': { guard: 'isAdult', actions: 'continueChildrensServices' },
        'social_care.assessment_completed': [
          { guard: 'isLikelyEligible', target: '.assessed' },
          { target: '.not_eligible' },
        ],
        'social_care.adult_decision_made': [
          { guard: 'isLikelyEligible', target: '.assessed' },
          { target: '.not_eligible' },
        ],
      },
      states: {
        childrens_services: {
          meta: { description: "Children's services; no transition assessment asked for yet." },
          on: { 'social_care.assessment_requested': 'assessment_requested' },
        },
        assessment_requested: {
          meta: { description: 'Transition assessment asked for (Care Act 2014 s.58).' },
          on: { 'social_care.assessment_refused': 'assessment_refused' },
        },
        assessment_refused: {
          meta: {
            description: 'Assessment refused with written reasons; it can be asked for again at any time (s.58).',
          },
          on: { 'social_care.assessment_requested': 'assessment_requested' },
        },
        assessed: {
          meta: { description: 'Assessed: likely to be eligible for adult care and support (s.59).' },
          on: { 'social_care.care_plan_agreed': '#social_care.plan_agreed' },
        },
        not_eligible: {
          meta: { description: 'Assessed: not likely to be eligible; advice and information given.' },
          on: { 'social_care.assessment_requested': 'assessment_requested' },
        },
      },
    },
    plan_agreed: {
      meta: { description: 'Adult care and support plan agreed.' },
      always: { guard: 'hasTurnedAdultWithoutSupport', actions: 'continueChildrensServices' },
      on: {
        'social_care.adult_services_started': { guard: 'isAdult', target: 'adult_services' },
        'social_care.childrens_services_extended': { guard: 'isAdult', actions: 'continueChildrensServices' },
      },
    },
    adult_services: {
      meta: { description: 'Receiving adult care and support.' },
    },
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
