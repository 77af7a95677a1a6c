import { z } from 'zod';
import { ZIsoDate } from '../dates/iso-date-schema.ts';
import type { Pathway } from '../rule-packs/types.ts';

const transferKind = z.enum(['post16', 'other', 'post16_to_post16']);
const ceaseReason = z.enum(['higher_education', 'paid_employment', 'left_education', 'no_longer_needed']);
const placementKind = z.enum(['job', 'apprenticeship', 'supported_internship', 'traineeship']);

type EventDefinition = {
  pathway: Pathway | 'all';
  /** Plain-language label for "record what happened". */
  label: string;
  payload: z.ZodRawShape;
};

/**
 * Every dated event a pathway machine accepts. The prefix before the dot names the pathway;
 * `person.*` events go to every pathway. Payload fields are validated here, once, for the
 * engine and the API alike.
 */
export const EVENT_CATALOGUE = {
  'person.died': { pathway: 'all', label: 'Died', payload: {} },
  'milestone.recorded': {
    pathway: 'all',
    label: 'Milestone done',
    payload: { milestoneId: z.string().min(1), note: z.string().max(2000).optional() },
  },

  'education.ehc_plan_issued': { pathway: 'education', label: 'EHC plan issued', payload: {} },
  'education.review_meeting_planned': {
    pathway: 'education',
    label: 'Annual review meeting arranged',
    payload: { meetingDate: ZIsoDate },
  },
  'education.annual_review_held': { pathway: 'education', label: 'Annual review meeting held', payload: {} },
  'education.transfer_planned': {
    pathway: 'education',
    label: 'Move to a new school or college planned',
    // Staying on in the school's own sixth form is no move to a post-16 institution (CFA 2014 s.83).
    payload: { transfer: transferKind, moveDate: ZIsoDate, toOwnSixthForm: z.boolean().optional() },
  },
  'education.plan_amended': {
    pathway: 'education',
    label: 'EHC plan amended',
    payload: { transfer: transferKind.optional(), institution: z.string().max(200).optional() },
  },
  'education.post16_started': {
    pathway: 'education',
    label: 'Started post-16 education or training',
    payload: {
      setting: z.enum([
        'sixth_form',
        'college',
        'apprenticeship',
        'supported_internship',
        'work_with_training',
        'youth_education',
      ]),
    },
  },
  'education.plan_transferred': {
    pathway: 'education',
    label: 'EHC plan transferred to another local authority',
    payload: { toArea: z.string().min(1).max(200) },
  },
  'education.review_decision_made': {
    pathway: 'education',
    label: 'Council decided after the review (keep, change or stop the plan)',
    payload: { decision: z.enum(['keep', 'amend', 'cease']) },
  },
  'education.level3_attained': { pathway: 'education', label: 'Level 3 qualification gained', payload: {} },
  'education.cease_proposed': {
    pathway: 'education',
    label: 'Local authority proposed to stop the plan',
    payload: { reason: ceaseReason },
  },
  'education.cease_appealed': { pathway: 'education', label: 'Decision to stop the plan appealed', payload: {} },
  'education.cease_withdrawn': {
    pathway: 'education',
    label: 'Plan continues (cease withdrawn or appeal won)',
    payload: {},
  },
  'education.plan_ceased': {
    pathway: 'education',
    label: 'EHC plan stopped',
    payload: { reason: ceaseReason, reviewFoundNoWishToReturn: z.boolean().default(false) },
  },
  'education.plan_extended': {
    pathway: 'education',
    label: 'Plan kept to the end of the academic year (age 25)',
    payload: {},
  },

  'employment.careers_guidance_received': {
    pathway: 'employment',
    label: 'Independent careers guidance given',
    payload: {},
  },
  'employment.vocational_profile_done': { pathway: 'employment', label: 'Vocational profile written', payload: {} },
  'employment.work_experience_completed': { pathway: 'employment', label: 'Work experience completed', payload: {} },
  'employment.placement_agreed': {
    pathway: 'employment',
    label: 'Job, apprenticeship or internship agreed',
    payload: { kind: placementKind, startDate: ZIsoDate },
  },
  'employment.access_to_work_applied': { pathway: 'employment', label: 'Applied for Access to Work', payload: {} },
  'employment.started': { pathway: 'employment', label: 'Started work or placement', payload: { kind: placementKind } },
  'employment.ended': { pathway: 'employment', label: 'Work or placement ended', payload: {} },

  'health.transition_planning_started': { pathway: 'health', label: 'Health transition planning started', payload: {} },
  'health.transition_plan_agreed': { pathway: 'health', label: 'Joined-up transition plan agreed', payload: {} },
  'health.transition_meeting_held': { pathway: 'health', label: 'Health transition review meeting held', payload: {} },
  'health.named_worker_assigned': { pathway: 'health', label: 'Named worker assigned', payload: {} },
  'health.readiness_stage_completed': {
    pathway: 'health',
    label: 'Ready Steady Go stage completed',
    payload: { stage: z.enum(['ready', 'steady', 'go', 'hello']) },
  },
  'health.annual_health_check_done': { pathway: 'health', label: 'Annual health check done', payload: {} },
  'health.transfer_planned': {
    pathway: 'health',
    label: 'Date to move to adult health teams agreed',
    payload: { transferDate: ZIsoDate },
  },
  'health.adult_practitioner_met': { pathway: 'health', label: 'Met someone from the adult team', payload: {} },
  'health.transferred': { pathway: 'health', label: 'Moved to adult health teams', payload: {} },
  'health.appointment_attended': { pathway: 'health', label: 'Went to first adult appointment', payload: {} },
  'health.appointment_missed': { pathway: 'health', label: 'Missed an adult appointment', payload: {} },
  'health.followup_contact_made': { pathway: 'health', label: 'Adult team got back in touch', payload: {} },
  'health.chc_need_notified': {
    pathway: 'health',
    label: 'Likely adult continuing healthcare need told to the ICB',
    payload: {},
  },
  'health.chc_referred': {
    pathway: 'health',
    label: 'Referred for adult continuing healthcare screening',
    payload: {},
  },
  'health.chc_checklist_completed': {
    pathway: 'health',
    label: 'Continuing healthcare Checklist done',
    payload: { positive: z.boolean() },
  },
  'health.chc_decision_made': {
    pathway: 'health',
    label: 'Continuing healthcare decision made',
    payload: { eligible: z.boolean() },
  },
  'health.chc_fast_tracked': { pathway: 'health', label: 'Continuing healthcare fast-tracked', payload: {} },
  'health.chc_package_in_place': { pathway: 'health', label: 'Adult health and care package in place', payload: {} },

  'social_care.preparation_started': {
    pathway: 'social_care',
    label: 'Preparation for adult life started',
    payload: {},
  },
  'social_care.youth_plan_made': { pathway: 'social_care', label: 'Youth plan made', payload: {} },
  'social_care.assessment_requested': { pathway: 'social_care', label: 'Transition assessment asked for', payload: {} },
  'social_care.assessment_refused': {
    pathway: 'social_care',
    label: 'Transition assessment refused (written reasons given)',
    payload: { reasons: z.string().min(1).max(2000) },
  },
  'social_care.assessment_completed': {
    pathway: 'social_care',
    label: 'Transition assessment done',
    payload: { likelyEligible: z.boolean() },
  },
  'social_care.carer_assessment_completed': {
    pathway: 'social_care',
    label: "Carer's transition assessment done",
    payload: {},
  },
  'social_care.adult_decision_made': {
    pathway: 'social_care',
    label: 'Decision on adult support made',
    payload: { eligible: z.boolean() },
  },
  'social_care.care_plan_agreed': { pathway: 'social_care', label: 'Adult care and support plan agreed', payload: {} },
  'social_care.adult_services_started': { pathway: 'social_care', label: 'Adult support started', payload: {} },
  'social_care.childrens_services_extended': {
    pathway: 'social_care',
    label: "Children's services kept on after 18",
    payload: {},
  },
  'social_care.youth_support_decided': {
    pathway: 'social_care',
    label: 'Decision on youth support after care',
    payload: {},
  },

  'independent_living.housing_options_discussed': {
    pathway: 'independent_living',
    label: 'Talked about where to live',
    payload: {},
  },
  'independent_living.housing_plan_agreed': {
    pathway: 'independent_living',
    label: 'Plan for where to live agreed',
    payload: {},
  },
  'independent_living.moved': { pathway: 'independent_living', label: 'Moved to a new home', payload: {} },
  'independent_living.travel_training_started': {
    pathway: 'independent_living',
    label: 'Travel training started',
    payload: {},
  },
  'independent_living.travel_training_completed': {
    pathway: 'independent_living',
    label: 'Travel training finished',
    payload: {},
  },

  'finance_legal.pip_invited': {
    pathway: 'finance_legal',
    label: 'Letter inviting a PIP claim received',
    payload: { claimBy: ZIsoDate.optional() },
  },
  'finance_legal.pip_claimed': { pathway: 'finance_legal', label: 'PIP claimed', payload: {} },
  'finance_legal.pip_decided': {
    pathway: 'finance_legal',
    label: 'PIP decision received',
    payload: { awarded: z.boolean() },
  },
  'finance_legal.dla_stopped': { pathway: 'finance_legal', label: 'DLA stopped', payload: {} },
  'finance_legal.appointee_decided': {
    pathway: 'finance_legal',
    label: 'Decided who manages benefits (appointee)',
    payload: {},
  },
  'finance_legal.capacity_assessed': {
    pathway: 'finance_legal',
    label: 'Capacity assessed for a decision',
    payload: { decision: z.string().min(1).max(200), hasCapacity: z.boolean() },
  },
  'finance_legal.deputyship_applied': {
    pathway: 'finance_legal',
    label: 'Applied to the Court of Protection for a deputy',
    payload: {},
  },
  'finance_legal.deputy_appointed': { pathway: 'finance_legal', label: 'Deputy appointed', payload: {} },
  'finance_legal.lpa_registered': {
    pathway: 'finance_legal',
    label: 'Lasting power of attorney registered',
    payload: {},
  },
  'finance_legal.liberty_safeguards_planned': {
    pathway: 'finance_legal',
    label: 'Liberty safeguards arranged (court authorisation, or the plan for 18)',
    payload: {},
  },
  'finance_legal.guardianship_considered': { pathway: 'finance_legal', label: 'Guardianship considered', payload: {} },

  'palliative.parallel_plan_agreed': { pathway: 'palliative', label: 'Parallel plan agreed', payload: {} },
  'palliative.advance_care_plan_agreed': {
    pathway: 'palliative',
    label: 'Advance care plan agreed and shared',
    payload: {},
  },
  'palliative.deteriorating': { pathway: 'palliative', label: 'Health getting worse', payload: {} },
  'palliative.stable': { pathway: 'palliative', label: 'Health stable again', payload: {} },
  'palliative.adult_service_introduced': {
    pathway: 'palliative',
    label: 'Adult hospice or palliative team introduced',
    payload: {},
  },
  'palliative.transferred': { pathway: 'palliative', label: 'Settled in adult palliative care', payload: {} },
} satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** The pathway an event belongs to, or 'all' for person-level events. */
export function pathwayOfEvent(type: EventType): Pathway | 'all' {
  return EVENT_CATALOGUE[type].pathway;
}
