import type { Condition, MilestoneRule, RulePack } from './types.ts';

/*
 * Denmark (domain.md §4). Barnets lov covers children and young people to 18 (LBK 282 of
 * 17/03/2025), Serviceloven applies from 18, majority at 18. All ages are calendar ages.
 * The school calendar (cohort by calendar year, grade N from August of the year they turn
 * N + 6, compulsory schooling ending after 9th grade) is the pack's assumption (U).
 */

/** § 122: significant, permanent reduction in function or a serious long-term condition. */
const SECTION_122: Condition = {
  any: [
    { flag: 'likelyAdultCareNeeds' },
    { flag: 'complexHealthNeeds' },
    { flag: 'learningDisability' },
    { flag: 'lifeLimitingCondition' },
  ],
};
const dayBefore18 = { at: 'birthday', years: 18, plus: { days: -1 } } as const;

const milestones: MilestoneRule[] = [
  {
    id: 'dk_health_consent_15',
    pathway: 'finance_legal',
    title: 'You agree to your own treatment from 15',
    description: 'From 15 you agree to your own treatment. Your parents are still told and involved.',
    rule: 'from the 15th birthday the young person consents to their own treatment; parents are still informed',
    windowStart: { at: 'birthday', years: 14, months: 9 },
    due: { at: 'birthday', years: 15 },
    leadAgency: 'region',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Sundhedsloven', section: '§ 17' },
    confidence: 'C',
  },
  {
    id: 'dk_transition_prep_16',
    pathway: 'social_care',
    title: 'The municipality prepares your move to adult life',
    description:
      'Soon after you turn 16 the municipality contacts you and your parents to prepare for adult life: support, education, work, money, housing and friends.',
    rule: 'the municipality starts cross-sector preparation as soon as possible after the 16th birthday (the pack allows 3 months)',
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 16, months: 3 },
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.preparation_started' }],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family', 'region'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§§ 122–123 (ex-SEL § 19 a, 2021)' },
    confidence: 'C',
  },
  {
    id: 'dk_youth_plan_16',
    pathway: 'social_care',
    title: 'Youth plan (ungeplan)',
    description: 'A youth plan about your life after 18 is considered. It must be made if you live in care.',
    rule: 'a youth plan is considered within 3 months of the 16th birthday or the decision (mandatory when placed in care)',
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 16, months: 3 },
    completedBy: [{ type: 'social_care.youth_plan_made' }, { type: 'milestone.recorded' }],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 108' },
    confidence: 'C',
  },
  {
    id: 'dk_stu',
    pathway: 'education',
    title: 'A youth education made for you (STU)',
    description:
      'A 3-year youth education made for you (STU) is offered when you finish school. You can start it until you turn 25.',
    rule: 'STU is offered from the end of compulsory schooling (or after 10th–11th grade) until the 25th birthday; the pack expects the offer by the end of 10th grade',
    windowStart: { at: 'schoolYearStart', schoolYear: 9 },
    due: { at: 'schoolYearEnd', schoolYear: 10 },
    appliesWhen: { any: [{ flag: 'learningDisability' }, { flag: 'likelyAdultCareNeeds' }] },
    completedBy: [
      { type: 'education.post16_started', where: { setting: 'youth_education' } },
      { type: 'milestone.recorded' },
    ],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'STU-loven', section: 'LBK 610/2019' },
    confidence: 'C',
  },
  {
    id: 'dk_ungestoette_decision',
    pathway: 'social_care',
    title: 'Decision on youth support after care (ungestøtte)',
    description:
      'If you live in care, the municipality decides at least 6 months before you turn 18 what support you get after 18.',
    rule: 'the decision on youth support after a placement is made at least 6 months before the 18th birthday (17 years 6 months)',
    windowStart: { at: 'birthday', years: 17 },
    due: { at: 'birthday', years: 17, months: 6 },
    appliesWhen: { flag: 'placedInCare' },
    completedBy: [{ type: 'social_care.youth_support_decided' }],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 111' },
    confidence: 'C',
  },
  {
    id: 'dk_adult_decision',
    pathway: 'social_care',
    title: 'Decision on your help as an adult',
    description:
      'Before you turn 18 the municipality decides what help you get as an adult, so it can start on your birthday.',
    rule: 'the decision on adult support is made before the 18th birthday so help can start on it (no fixed date; 17½ is local practice)',
    windowStart: { at: 'birthday', years: 17, months: 6 },
    due: dayBefore18,
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.adult_decision_made' }],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 123(3)' },
    confidence: 'C',
  },
  {
    id: 'dk_adult_help_18',
    pathway: 'social_care',
    title: 'Adult help from 18 (Serviceloven)',
    description:
      'From 18 your help comes under the adult law. Payments to your parents stop, and you apply yourself (extra costs from 3 months before).',
    rule: 'adult help under Serviceloven from the 18th birthday; parents’ payments stop; applications for adult extra costs from 3 months before',
    windowStart: { at: 'birthday', years: 17, months: 9 },
    due: { at: 'birthday', years: 18 },
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.adult_services_started' }],
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Serviceloven; Københavns Kommune' },
    confidence: 'C',
  },
  {
    id: 'dk_ungestoette_18_22',
    pathway: 'social_care',
    title: 'Youth support from 18 to 22 (ungestøtte)',
    description: 'If you lived in care, you can get youth support from 18 until your 23rd birthday.',
    rule: 'youth support after a placement runs from the 18th to the 23rd birthday',
    windowStart: { at: 'birthday', years: 18 },
    due: { at: 'birthday', years: 18, months: 1 },
    appliesWhen: { flag: 'placedInCare' },
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§§ 114–121' },
    confidence: 'S',
  },
  {
    id: 'dk_health_transfer',
    pathway: 'health',
    title: 'Move from the children’s to the adult hospital department',
    description:
      'Around 18 you move from the children’s hospital department to the adult one, in three steps: getting ready, the move, and follow-up.',
    // The ages of the three phases are not confirmed.
    rule: 'the move from the children’s to the adult hospital department usually happens around 18, in three phases',
    windowStart: { at: 'birthday', years: 17 },
    due: {
      at: 'firstOf',
      of: [
        { at: 'event', type: 'health.transfer_planned', field: 'transferDate' },
        { at: 'birthday', years: 18, months: 6 },
      ],
    },
    appliesWhen: {
      any: [{ flag: 'complexHealthNeeds' }, { flag: 'lifeLimitingCondition' }, { flag: 'learningDisability' }],
    },
    completedBy: [{ type: 'health.transferred' }],
    leadAgency: 'region',
    contributingAgencies: ['young_person'],
    kind: 'good_practice',
    source: { document: 'Sundhedsstyrelsen 2020, anbefalinger for transition' },
    confidence: 'C',
  },
  {
    id: 'dk_guardianship',
    pathway: 'finance_legal',
    title: 'Guardianship (værgemål)',
    description:
      'If you may not be able to handle money or some decisions at 18, guardianship is considered before your birthday.',
    rule: 'guardianship (værgemål) is considered before the 18th birthday',
    windowStart: { at: 'birthday', years: 17 },
    due: dayBefore18,
    appliesWhen: { flag: 'mayLackCapacity' },
    completedBy: [{ type: 'finance_legal.guardianship_considered' }],
    leadAgency: 'family',
    contributingAgencies: ['municipality'],
    kind: 'good_practice',
    source: { document: 'Familieretshuset; Københavns Kommune' },
    confidence: 'S',
  },
];

