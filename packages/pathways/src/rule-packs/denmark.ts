import { denmarkReviews } from './denmark-reviews.ts';
import type { Condition, MilestoneRule, RuleTexts, RulePack } from './types.ts';

/*
 * Denmark (domain.md §4). Barnets lov covers children and young people to 18 (LBK 282 of
 * 17/03/2025), Serviceloven applies from 18, majority at 18. All ages are calendar ages.
 * The school calendar (cohort by calendar year, grade N from August of the year they turn
 * N + 6, compulsory schooling ending after 9th grade) is the pack's assumption (U).
 *
 * The pack speaks Danish; each rule's English texts sit beside it (`en`), so a reader can
 * choose and a translator sees both at once.
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

/** A Danish rule with its texts in English. */
type Bilingual = MilestoneRule & { en: RuleTexts };

/**
 * § 123(2): the preparation must consider education, work and income, housing and social
 * life (besides support needs, which the other rules cover). One milestone each, so a worker
 * sees which is still open; each is done once it is considered, by the adult decision.
 */
function section123Topic(
  topic: Pick<
    MilestoneRule,
    'id' | 'pathway' | 'title' | 'familyTitle' | 'staffTitle' | 'description' | 'familyDescription' | 'completedBy'
  > & {
    paragraph: string;
    en: Pick<RuleTexts, 'title' | 'familyTitle' | 'staffTitle' | 'description' | 'familyDescription'>;
  },
): Bilingual {
  const { paragraph, en, ...texts } = topic;
  return {
    ...texts,
    rule: `forberedelsen af overgangen til voksenlivet skal overveje den unges ${paragraph}, så afgørelsen kan træffes før 18-års fødselsdagen`,
    en: {
      ...en,
      rule: `the preparation for adult life must consider the young person’s ${en.staffTitle.toLowerCase()}, so the decision can be made before the 18th birthday`,
      ifMissed: 'Consider it now, with the young person, as part of their adult help.',
    },
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 17, months: 6 },
    appliesWhen: SECTION_122,
    missedAfter: dayBefore18,
    ifMissed: 'Overvej det nu sammen med den unge som en del af hjælpen som voksen.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 123, stk. 2' },
    confidence: 'C',
  };
}

const SECTION_123_TOPICS: Bilingual[] = [
  section123Topic({
    id: 'dk_prep_work_income',
    pathway: 'employment',
    paragraph: 'beskæftigelse og forsørgelsesgrundlag',
    title: 'Arbejde og penge som voksen',
    staffTitle: 'Beskæftigelse og forsørgelse',
    description: 'Før du fylder 18, taler I om arbejde, og hvad du skal leve af: løn, uddannelseshjælp eller pension.',
    familyDescription:
      'Før {name} fylder 18, taler I om arbejde, og hvad {name} skal leve af: løn, uddannelseshjælp eller pension.',
    en: {
      title: 'Work and money as an adult',
      staffTitle: 'Work and income',
      description: 'Before you turn 18 you talk about work and what you will live on: wages, benefits or a pension.',
      familyDescription:
        'Before {name} turns 18, you talk about work and what they will live on: wages, benefits or a pension.',
    },
  }),
  section123Topic({
    id: 'dk_prep_housing',
    pathway: 'independent_living',
    paragraph: 'boligforhold',
    title: 'Hvor du skal bo',
    familyTitle: 'Hvor {name} skal bo',
    staffTitle: 'Boligforhold',
    description: 'Før du fylder 18, taler I om, hvor du vil bo, og hvilken hjælp du skal have der.',
    familyDescription: 'Før {name} fylder 18, taler I om, hvor {name} vil bo, og hvilken hjælp {name} skal have der.',
    completedBy: [{ type: 'independent_living.housing_options_discussed' }],
    en: {
      title: 'Where you will live',
      familyTitle: 'Where {name} will live',
      staffTitle: 'Housing',
      description: 'Before you turn 18 you talk about where you want to live and the help you need there.',
      familyDescription: 'Before {name} turns 18, you talk about where they want to live and the help they need there.',
    },
  }),
  section123Topic({
    id: 'dk_prep_social_life',
    pathway: 'community',
    paragraph: 'sociale forhold, netværk og fritid',
    title: 'Venner, familie og fritid',
    staffTitle: 'Sociale forhold og netværk',
    description: 'Før du fylder 18, taler I om dine venner, din familie og det, du kan lide at lave i fritiden.',
    familyDescription: 'Før {name} fylder 18, taler I om venner, familie og det, {name} kan lide at lave i fritiden.',
    en: {
      title: 'Friends, family and free time',
      staffTitle: 'Social life and networks',
      description:
        'Before you turn 18, you talk about your friends and your family. You talk about what you like to do in your free time.',
      familyDescription:
        'Before {name} turns 18, you talk about friends and family. You talk about what {name} likes to do in their free time.',
    },
  }),
];

