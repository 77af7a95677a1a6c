import type { Pathway } from '../rule-packs/types.ts';

/**
 * What a service of the local offer helps with, in the planner's words. Feeds file services
 * under many taxonomies (the LGA's service types, a council's own, none at all), so a service's
 * topics are worked out from its taxonomy terms, name and description; a milestone finds
 * services through its pathway's topics, and an agreed action through the words it is written in.
 */
export const SERVICE_TOPICS = [
  'short_breaks',
  'education',
  'employment',
  'health',
  'mental_health',
  'social_care',
  'independent_living',
  'travel',
  'money',
  'legal_capacity',
  'leisure',
  'advice',
] as const;
export type ServiceTopic = (typeof SERVICE_TOPICS)[number];

/**
 * Word stems (English and Danish) that put a service under a topic, matched at the start of a
 * word, case apart. Chosen from the LGA service-type list and English and Danish local offers.
 */
const TOPIC_WORDS: Record<ServiceTopic, readonly string[]> = {
  short_breaks: ['short break', 'respite', 'aflastning', 'overnight break', 'holiday scheme'],
  education: ['education', 'college', 'school', 'learning', 'tutor', 'course', 'uddannelse', 'skole', 'stu'],
  employment: [
    'employ',
    'job',
    'work experience',
    'into work',
    'supported internship',
    'internship',
    'apprentice',
    'career',
    'volunteer',
    'beskæftigelse',
    'praktik',
  ],
  health: ['health', 'nhs', 'therap', 'nurs', 'clinic', 'gp', 'physio', 'speech and language', 'sundhed', 'læge'],
  mental_health: ['mental health', 'counsel', 'wellbeing', 'camhs', 'anxiety', 'psykiatri', 'trivsel'],
  social_care: [
    'social care',
    'care and support',
    'personal assistant',
    'direct payment',
    'personal budget',
    'carer',
    'socialrådgiv',
    'hjemmehjælp',
  ],
  independent_living: [
    'independent living',
    'supported living',
    'housing',
    'accommodation',
    'tenancy',
    'life skills',
    'bolig',
    'botilbud',
  ],
  travel: ['travel', 'transport', 'bus pass', 'blue badge', 'kørsel'],
  money: ['benefit', 'money', 'welfare', 'financ', 'debt', 'personal independence payment', 'økonomi', 'ydelse'],
  legal_capacity: [
    'advocacy',
    'advocate',
    'mental capacity',
    'court of protection',
    'deputy',
    'legal',
    'værge',
    'bisidder',
  ],
  leisure: ['leisure', 'sport', 'club', 'activit', 'youth', 'social group', 'arts', 'music', 'fritid'],
  // Not "advice" alone: benefits advice is money, careers advice is work.
  advice: [
    'information and advice',
    'information, advice',
    'advice and support',
    'impartial',
    'sendias',
    'iass',
    'parent carer forum',
    'support group',
    'rådgivning',
  ],
};

const TOPIC_PATTERNS: readonly [ServiceTopic, RegExp][] = SERVICE_TOPICS.map((topic) => [
  topic,
  new RegExp(`(^|[^\\p{L}\\p{N}])(${TOPIC_WORDS[topic].map(escape).join('|')})`, 'iu'),
]);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The topics these words are about (taxonomy terms, a name, a description, an action), in topic order. */
export function topicsOfText(...texts: readonly (string | null | undefined)[]): ServiceTopic[] {
  const words = texts.filter((text): text is string => typeof text === 'string' && text !== '').join('\n');
  return TOPIC_PATTERNS.filter(([, pattern]) => pattern.test(words)).map(([topic]) => topic);
}

/**
 * The topics of services that can help with each pathway's milestones: an adult social care
 * assessment is helped by social care and short breaks, a move to adult health by health and
 * mental health services, and so on.
 */
export const PATHWAY_TOPICS: Record<Pathway, readonly ServiceTopic[]> = {
  education: ['education'],
  employment: ['employment'],
  health: ['health', 'mental_health'],
  social_care: ['social_care', 'short_breaks'],
  independent_living: ['independent_living', 'travel'],
  community: ['leisure', 'short_breaks'],
  finance_legal: ['money', 'legal_capacity'],
  palliative: ['health', 'short_breaks'],
};

/**
 * The topics of services that can help with each step of a plan, where the step says more
 * than its pathway: the review steps are helped by impartial advice (SENDIASS), a Care Act
 * assessment by advocacy and short breaks, a PIP claim by benefits advice. A step not named
 * here is helped by its pathway's topics.
 */
export const MILESTONE_TOPICS: Readonly<Record<string, readonly ServiceTopic[]>> = {
  // England: the EHC plan and its reviews.
  year9_pfa_review: ['advice', 'education'],
  annual_review: ['advice'],
  review_invitations: ['advice'],
  review_report: ['advice'],
  review_decision: ['advice'],
  amended_plan_issued: ['advice'],
  phase_transfer_review_meeting: ['education', 'advice'],
  post16_transfer: ['education'],
  phase_transfer_other: ['education'],
  post16_to_post16_transfer: ['education'],
  post19_continuation: ['education', 'employment'],
  ehcp_end: ['advice', 'employment', 'social_care'],
  post16_transport: ['travel'],
  // Work.
  work_experience: ['employment'],
  supported_internship: ['employment'],
  access_to_work: ['employment'],
  // Health.
  camhs_transfer: ['mental_health'],
  chc_screening_16: ['health', 'social_care'],
  chc_decision_17: ['health', 'social_care'],
  chc_package_18: ['health', 'social_care'],
  // Adult social care.
  care_act_transition_assessment: ['social_care', 'legal_capacity', 'short_breaks'],
  carers_transition_assessment: ['social_care', 'short_breaks'],
  adult_care_plan_18: ['social_care', 'short_breaks'],
  adult_care_advice: ['advice', 'social_care', 'leisure'],
  care_leaver_pathway_plan: ['independent_living', 'money', 'advice'],
  // Money and decisions.
  pip_preparation: ['money'],
  pip_claim: ['money'],
  deputyship_or_lpa: ['legal_capacity'],
  liberty_safeguards_18: ['legal_capacity'],
  // Living and community.
  housing_options: ['independent_living'],
  travel_training: ['travel'],
  community_inclusion: ['leisure', 'short_breaks'],
  // Denmark.
  dk_kui_education_plan: ['education'],
  dk_transition_prep_16: ['social_care', 'advice'],
  dk_adult_assessment: ['social_care', 'legal_capacity'],
  dk_prep_work_income: ['employment', 'money'],
  dk_prep_housing: ['independent_living'],
  dk_prep_social_life: ['leisure', 'short_breaks'],
  dk_youth_plan_16: ['social_care'],
  dk_adult_decision: ['social_care', 'legal_capacity'],
  dk_adult_help_18: ['social_care', 'short_breaks'],
  dk_guardianship: ['legal_capacity'],
};

/** The topics of services that can help with a step: its own (above), else its pathway's. */
export function topicsForMilestone(milestoneId: string, pathway: Pathway): readonly ServiceTopic[] {
  return MILESTONE_TOPICS[milestoneId] ?? PATHWAY_TOPICS[pathway];
}