export const denmarkRulePack: RulePack = {
  jurisdiction: 'denmark',
  name: 'Denmark',
  locale: 'da-DK',
  settings: {
    leapDayBirthday: 'march_1',
    transferDeadlineDisplay: 'statutory',
    yearGroupOffsetMovesCompulsorySchoolAge: false,
  },
  schoolCalendar: {
    cohortStart: { month: 1, day: 1 },
    yearStart: { month: 8, day: 1 },
    yearNumberOffset: 6,
    compulsorySchoolEnd: { kind: 'fixedDate', month: 6, day: 30, afterSchoolYear: 9 },
  },
  adulthoodAge: 18,
  statutoryEducationPlan: 'never',
  pathways: ['education', 'health', 'social_care', 'finance_legal'],
  conditionReasons: {
    likelyAdultCareNeeds: 'Only for young people likely to need help as adults.',
    complexHealthNeeds: 'Only for young people with complex health needs.',
    learningDisability: 'Only for young people with a learning disability.',
    lifeLimitingCondition: 'Only for young people with a life-limiting condition.',
    placedInCare: 'Only for young people placed in care (anbragt).',
    mayLackCapacity: 'Only for young people who may not be able to make some decisions themselves.',
  },
  agencyNames: {
    municipality: 'Municipality (kommune)',
    region: 'Region (hospital)',
    family: 'Family / Agency of Family Law (Familieretshuset)',
    young_person: 'The young person',
  },
  milestones,
};
