import { assertEvent, assign, setup } from 'xstate';
import { endsOnDeath, LETS_TIME_PASS, recordDeath } from './life-events.ts';
import type { MachineEvent, PathwayMachineInput } from './machine-input.ts';

export type HealthContext = {
  hasComplexHealthNeeds: boolean;
  plannedTransferDate: string | null;
  transferDate: string | null;
  endReason: 'died' | null;
};

/**
 * Health: paediatric → adult teams (NICE NG43 / QS140), and beside it the continuing-care
 * track (children's continuing care → adult NHS Continuing Healthcare: flagged at 14,
 * screened 16–17, decision in principle at 17, package by 18; CYP Continuing Care
 * Framework 2016, National Framework for NHS CHC 2018).
 */
export const healthMachine = setup({
  types: {
    context: {} as HealthContext,
    input: {} as PathwayMachineInput,
    events: {} as MachineEvent,
  },
  guards: {
    hasComplexHealthNeeds: ({ context }) => context.hasComplexHealthNeeds,
    isChecklistPositive: ({ event }) => event.type === 'health.chc_checklist_completed' && event.positive,
    isChcEligible: ({ event }) => event.type === 'health.chc_decision_made' && event.eligible,
  },
  actions: {
    recordPlannedTransfer: assign({
      plannedTransferDate: ({ event }) => {
        assertEvent(event, 'health.transfer_planned');
        return event.transferDate;
      },
    }),
    recordTransfer: assign({ transferDate: ({ event }) => event.date ?? null }),
    recordDeath: recordDeath<HealthContext>(),
  },
}).createMachine({
  id: 'health',
  context: ({ input }) => ({
    hasComplexHealthNeeds: input.flags.complexHealthNeeds,
    plannedTransferDate: null,
    transferDate: null,
    endReason: null,
  }),
  initial: 'active',
  on: {
    ...endsOnDeath('.ended'),
    'health.annual_health_check_done': {},
    'health.named_worker_assigned': {},
    'health.readiness_stage_completed': {},
    'health.transition_meeting_held': {},
    'milestone.recorded': {},
    ...LETS_TIME_PASS,
  },
  states: {
    active: {
      type: 'parallel',
      states: {
        transfer: {
          initial: 'childrens_services',
          states: {
            childrens_services: {
              meta: { description: "Seen by children's health teams; transition planning not started." },
              on: {
                'health.transition_planning_started': 'planning',
                'health.transition_plan_agreed': 'planning',
                'health.transfer_planned': { target: 'planning', actions: 'recordPlannedTransfer' },
                'health.transferred': { target: 'transferred', actions: 'recordTransfer' },
              },
            },
            planning: {
              meta: { description: 'Planning the move to adult teams (NICE QS140 statements 1–4).' },
              on: {
                'health.transition_plan_agreed': {},
                'health.transfer_planned': { actions: 'recordPlannedTransfer' },
                'health.adult_practitioner_met': 'adult_team_met',
                'health.transferred': { target: 'transferred', actions: 'recordTransfer' },
              },
            },
            adult_team_met: {
              meta: { description: 'Has met someone from the adult service before moving (QS140 statement 5).' },
              on: {
                'health.adult_practitioner_met': {},
                'health.transition_plan_agreed': {},
                'health.transfer_planned': { actions: 'recordPlannedTransfer' },
                'health.transferred': { target: 'transferred', actions: 'recordTransfer' },
              },
            },
            transferred: {
              meta: { description: 'Moved to adult teams; waiting for the first adult appointment.' },
              on: {
                'health.appointment_attended': 'engaged',
                'health.appointment_missed': 'not_engaged',
              },
            },
            not_engaged: {
              meta: {
                description:
                  'Missed adult appointments: the adult service must get in touch and offer more (QS140 statement 6).',
              },
              on: {
                'health.followup_contact_made': 'followed_up',
                'health.appointment_attended': 'engaged',
              },
            },
            followed_up: {
              meta: { description: 'The adult service has been in touch again.' },
              on: {
                'health.appointment_attended': 'engaged',
                'health.appointment_missed': 'not_engaged',
              },
            },
            engaged: {
              meta: { description: 'Going to adult health appointments.' },
              on: { 'health.appointment_attended': {}, 'health.appointment_missed': 'not_engaged' },
            },
          },
        },
        continuing_care: {
          initial: 'starting',
          states: {
            starting: {
              meta: { description: 'Checking whether continuing care applies.' },
              always: [{ guard: 'hasComplexHealthNeeds', target: 'not_flagged' }, { target: 'not_applicable' }],
            },
            not_applicable: {
              meta: { description: 'No complex health needs recorded: the continuing-care track does not apply.' },
            },
            not_flagged: {
              meta: { description: 'Likely adult continuing-care need not yet told to the ICB.' },
              on: {
                'health.chc_need_notified': 'flagged',
                'health.chc_referred': 'referred',
                'health.chc_fast_tracked': 'eligible',
              },
            },
            flagged: {
              meta: { description: 'ICB told of a likely adult need (at 14).' },
              on: { 'health.chc_referred': 'referred', 'health.chc_fast_tracked': 'eligible' },
            },
            referred: {
              meta: { description: 'Referred for adult CHC screening; the Checklist is next (16–17).' },
              on: {
                'health.chc_checklist_completed': [
                  { guard: 'isChecklistPositive', target: 'screened_in' },
                  { target: 'not_eligible' },
                ],
                'health.chc_fast_tracked': 'eligible',
              },
            },
            screened_in: {
              meta: { description: 'Checklist positive: full assessment and a decision in principle after 17.' },
              on: {
                'health.chc_decision_made': [
                  { guard: 'isChcEligible', target: 'eligible' },
                  { target: 'not_eligible' },
                ],
                'health.chc_fast_tracked': 'eligible',
              },
            },
            eligible: {
              meta: { description: 'Eligible for adult NHS Continuing Healthcare from 18.' },
              on: { 'health.chc_package_in_place': 'package_in_place' },
            },
            not_eligible: {
              meta: { description: 'Not eligible for CHC: adult social care or GP-led support instead.' },
              on: {
                'health.chc_package_in_place': 'package_in_place',
                'health.chc_referred': 'referred',
                'health.chc_fast_tracked': 'eligible',
              },
            },
            package_in_place: {
              meta: { description: 'Adult package in place.' },
              on: { 'health.chc_fast_tracked': 'eligible' },
            },
          },
        },
      },
    },
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