const rules: Bilingual[] = [
  {
    id: 'dk_health_consent_15',
    pathway: 'finance_legal',
    title: 'Du giver selv samtykke til behandling fra 15 år',
    familyTitle: '{name} giver selv samtykke til behandling fra 15 år',
    staffTitle: 'Samtykke til behandling fra 15 år (sundhedsloven § 17)',
    description: 'Når du er 15, siger du selv ja eller nej til behandling. Dine forældre får stadig besked og er med.',
    familyDescription:
      'Når {name} er 15, siger {name} selv ja eller nej til behandling. I som forældre får stadig besked og er med.',
    rule: 'fra 15-års fødselsdagen giver den unge selv samtykke til behandling; forældrene skal stadig informeres',
    en: {
      title: 'You agree to your own treatment from 15',
      familyTitle: '{name} agrees to their own treatment from 15',
      staffTitle: 'Consent to treatment from 15 (Sundhedsloven § 17)',
      description: 'From 15 you agree to your own treatment. Your parents are still told and involved.',
      familyDescription: 'From 15, {name} agrees to their own treatment. You as parents are still told and involved.',
      rule: 'from the 15th birthday the young person consents to their own treatment; parents are still informed',
    },
    nature: 'legal_fact',
    windowStart: { at: 'birthday', years: 14, months: 9 },
    due: { at: 'birthday', years: 15 },
    leadAgency: 'region',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Sundhedsloven', section: '§ 17' },
    confidence: 'C',
  },
  {
    id: 'dk_education_duty_15_17',
    pathway: 'education',
    title: 'Du er i uddannelse eller arbejde fra 15 til 18 år',
    familyTitle: '{name} er i uddannelse eller arbejde fra 15 til 18 år',
    staffTitle: 'Uddannelsespligt for 15–17-årige (KUI-loven § 2 a)',
    description:
      'Fra du er 15, til du fylder 18, skal du gå i skole, tage en uddannelse eller arbejde. Eller du laver noget andet, der fører til en uddannelse. Det står i din uddannelsesplan. Kommunen kan fritage dig, hvis dit handicap gør det nødvendigt.',
    familyDescription:
      'Fra {name} er 15, til {name} fylder 18, skal {name} gå i skole, tage en uddannelse eller arbejde. Eller lave noget andet, der fører til en uddannelse. Det står i uddannelsesplanen. Kommunen kan fritage {name}, hvis handicappet gør det nødvendigt.',
    rule: '15–17-årige skal være i uddannelse, beskæftigelse eller anden aktivitet efter deres uddannelsesplan; kommunen fører tilsyn og kan fritage ved handicap eller sygdom',
    en: {
      title: 'You are in education or work from 15 to 18',
      familyTitle: '{name} is in education or work from 15 to 18',
      staffTitle: 'Duty to be in education or work, ages 15–17 (KUI Act § 2 a)',
      description:
        'From 15 until you turn 18, you go to school, learn or work. Or you do something else that leads to an education. Your education plan says how. The municipality can let you off if your disability makes it necessary.',
      familyDescription:
        'From 15 until {name} turns 18, they go to school, learn or work. Or they do something else that leads to an education. Their education plan says how. The municipality can let them off if their disability makes it necessary.',
      rule: '15–17-year-olds must be in education, work or another activity in line with their education plan; the municipality follows it up and may exempt for disability or illness',
    },
    nature: 'continuing_duty',
    windowStart: { at: 'birthday', years: 14, months: 9 },
    due: { at: 'birthday', years: 15 },
    until: dayBefore18,
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Lov om kommunal indsats for unge under 25 år (LBK 825/2019)', section: '§ 2 a' },
    confidence: 'C',
  },
  {
    id: 'dk_kui_education_plan',
    pathway: 'education',
    title: 'Din uddannelsesplan med ungevejlederen',
    familyTitle: '{name}s uddannelsesplan med ungevejlederen',
    staffTitle: 'Uddannelsesplan med den kommunale ungeindsats (KUI)',
    description:
      'I 9. klasse laver du en plan for, hvad du skal efter skolen. En vejleder fra kommunens ungeindsats (KUI) hjælper dig. Planen følger dig, til du er 25.',
    familyDescription:
      'I 9. klasse laver {name} en plan for, hvad {name} skal efter skolen. En vejleder fra kommunens ungeindsats (KUI) hjælper. Planen følger {name}, til {name} er 25.',
    rule: 'den unge udarbejder en uddannelsesplan med den kommunale ungeindsats, inden grundskolen slutter; planen justeres, når der er behov',
    en: {
      title: 'Your education plan with the youth adviser',
      familyTitle: '{name}’s education plan with the youth adviser',
      staffTitle: 'Education plan with the municipal youth effort (KUI)',
      description:
        'In 9th grade you make a plan for what you do after school. An adviser from the municipality’s youth effort (KUI) helps you. The plan follows you until you are 25.',
      familyDescription:
        'In 9th grade {name} makes a plan for what they do after school. An adviser from the municipality’s youth effort (KUI) helps. The plan follows them until they are 25.',
      rule: 'the young person makes an education plan with the municipal youth effort before compulsory schooling ends; it is updated when needed',
      ifMissed: 'Ask the municipal youth effort (KUI) to make the education plan now.',
    },
    windowStart: { at: 'schoolYearStart', schoolYear: 9 },
    due: { at: 'endOfCompulsorySchool' },
    missedAfter: dayBefore18,
    ifMissed: 'Bed den kommunale ungeindsats (KUI) om at lave uddannelsesplanen nu.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Lov om kommunal indsats for unge under 25 år (LBK 825/2019)', section: '§§ 2 a, 2 c' },
    confidence: 'S',
  },
  {
    id: 'dk_kui_guidance_to_25',
    pathway: 'education',
    title: 'Vejledning fra kommunens ungeindsats op til 25 år',
    staffTitle: 'Opsøgende vejledning fra KUI, 15–24 år',
    description:
      'Er du ikke i gang med en uddannelse? Så kontakter kommunens ungeindsats (KUI) dig og hjælper dig videre. Det gælder, indtil du fylder 25.',
    familyDescription:
      'Er {name} ikke i gang med en uddannelse? Så kontakter kommunens ungeindsats (KUI) {name} og hjælper videre. Det gælder, indtil {name} fylder 25.',
    rule: 'kommunen skal gennem en opsøgende indsats tilbyde vejledning til 15–24-årige, der ikke er i gang med eller har gennemført en uddannelse',
    en: {
      title: 'Guidance from the municipal youth effort until 25',
      staffTitle: 'Outreach guidance from KUI, ages 15–24',
      description:
        'Are you not in education? Then the municipality’s youth effort (KUI) contacts you and helps you. This goes on until you turn 25.',
      familyDescription:
        'Is {name} not in education? Then the municipality’s youth effort (KUI) contacts them and helps. This goes on until they turn 25.',
      rule: 'the municipality must reach out and offer guidance to 15–24-year-olds who are not in or have not completed an education',
    },
    nature: 'continuing_duty',
    windowStart: { at: 'birthday', years: 14, months: 9 },
    due: { at: 'birthday', years: 15 },
    until: { at: 'birthday', years: 25, plus: { days: -1 } },
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Lov om kommunal indsats for unge under 25 år (LBK 825/2019)', section: '§ 2' },
    confidence: 'S',
  },
  {
    id: 'dk_transition_prep_16',
    pathway: 'social_care',
    title: 'Kommunen forbereder dit voksenliv',
    familyTitle: 'Kommunen forbereder {name}s voksenliv',
    staffTitle: 'Kommunen påbegynder forberedelsen af overgangen (fra 16 år)',
    description:
      'Kort efter du fylder 16, kontakter kommunen dig og dine forældre. Sammen forbereder I dit voksenliv. I taler om støtte, uddannelse, arbejde, penge, bolig og venner.',
    familyDescription:
      'Kort efter {name} fylder 16, kontakter kommunen {name} og jer. Sammen forbereder I voksenlivet. I taler om støtte, uddannelse, arbejde, penge, bolig og venner.',
    rule: 'kommunen påbegynder den tværgående forberedelse så hurtigt som muligt efter 16-års fødselsdagen (pakken giver 3 måneder)',
    en: {
      title: 'The municipality prepares your move to adult life',
      familyTitle: 'The municipality prepares {name}’s move to adult life',
      staffTitle: 'Municipality starts transition preparation (from 16)',
      description:
        'Soon after you turn 16, the municipality contacts you and your parents. Together you prepare for adult life. You talk about support, education, work, money, housing and friends.',
      familyDescription:
        'Soon after {name} turns 16, the municipality contacts {name} and you. Together you prepare for adult life. You talk about support, education, work, money, housing and friends.',
      rule: 'the municipality starts cross-sector preparation as soon as possible after the 16th birthday (the pack allows 3 months)',
      ifMissed: 'Go straight to the decision on help as an adult.',
    },
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 16, months: 3 },
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.preparation_started' }],
    missedAfter: { at: 'birthday', years: 17, months: 6 },
    ifMissed: 'Gå direkte videre til afgørelsen om hjælp som voksen.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family', 'region'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§§ 122–123 (tidl. SEL § 19 a, 2021)' },
    confidence: 'C',
  },
  {
    id: 'dk_adult_assessment',
    pathway: 'social_care',
    title: 'Kommunen finder ud af, hvad du har brug for som voksen',
    familyTitle: 'Kommunen finder ud af, hvad {name} har brug for som voksen',
    staffTitle: 'Voksenudredning (omkring 16½ år)',
    description:
      'Omkring 16½ år ser kommunen sammen med dig på, hvilken hjælp du får brug for som voksen. Så er der tid til at beslutte den, før du fylder 18.',
    familyDescription:
      'Omkring 16½ år ser kommunen sammen med {name} på, hvilken hjælp {name} får brug for som voksen. Så er der tid til at beslutte den før 18 år.',
    rule: 'en udredning af den unges behov som voksen, omkring 16½ år, så afgørelsen kan træffes i god tid før 18-års fødselsdagen (lokal praksis; loven giver ingen dato)',
    en: {
      title: 'The municipality finds out what help you need as an adult',
      familyTitle: 'The municipality finds out what help {name} needs as an adult',
      staffTitle: 'Adult needs assessment (voksenudredning, around 16½)',
      description:
        'Around 16½, the municipality looks with you at the help you will need as an adult. Then there is time to decide it before you turn 18.',
      familyDescription:
        'Around 16½, the municipality looks with {name} at the help they will need as an adult. Then there is time to decide it before they turn 18.',
      rule: 'an assessment of the young person’s needs as an adult around 16½, so the decision can be made well before the 18th birthday (local practice; the law sets no date)',
      ifMissed: 'Make the decision on adult help from what is known now, and assess as part of it.',
    },
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 16, months: 6 },
    appliesWhen: SECTION_122,
    missedAfter: { at: 'birthday', years: 17, months: 6 },
    ifMissed: 'Træf afgørelsen om hjælp som voksen ud fra det, der vides nu, og udred som en del af den.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family', 'region'],
    kind: 'good_practice',
    source: { document: 'Barnets lov § 123; kommunal praksis (voksenudredning)' },
    confidence: 'U',
  },
  ...SECTION_123_TOPICS,
  {
    id: 'dk_youth_plan_16',
    pathway: 'social_care',
    title: 'Din ungeplan',
    familyTitle: '{name}s ungeplan',
    staffTitle: 'Ungeplan (§ 108)',
    description: 'Kommunen overvejer en ungeplan om dit liv efter 18. Den skal laves, hvis du er anbragt.',
    familyDescription:
      'Kommunen overvejer en ungeplan om {name}s liv efter 18. Den skal laves, hvis {name} er anbragt.',
    rule: 'en ungeplan overvejes senest 3 måneder efter 16-års fødselsdagen eller afgørelsen (skal laves ved anbringelse)',
    en: {
      title: 'Your youth plan (ungeplan)',
      familyTitle: '{name}’s youth plan (ungeplan)',
      staffTitle: 'Youth plan (ungeplan, § 108)',
      description: 'A youth plan about your life after 18 is considered. It must be made if you live in care.',
      familyDescription:
        'A youth plan about {name}’s life after 18 is considered. It must be made if {name} lives in care.',
      rule: 'a youth plan is considered within 3 months of the 16th birthday or the decision (mandatory when placed in care)',
      ifMissed: 'Ask the municipal youth effort (KUI) for an education plan instead.',
    },
    windowStart: { at: 'birthday', years: 16 },
    due: { at: 'birthday', years: 16, months: 3 },
    completedBy: [{ type: 'social_care.youth_plan_made' }, { type: 'milestone.recorded' }],
    missedAfter: { at: 'birthday', years: 18 },
    ifMissed: 'Bed den kommunale ungeindsats (KUI) om en uddannelsesplan i stedet.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 108' },
    confidence: 'C',
  },
  {
    id: 'dk_stu',
    pathway: 'education',
    title: 'En ungdomsuddannelse lavet til dig (STU)',
    familyTitle: 'En ungdomsuddannelse lavet til {name} (STU)',
    staffTitle: 'Ret til STU (til 25 år)',
    description:
      'Når du er færdig med skolen, kan du få en 3-årig ungdomsuddannelse, der er lavet til dig (STU). Du kan starte, indtil du fylder 25.',
    familyDescription:
      'Når {name} er færdig med skolen, kan {name} få en 3-årig ungdomsuddannelse, der er lavet til {name} (STU). {name} kan starte, indtil {name} fylder 25.',
    rule: 'retten til STU gælder fra undervisningspligtens ophør til 25-års fødselsdagen',
    en: {
      title: 'A youth education made for you (STU)',
      familyTitle: 'A youth education made for {name} (STU)',
      staffTitle: 'Right to STU (to 25)',
      description:
        'A 3-year youth education made for you (STU) is offered when you finish school. You can start it until you turn 25.',
      familyDescription:
        'A 3-year youth education made for {name} (STU) is offered when they finish school. They can start it until they turn 25.',
      rule: 'the right to STU runs from the end of compulsory schooling to the 25th birthday',
    },
    nature: 'legal_fact',
    windowStart: { at: 'schoolYearStart', schoolYear: 9 },
    due: { at: 'endOfCompulsorySchool' },
    until: { at: 'birthday', years: 25, plus: { days: -1 } },
    appliesWhen: { any: [{ flag: 'learningDisability' }, { flag: 'likelyAdultCareNeeds' }] },
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'STU-loven', section: 'LBK 610/2019' },
    confidence: 'C',
  },
  {
    id: 'dk_ungestoette_decision',
    pathway: 'social_care',
    title: 'Afgørelse om ungestøtte efter anbringelsen',
    staffTitle: 'Afgørelse om ungestøtte efter anbringelse (17½ år)',
    description:
      'Hvis du er anbragt, beslutter kommunen senest et halvt år før du fylder 18, hvilken støtte du får efter 18.',
    familyDescription:
      'Hvis {name} er anbragt, beslutter kommunen senest et halvt år før 18-års fødselsdagen, hvilken støtte {name} får efter 18.',
    rule: 'afgørelsen om ungestøtte efter en anbringelse træffes senest 6 måneder før 18-års fødselsdagen (17 år og 6 måneder)',
    en: {
      title: 'Decision on youth support after care (ungestøtte)',
      staffTitle: 'Decision on youth support after placement (17½)',
      description:
        'You live in care. The municipality decides what support you get after 18. It decides at least 6 months before you turn 18.',
      familyDescription:
        'If {name} lives in care, the municipality decides what support they get after 18. It decides at least 6 months before they turn 18.',
      rule: 'the decision on youth support after a placement is made at least 6 months before the 18th birthday (17 years 6 months)',
      ifMissed: 'Ask the municipality now whether youth support after care (ungestøtte) can be given.',
    },
    windowStart: { at: 'birthday', years: 17 },
    due: { at: 'birthday', years: 17, months: 6 },
    appliesWhen: { flag: 'placedInCare' },
    completedBy: [{ type: 'social_care.youth_support_decided' }],
    missedAfter: { at: 'birthday', years: 18 },
    ifMissed: 'Spørg kommunen nu, om der kan gives ungestøtte efter anbringelsen.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 111' },
    confidence: 'C',
  },
  {
    id: 'dk_adult_decision',
    pathway: 'social_care',
    title: 'Afgørelse om din hjælp som voksen',
    familyTitle: 'Afgørelse om {name}s hjælp som voksen',
    staffTitle: 'Afgørelse om støtte som voksen før 18 år (§ 123, stk. 3)',
    description:
      'Før du fylder 18, beslutter kommunen, hvilken hjælp du får som voksen, så den kan begynde på din fødselsdag.',
    familyDescription:
      'Før {name} fylder 18, beslutter kommunen, hvilken hjælp {name} får som voksen, så den kan begynde på fødselsdagen.',
    rule: 'afgørelsen om støtte som voksen træffes før 18-års fødselsdagen, så hjælpen kan begynde straks (ingen fast dato; 17½ år er lokal praksis)',
    en: {
      title: 'Decision on your help as an adult',
      familyTitle: 'Decision on {name}’s help as an adult',
      staffTitle: 'Decision on adult support before 18 (§ 123(3))',
      description:
        'Before you turn 18, the municipality decides what help you get as an adult. Then the help can start on your birthday.',
      familyDescription:
        'Before {name} turns 18, the municipality decides what help they get as an adult. Then the help can start on their birthday.',
      rule: 'the decision on adult support is made before the 18th birthday so help can start on it (no fixed date; 17½ is local practice)',
      ifMissed: 'Ask the municipality for a decision on adult help under Serviceloven now.',
    },
    windowStart: { at: 'birthday', years: 17, months: 6 },
    due: dayBefore18,
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.adult_decision_made' }],
    missedAfter: { at: 'birthday', years: 19 },
    ifMissed: 'Bed kommunen om en afgørelse om hjælp som voksen efter serviceloven nu.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person', 'family'],
    kind: 'statutory',
    source: { document: 'Barnets lov', section: '§ 123, stk. 3' },
    confidence: 'C',
  },
  {
    id: 'dk_adult_help_18',
    pathway: 'social_care',
    title: 'Hjælp som voksen fra 18 år (serviceloven)',
    staffTitle: 'Støtte efter serviceloven fra 18 år',
    description:
      'Fra du er 18, får du hjælp efter loven for voksne. Betalingen til dine forældre stopper, og du søger selv (merudgifter kan søges fra 3 måneder før).',
    familyDescription:
      'Fra {name} er 18, får {name} hjælp efter loven for voksne. Betalingen til jer stopper, og {name} søger selv (merudgifter kan søges fra 3 måneder før).',
    rule: 'hjælp som voksen efter serviceloven fra 18-års fødselsdagen; betalingen til forældrene ophører; merudgifter som voksen kan søges fra 3 måneder før',
    en: {
      title: 'Adult help from 18 (Serviceloven)',
      staffTitle: 'Adult support under Serviceloven from 18',
      description:
        'From 18 your help comes under the adult law. Payments to your parents stop, and you apply yourself (extra costs from 3 months before).',
      familyDescription:
        'From 18, {name}’s help comes under the adult law. Payments to you stop, and {name} applies themselves (extra costs from 3 months before).',
      rule: 'adult help under Serviceloven from the 18th birthday; parents’ payments stop; applications for adult extra costs from 3 months before',
      ifMissed: 'Apply to the municipality for help under Serviceloven now.',
    },
    windowStart: { at: 'birthday', years: 17, months: 9 },
    due: { at: 'birthday', years: 18 },
    appliesWhen: SECTION_122,
    completedBy: [{ type: 'social_care.adult_services_started' }],
    missedAfter: { at: 'birthday', years: 19 },
    ifMissed: 'Søg kommunen om hjælp efter serviceloven nu.',
    leadAgency: 'municipality',
    contributingAgencies: ['young_person'],
    kind: 'statutory',
    source: { document: 'Serviceloven; Københavns Kommune' },
    confidence: 'C',
  },
  {
    id: 'dk_ungestoette_18_22',
    pathway: 'social_care',
    title: 'Ungestøtte fra 18 til 22 år',
    staffTitle: 'Ungestøtte efter anbringelse, 18–22 år',
    description: 'Hvis du har været anbragt, kan du få ungestøtte fra 18 år, til du fylder 23.',
    familyDescription: 'Hvis {name} har været anbragt, kan {name} få ungestøtte fra 18 år, til {name} fylder 23.',
    rule: 'ungestøtte efter en anbringelse gælder fra 18-års til 23-års fødselsdagen',
    en: {
      title: 'Youth support from 18 to 22 (ungestøtte)',
      staffTitle: 'Youth support after placement, 18 to 22',
      description: 'If you lived in care, you can get youth support from 18 until your 23rd birthday.',
      familyDescription: 'If {name} lived in care, they can get youth support from 18 until their 23rd birthday.',
      rule: 'youth support after a placement runs from the 18th to the 23rd birthday',
    },
    windowStart: { at: 'birthday', years: 17, months: 6 },
    nature: 'legal_fact',
    due: { at: 'birthday', years: 18 },
    until: { at: 'birthday', years: 23, plus: { days: -1 } },
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
    title: 'Du flytter fra børneafdelingen til voksenafdelingen',
    familyTitle: '{name} flytter fra børneafdelingen til voksenafdelingen',
    staffTitle: 'Overgang fra børne- til voksenafdeling på hospitalet',
    description:
      'Omkring 18 år flytter du fra børneafdelingen til voksenafdelingen på hospitalet. Det sker i tre trin: at blive klar, selve flytningen og opfølgning.',
    familyDescription:
      'Omkring 18 år flytter {name} fra børneafdelingen til voksenafdelingen på hospitalet. Det sker i tre trin: at blive klar, selve flytningen og opfølgning.',
    // The ages of the three phases are not confirmed.
    rule: 'overgangen fra børne- til voksenafdelingen sker som regel omkring 18 år, i tre faser',
    en: {
      title: 'Move from the children’s to the adult hospital department',
      staffTitle: 'Transfer to the adult hospital department',
      description:
        'Around 18 you move from the children’s hospital department to the adult one. This happens in three steps: getting ready, the move and follow-up.',
      familyDescription:
        'Around 18, {name} moves from the children’s hospital department to the adult one. This happens in three steps: getting ready, the move and follow-up.',
      rule: 'the move from the children’s to the adult hospital department usually happens around 18, in three phases',
    },
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
    title: 'Værgemål',
    staffTitle: 'Værgemål overvejet før 18 år',
    description:
      'Hvis du måske ikke selv kan klare penge eller nogle beslutninger, når du er 18, overvejes værgemål før din fødselsdag.',
    familyDescription:
      'Hvis {name} måske ikke selv kan klare penge eller nogle beslutninger som 18-årig, overvejes værgemål før fødselsdagen.',
    rule: 'værgemål overvejes før 18-års fødselsdagen',
    en: {
      title: 'Guardianship (værgemål)',
      staffTitle: 'Guardianship (værgemål) considered before 18',
      description:
        'If you may not be able to handle money or some decisions at 18, guardianship is considered before your birthday.',
      familyDescription:
        'If {name} may not be able to handle money or some decisions at 18, guardianship is considered before their birthday.',
      rule: 'guardianship (værgemål) is considered before the 18th birthday',
      ifMissed: 'If it is still needed, apply to the Agency of Family Law (Familieretshuset) for guardianship.',
    },
    windowStart: { at: 'birthday', years: 17 },
    due: dayBefore18,
    appliesWhen: { flag: 'mayLackCapacity' },
    completedBy: [{ type: 'finance_legal.guardianship_considered' }],
    missedAfter: { at: 'birthday', years: 19 },
    ifMissed: 'Hvis der stadig er brug for det, så søg Familieretshuset om værgemål.',
    leadAgency: 'family',
    contributingAgencies: ['municipality'],
    kind: 'good_practice',
    source: { document: 'Familieretshuset; Københavns Kommune' },
    confidence: 'S',
  },
];

