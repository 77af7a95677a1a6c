import { weeksFromMeeting } from './review-steps.ts';
import type { ReviewKind, ReviewRules, ReviewStepRule, Source } from './types.ts';

/*
 * England's review clock: SEND Regulations 2014 regs. 20–22 (reg. 21 where the young person
 * is not at a school or college) as R (L, M and P) v Devon CC [2022] EWHC 493 (Admin) reads
 * them — the decision, with any proposed amendments, within four weeks of the meeting; the
 * final amended plan within eight weeks of that notice. The statutory steps are the plan's
 * milestones (`milestoneId`): a test keeps the two in step.
 */
const REGS = 'SEND Regulations 2014';

const EHC_REVIEW_STEPS: readonly ReviewStepRule[] = [
  {
    id: 'invitations',
    from: 'meeting',
    offset: { weeks: -2 },
    nature: 'task',
    onNonWorkingDay: 'earlier',
    milestoneId: 'review_invitations',
    kind: 'statutory',
    source: { document: REGS, section: 'reg. 20(3), 21(3)' },
    confidence: 'C',
  },
  {
    id: 'advice_circulated',
    from: 'meeting',
    offset: { weeks: -2 },
    nature: 'task',
    onNonWorkingDay: 'earlier',
    milestoneId: 'review_invitations',
    kind: 'statutory',
    source: { document: REGS, section: 'reg. 20(4), 21(4)' },
    confidence: 'C',
  },
  {
    id: 'meeting',
    from: 'meeting',
    offset: {},
    nature: 'task',
    onNonWorkingDay: 'as_calculated',
    kind: 'statutory',
    source: { document: REGS, section: 'reg. 20(1)–(2), 21(1)–(2)' },
    confidence: 'C',
  },
  {
    id: 'report',
    from: 'meeting',
    offset: { weeks: 2 },
    nature: 'task',
    onNonWorkingDay: 'earlier',
    milestoneId: 'review_report',
    kind: 'statutory',
    source: { document: REGS, section: 'reg. 20(7)–(8), 21(7)–(8)' },
    confidence: 'C',
  },
  {
    id: 'decision',
    from: 'meeting',
    offset: { weeks: 4 },
    nature: 'task',
    onNonWorkingDay: 'earlier',
    milestoneId: 'review_decision',
    kind: 'statutory',
    source: { document: `${REGS}; R (L, M and P) v Devon CC [2022] EWHC 493 (Admin)`, section: 'reg. 20(10), 21(9)' },
    confidence: 'C',
  },
  {
    id: 'final_plan',
    from: 'decision',
    offset: { weeks: 8 },
    onlyAfterDecision: ['amend'],
    nature: 'task',
    onNonWorkingDay: 'earlier',
    milestoneId: 'amended_plan_issued',
    kind: 'statutory',
    source: {
      document: `${REGS} (as amended 2023); R (L, M and P) v Devon CC [2022] EWHC 493 (Admin)`,
      section: 'reg. 22(5)',
    },
    confidence: 'C',
  },
  {
    id: 'appeal',
    from: 'appealable_letter',
    offset: { months: 2 },
    nature: 'legal_fact',
    onNonWorkingDay: 'later',
    milestoneId: 'appeal_window',
    kind: 'statutory',
    source: {
      document:
        'Children and Families Act 2014 s.51; SEND Regulations 2014 reg. 43; Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008',
      section: 'reg. 43(1); r.12(2)',
    },
    confidence: 'C',
  },
];

/** The same regulations govern every EHC review; each kind records its own meaning in the log. */
const EHC_EVENTS = {
  planned: 'education.review_meeting_planned',
  held: 'education.annual_review_held',
  decision: 'education.review_decision_made',
  finalPlan: 'education.plan_amended',
} as const;

/** Good practice outside the EHC regulations: notice two weeks ahead, a written record within two weeks. */
const goodPracticeSteps = (source: Source) =>
  weeksFromMeeting(
    [
      ['invitations', -2],
      ['advice_circulated', -2],
      ['meeting', 0],
      ['report', 2],
    ],
    { kind: 'good_practice', source, confidence: 'S' },
  );

const kinds: ReviewKind[] = [
  {
    id: 'ehc_annual_review',
    title: { en: 'EHC plan annual review', da: 'Årligt møde om EHC-planen' },
    pathway: 'education',
    needsFlag: 'hasEhcPlan',
    events: EHC_EVENTS,
    nextDueMilestoneId: 'annual_review',
    steps: EHC_REVIEW_STEPS,
    source: { document: 'Children and Families Act 2014 s.44; SEND Regulations 2014', section: 'regs. 18–22' },
  },
  {
    id: 'year9_pfa_review',
    title: {
      en: 'Year 9 review: preparing for adulthood',
      da: 'Møde i 9. klasse (Year 9): forberedelse til voksenlivet',
    },
    pathway: 'education',
    needsFlag: 'hasEhcPlan',
    events: EHC_EVENTS,
    steps: EHC_REVIEW_STEPS,
    source: { document: 'SEND Regulations 2014', section: 'reg. 20(6), 21(6); SEND Code of Practice 8.9' },
  },
  {
    id: 'phase_transfer_review',
    title: {
      en: 'Review before a move to a new school or college',
      da: 'Møde før skift af skole eller uddannelsessted',
    },
    pathway: 'education',
    needsFlag: 'hasEhcPlan',
    events: EHC_EVENTS,
    steps: EHC_REVIEW_STEPS,
    source: { document: 'SEND Regulations 2014', section: 'reg. 18' },
  },
  {
    id: 'health_transition_meeting',
    title: { en: 'Health transition meeting', da: 'Møde om overgangen til voksensundhed' },
    pathway: 'health',
    events: { held: 'health.transition_meeting_held' },
    steps: goodPracticeSteps({ document: 'NICE NG43', section: 'recommendations 1.2.1, 1.3.1' }),
    source: { document: 'NICE NG43', section: '1.2 Transition planning' },
  },
  {
    id: 'care_act_transition_meeting',
    title: { en: 'Care Act transition assessment meeting', da: 'Møde om vurdering efter Care Act' },
    pathway: 'social_care',
    // The meeting is part of the assessment; its outcome is recorded as the assessment itself.
    events: {},
    steps: goodPracticeSteps({
      document: 'Care Act 2014 ss.58–59; Care and Support Statutory Guidance',
      section: '16.10',
    }),
    source: { document: 'Care Act 2014', section: 'ss.58–59' },
  },
];

export const englandReviews: ReviewRules = {
  kinds,
  advice: {
    // Advice must be circulated two weeks before (reg. 20(4)): due a week before that leaves time to gather it.
    dueBeforeMeeting: { weeks: 3 },
    remindDaysBefore: 5,
    chaseEveryDays: 3,
    source: { document: 'SEND Regulations 2014 reg. 20(4); local practice', section: 'due and chasing dates' },
  },
};