const milestones: MilestoneRule[] = rules.map(({ en: _english, ...rule }) => rule);
const englishTexts = Object.fromEntries(rules.map((rule) => [rule.id, rule.en]));

export const denmarkRulePack: RulePack = {
  jurisdiction: 'denmark',
  name: 'Danmark',
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
  // § 123(2) asks about work and income, housing and social life: each has its pathway.
  pathways: ['education', 'employment', 'health', 'social_care', 'independent_living', 'community', 'finance_legal'],
  conditionReasons: {
    likelyAdultCareNeeds: 'Kun for unge, der forventes at få brug for hjælp som voksne.',
    complexHealthNeeds: 'Kun for unge med komplekse helbredsbehov.',
    learningDisability: 'Kun for unge med udviklingshæmning.',
    lifeLimitingCondition: 'Kun for unge med en livstruende eller livsbegrænsende sygdom.',
    placedInCare: 'Kun for unge, der er anbragt.',
    mayLackCapacity: 'Kun for unge, der måske ikke selv kan træffe nogle beslutninger.',
  },
  agencyNames: {
    municipality: 'Kommunen',
    region: 'Regionen (hospitalet)',
    family: 'Familien / Familieretshuset',
    young_person: 'Den unge',
  },
  abbreviations: {
    KUI: 'kommunens ungeindsats',
    STU: 'særligt tilrettelagt ungdomsuddannelse: en uddannelse lavet til dig',
  },
  milestones,
  reviews: denmarkReviews,
  translations: {
    en: {
      name: 'Denmark',
      milestones: englishTexts,
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
      abbreviations: {
        KUI: 'the municipality’s youth effort',
        STU: 'a youth education made for you',
      },
    },
  },
};
