import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { denmarkRulePack } from '../rule-packs/denmark.ts';
import { englandRulePack } from '../rule-packs/england.ts';
import type { RulePack } from '../rule-packs/types.ts';
import { validateRulePack } from '../rule-packs/validate-rule-pack.ts';
import { buildPlan, explain, planMilestones } from './build-plan.ts';

const MAYA = {
  dateOfBirth: '2012-03-03',
  jurisdiction: 'england' as const,
  hasEhcPlan: true,
  likelyAdultCareNeeds: true,
};
const find = <T extends { id: string }>(milestones: T[], id: string): T | undefined =>
  milestones.find((m) => m.id === id);

describe('planMilestones', () => {
  it('returns every milestone of the pack with the fields callers rely on', () => {
    const milestones = planMilestones(MAYA, [], { asOf: '2027-10-01' });
    expect(milestones).toHaveLength(englandRulePack.milestones.length);
    expect(find(milestones, 'post16_transfer')).toMatchObject({
      id: 'post16_transfer',
      pathway: 'education',
      status: 'due',
      dueDate: '2028-03-31',
      windowStart: '2027-09-01',
      leadAgency: 'la_send',
      source: { document: 'SEND Regulations 2014', section: 'reg. 18(1)(a)' },
      confidence: 'C',
    });
  });

  it('walks a milestone through upcoming, due, overdue and done as time and events move', () => {
    const status = (asOf: string, events: unknown[] = []) =>
      find(planMilestones(MAYA, events, { asOf }), 'post16_transfer');
    expect(status('2027-08-31')?.status).toBe('upcoming');
    expect(status('2027-09-01')?.status).toBe('due');
    expect(status('2028-03-31')?.status).toBe('due');
    expect(status('2028-04-01')?.status).toBe('overdue');
    const amended = [{ type: 'education.plan_amended', date: '2028-02-10', transfer: 'post16' }];
    expect(status('2028-04-01', amended)).toMatchObject({ status: 'done', completedOn: '2028-02-10' });
    // As of a date before the event, it has not happened yet.
    expect(status('2028-02-09', amended)?.status).toBe('due');
  });

  it('says not_applicable, with the reason, when a milestone does not apply', () => {
    const milestones = planMilestones(MAYA, [], { asOf: '2027-10-01' });
    expect(find(milestones, 'palliative_parallel_plan')).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'Only for young people with a life-limiting condition.',
    });
    const withoutPlan = planMilestones({ ...MAYA, hasEhcPlan: false }, [], { asOf: '2027-10-01' });
    expect(find(withoutPlan, 'post16_transfer')).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'Only for young people with an EHC plan.',
    });
    expect(find(withoutPlan, 'health_transition_start')).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'Only for young people who see children’s health services.',
    });
    const seenByPaediatrics = planMilestones({ ...MAYA, hasEhcPlan: false, usesChildrensHealthServices: true }, [], {
      asOf: '2027-10-01',
    });
    expect(find(seenByPaediatrics, 'health_transition_start')?.status).toBe('overdue');
  });

  it('counts a review for the Year 9 milestone only if it happened in Year 9 or later', () => {
    const early = planMilestones(MAYA, [{ type: 'education.annual_review_held', date: '2025-06-01' }], {
      asOf: '2025-10-01',
    });
    expect(find(early, 'year9_pfa_review')?.status).toBe('due');
    const inYear9 = planMilestones(MAYA, [{ type: 'education.annual_review_held', date: '2025-11-12' }], {
      asOf: '2025-12-01',
    });
    expect(find(inYear9, 'year9_pfa_review')).toMatchObject({ status: 'done', completedOn: '2025-11-12' });
  });

  it('keeps recurring reviews 12 months after the last one, with the last one shown', () => {
    const events = [
      { type: 'education.ehc_plan_issued', date: '2024-05-20' },
      { type: 'education.annual_review_held', date: '2025-05-01' },
      { type: 'education.annual_review_held', date: '2026-04-15' },
    ];
    expect(find(planMilestones(MAYA, events, { asOf: '2026-11-22' }), 'annual_review')).toMatchObject({
      status: 'upcoming',
      isRecurring: true,
      lastDoneOn: '2026-04-15',
      windowStart: '2027-02-15',
      dueDate: '2027-04-15',
    });
    expect(find(planMilestones(MAYA, events.slice(0, 1), { asOf: '2025-06-01' }), 'annual_review')).toMatchObject({
      status: 'overdue',
      dueDate: '2025-05-20',
      lastDoneOn: null,
    });
  });

  it('ends every pathway on death: remaining milestones no longer apply', () => {
    const milestones = planMilestones(MAYA, [{ type: 'person.died', date: '2027-01-10' }], { asOf: '2027-10-01' });
    expect(find(milestones, 'post16_transfer')).toMatchObject({ status: 'not_applicable' });
    expect(find(milestones, 'post16_transfer')?.notApplicableReason).toContain('ended on 10 January 2027 (died)');
    expect(find(milestones, 'housing_options')?.status).toBe('not_applicable');
  });

  it('marks the plan end done when the EHC plan reaches its 25th-birthday end', () => {
    const plan = buildPlan(MAYA, [], { asOf: '2037-03-10' });
    expect(find(plan.milestones, 'ehcp_end')).toMatchObject({ status: 'done', completedOn: '2037-03-02' });
    expect(plan.pathways.find((p) => p.pathway === 'education')).toMatchObject({
      isEnded: true,
      endReason: 'age_limit',
    });
  });

  it('is deterministic: the same input gives the same output', () => {
    const events = [
      { type: 'education.annual_review_held', date: '2026-03-02' },
      { type: 'health.transition_planning_started', date: '2026-01-12' },
    ];
    const first = JSON.stringify(buildPlan(MAYA, events, { asOf: '2027-10-01' }));
    expect(JSON.stringify(buildPlan(MAYA, [...events], { asOf: '2027-10-01' }))).toBe(first);
  });

  it('orders events by date whatever order they are given in', () => {
    const events = [
      { type: 'social_care.assessment_completed', date: '2029-01-10', likelyEligible: true },
      { type: 'social_care.assessment_requested', date: '2028-06-01' },
    ];
    const plan = buildPlan(MAYA, events, { asOf: '2029-02-01' });
    expect(plan.rejectedEvents).toEqual([]);
    expect(find(plan.milestones, 'care_act_transition_assessment')).toMatchObject({
      status: 'done',
      completedOn: '2029-01-10',
    });
  });
});

describe('rejected events', () => {
  it('lists invalid, impossible and out-of-jurisdiction events with reasons, and never counts them', () => {
    const plan = buildPlan(
      MAYA,
      [
        { type: 'education.transfer_planned', date: '2026-10-01', transfer: 'sideways', moveDate: '2027-09-01' },
        { type: 'social_care.adult_services_started', date: '2026-10-02' },
        { type: 'education.annual_review_held', date: '2011-01-01' },
        { type: 'milestone.recorded', date: '2026-10-03', milestoneId: 'no_such_milestone' },
        { type: 'milestone.recorded', date: '2026-10-04', milestoneId: 'post16_transfer' },
        { type: 'not.an.event', date: '2026-10-05' },
      ],
      { asOf: '2026-11-22' },
    );
    expect(plan.rejectedEvents.map((r) => [r.index, r.code])).toEqual([
      [0, 'invalid'],
      [5, 'invalid'],
      [2, 'before_birth'],
      [1, 'not_allowed_now'],
      [3, 'unknown_milestone'],
      [4, 'not_allowed_now'],
    ]);
    expect(plan.rejectedEvents[0]?.reason).toMatch(/^transfer: /);
    expect(plan.rejectedEvents[1]?.reason).toBe('type: "not.an.event" is not a known event type');
    expect(plan.rejectedEvents[5]?.reason).toContain('recorded with its own event (education.plan_amended)');
    expect(find(plan.milestones, 'adult_care_plan_18')?.status).not.toBe('done');
  });

  it('refuses an event for a pathway the jurisdiction does not have', () => {
    const plan = buildPlan(
      { dateOfBirth: '2010-05-05', jurisdiction: 'denmark' },
      [{ type: 'palliative.parallel_plan_agreed', date: '2025-01-01' }],
      { asOf: '2026-01-01' },
    );
    expect(plan.rejectedEvents[0]).toMatchObject({ code: 'not_in_jurisdiction' });
  });
});

describe('input validation', () => {
  it('names the field of a bad profile or date', () => {
    expect(() => planMilestones({ ...MAYA, dateOfBirth: '2012-02-30' }, [], { asOf: '2027-10-01' })).toThrowError(
      ZodError,
    );
    try {
      planMilestones({ ...MAYA, yearGroupOffset: 1.5 }, [], { asOf: '2027-10-01' });
    } catch (error) {
      expect((error as ZodError).issues[0]?.path).toEqual(['yearGroupOffset']);
    }
    expect(() => planMilestones(MAYA, [], { asOf: 'tomorrow' })).toThrowError(/YYYY-MM-DD/);
    expect(() =>
      planMilestones({ ...MAYA, jurisdiction: 'scotland' as never }, [], { asOf: '2027-10-01' }),
    ).toThrowError(ZodError);
  });
});

describe('explain', () => {
  it('says in one sentence why a milestone has its date and status, with rule, inputs and source', () => {
    const plan = buildPlan(MAYA, [], { asOf: '2027-10-01' });
    expect(explain(plan, 'post16_transfer')).toBe(
      'Due by 31 March 2028: the EHC plan must be amended by 31 March in the calendar year of the move to post-16 education ' +
        '(SEND Regulations 2014, reg. 18(1)(a)); here: no move recorded, so one is assumed at the start of Year 12 on 1 September 2028.',
    );
    expect(explain(plan, 'chc_decision_17')).toMatch(
      /^Does not apply: Only for young people with complex health needs/,
    );
    expect(explain(plan, 'palliative_transfer')).toMatch(
      /^Does not apply: Only for young people with a life-limiting condition\./,
    );
    expect(explain(plan, 'care_act_transition_assessment')).toContain('here: aged 17 and 6 months on 3 September 2029');
    expect(explain(plan, 'no_such_milestone')).toBeUndefined();
  });

  it('flags rules that rest on secondary or unconfirmed sources', () => {
    const plan = buildPlan(MAYA, [], { asOf: '2027-10-01' });
    expect(explain(plan, 'ehcp_end')).toContain('This rule rests on secondary sources.');
    expect(explain(plan, 'travel_training')).toContain('This rule is not yet confirmed.');
    expect(explain(plan, 'post16_transfer')).not.toContain('secondary');
  });

  it('explains done and overdue milestones with their dates and the inputs', () => {
    const plan = buildPlan(
      MAYA,
      [
        { type: 'education.transfer_planned', date: '2027-10-01', transfer: 'post16', moveDate: '2029-01-07' },
        { type: 'education.annual_review_held', date: '2026-03-02' },
      ],
      { asOf: '2029-04-02' },
    );
    expect(explain(plan, 'year9_pfa_review')).toMatch(/^Done on 2 March 2026: /);
    expect(explain(plan, 'post16_transfer')).toMatch(
      /^Overdue, it was due by 31 March 2029: .*here: move planned for 7 January 2029\.$/,
    );
  });

  it('includes the explanation when a plan is sent as JSON', () => {
    const [first] = JSON.parse(JSON.stringify(planMilestones(MAYA, [], { asOf: '2027-10-01' }))) as {
      explanation: string;
    }[];
    expect(first?.explanation).toMatch(
      /^(Due|Overdue|Coming up|Done|Does not apply|Missed|Date not known|From|In effect|Runs from|Ran from)/,
    );
  });
});

describe('Denmark rule pack', () => {
  const SOFIE = {
    dateOfBirth: '2009-06-15',
    jurisdiction: 'denmark' as const,
    likelyAdultCareNeeds: true,
    placedInCare: true,
    mayLackCapacity: true,
    complexHealthNeeds: true,
    learningDisability: true,
  };

  it('is sound data', () => {
    expect(validateRulePack(denmarkRulePack)).toEqual([]);
  });

  it('dates every milestone from calendar ages (domain.md §4)', () => {
    const milestones = planMilestones(SOFIE, [], { asOf: '2026-11-22' });
    const windows = Object.fromEntries(milestones.map((m) => [m.id, [m.windowStart, m.dueDate]]));
    expect(windows).toEqual({
      dk_health_consent_15: ['2024-03-15', '2024-06-15'],
      // KUI: the duty to be in education or work from 15, guidance to 25, the education plan in 9th grade.
      dk_education_duty_15_17: ['2024-03-15', '2024-06-15'],
      dk_kui_guidance_to_25: ['2024-03-15', '2024-06-15'],
      dk_kui_education_plan: ['2024-08-01', '2025-06-30'],
      dk_transition_prep_16: ['2025-06-15', '2025-09-15'],
      dk_adult_assessment: ['2025-06-15', '2025-12-15'],
      // § 123(2): work and income, housing, social life, each by 17½.
      dk_prep_work_income: ['2025-06-15', '2026-12-15'],
      dk_prep_housing: ['2025-06-15', '2026-12-15'],
      dk_prep_social_life: ['2025-06-15', '2026-12-15'],
      dk_youth_plan_16: ['2025-06-15', '2025-09-15'],
      dk_stu: ['2024-08-01', '2025-06-30'],
      dk_ungestoette_decision: ['2026-06-15', '2026-12-15'],
      dk_adult_decision: ['2026-12-15', '2027-06-14'],
      dk_adult_help_18: ['2027-03-15', '2027-06-15'],
      dk_ungestoette_18_22: ['2026-12-15', '2027-06-15'],
      dk_health_transfer: ['2026-06-15', '2027-12-15'],
      dk_guardianship: ['2026-06-15', '2027-06-14'],
    });
    expect(find(milestones, 'dk_ungestoette_decision')?.status).toBe('due');
    expect(find(milestones, 'dk_transition_prep_16')?.status).toBe('overdue');
    expect(find(milestones, 'dk_prep_housing')?.status).toBe('due');
    expect(find(milestones, 'dk_education_duty_15_17')).toMatchObject({ status: 'in_effect', closesOn: '2027-06-14' });
    expect(find(milestones, 'dk_kui_guidance_to_25')).toMatchObject({ status: 'in_effect', closesOn: '2034-06-14' });
  });

  it('is missed, not late, once a topic of § 123(2) can no longer be prepared before 18', () => {
    const milestones = planMilestones(SOFIE, [], { asOf: '2027-06-15' });
    expect(find(milestones, 'dk_prep_housing')).toMatchObject({ status: 'missed', closesOn: '2027-06-14' });
    expect(find(milestones, 'dk_prep_housing')?.explanation).toContain(
      'Overvej det nu sammen med den unge som en del af hjælpen som voksen.',
    );
    const discussed = planMilestones(
      SOFIE,
      [{ type: 'independent_living.housing_options_discussed', date: '2026-09-01' }],
      { asOf: '2027-06-15' },
    );
    expect(find(discussed, 'dk_prep_housing')).toMatchObject({ status: 'done', completedOn: '2026-09-01' });
  });

  it('applies youth support after care only to young people placed in care', () => {
    const milestones = planMilestones({ ...SOFIE, placedInCare: false }, [], { asOf: '2026-11-22' });
    expect(find(milestones, 'dk_ungestoette_decision')).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'Kun for unge, der er anbragt.',
    });
    const inEnglish = planMilestones({ ...SOFIE, placedInCare: false }, [], { asOf: '2026-11-22', language: 'en' });
    expect(find(inEnglish, 'dk_ungestoette_decision')?.notApplicableReason).toBe(
      'Only for young people placed in care (anbragt).',
    );
  });

  const SOFIES_EVENTS = [
    { type: 'social_care.preparation_started', date: '2025-07-01' },
    { type: 'social_care.adult_decision_made', date: '2027-01-20', eligible: true },
  ];

  it('completes milestones from the shared pathway events and explains in Danish', () => {
    const plan = buildPlan(SOFIE, SOFIES_EVENTS, { asOf: '2027-02-01' });
    expect(find(plan.milestones, 'dk_transition_prep_16')).toMatchObject({ status: 'done', completedOn: '2025-07-01' });
    expect(find(plan.milestones, 'dk_adult_decision')).toMatchObject({ status: 'done' });
    expect(find(plan.milestones, 'dk_adult_help_18')?.title).toBe('Hjælp som voksen fra 18 år (serviceloven)');
    expect(explain(plan, 'dk_adult_help_18')).toBe(
      'Kommer fra 15. marts 2027, frist 15. juni 2027: hjælp som voksen efter serviceloven fra 18-års fødselsdagen; betalingen til forældrene ophører; merudgifter som voksen kan søges fra 3 måneder før (Serviceloven; Københavns Kommune); her: 18 år den 15. juni 2027.',
    );
  });

  it('reads in English on request, with the same dates and statuses', () => {
    const danish = buildPlan(SOFIE, SOFIES_EVENTS, { asOf: '2027-02-01' });
    const english = buildPlan(SOFIE, SOFIES_EVENTS, { asOf: '2027-02-01', language: 'en' });
    expect(find(english.milestones, 'dk_adult_help_18')?.title).toBe('Adult help from 18 (Serviceloven)');
    expect(explain(english, 'dk_adult_help_18')).toBe(
      'Coming up from 15 March 2027, due by 15 June 2027: adult help under Serviceloven from the 18th birthday; parents’ payments stop; applications for adult extra costs from 3 months before (Serviceloven; Københavns Kommune); here: aged 18 on 15 June 2027.',
    );
    const datesOf = (plan: typeof danish) =>
      plan.milestones.map(({ id, status, windowStart, dueDate, closesOn }) => ({
        id,
        status,
        windowStart,
        dueDate,
        closesOn,
      }));
    expect(datesOf(english)).toEqual(datesOf(danish));
  });

  it('has every text in English too, and English packs ignore a language they do not have', () => {
    const english = denmarkRulePack.translations?.en;
    for (const rule of denmarkRulePack.milestones) {
      const texts = english?.milestones[rule.id];
      expect(texts?.title, rule.id).toBeTruthy();
      expect(texts?.staffTitle, rule.id).toBeTruthy();
      expect(texts?.description, rule.id).toBeTruthy();
      expect(texts?.rule, rule.id).toBeTruthy();
      expect(!!texts?.ifMissed, `${rule.id} ifMissed`).toBe(!!rule.ifMissed);
    }
    for (const reason of Object.keys(denmarkRulePack.conditionReasons))
      expect(english?.conditionReasons[reason]).toBeTruthy();
    const maya = planMilestones({ dateOfBirth: '2012-03-03', jurisdiction: 'england', hasEhcPlan: true }, [], {
      asOf: '2027-10-01',
      language: 'da',
    });
    expect(find(maya, 'post16_transfer')?.explanation).toMatch(/^Due by 31 March 2028: /);
  });
});

describe('a third jurisdiction', () => {
  it('is planned from data alone: a pack object, no code', () => {
    const toyland: RulePack = {
      ...denmarkRulePack,
      name: 'Toyland',
      locale: 'en-GB',
      adulthoodAge: 19,
      schoolCalendar: {
        cohortStart: { month: 3, day: 1 },
        yearStart: { month: 3, day: 1 },
        yearNumberOffset: 6,
        compulsorySchoolEnd: { kind: 'fixedDate', month: 12, day: 20, afterSchoolYear: 10 },
      },
      pathways: ['social_care'],
      conditionReasons: {},
      milestones: [
        {
          id: 'toy_adult_plan',
          pathway: 'social_care',
          title: 'Adult plan',
          staffTitle: 'Adult plan',
          description: 'Your adult plan is ready before you turn 19.',
          familyDescription: 'The adult plan of {name} is ready before they turn 19.',
          rule: 'the adult plan is agreed 3 months before the 19th birthday',
          windowStart: { at: 'birthday', years: 18 },
          due: { at: 'birthday', years: 19, plus: { months: -3 } },
          completedBy: [{ type: 'social_care.care_plan_agreed' }],
          leadAgency: 'municipality',
          contributingAgencies: [],
          kind: 'statutory',
          source: { document: 'Toyland Care Act', section: 's.1' },
          confidence: 'U',
        },
        {
          id: 'toy_leaves_school',
          pathway: 'social_care',
          title: 'Leaving school',
          staffTitle: 'Leaving school',
          description: 'You leave school.',
          familyDescription: '{name} leaves school.',
          rule: 'school ends on 20 December after grade 10',
          windowStart: { at: 'schoolYearStart', schoolYear: 10 },
          due: { at: 'endOfCompulsorySchool' },
          leadAgency: 'municipality',
          contributingAgencies: [],
          kind: 'statutory',
          source: { document: 'Toyland Schools Act' },
          confidence: 'U',
        },
      ],
    };
    expect(validateRulePack(toyland)).toEqual([]);
    const plan = buildPlan({ dateOfBirth: '2010-02-10', jurisdiction: 'denmark' }, [], {
      asOf: '2028-12-01',
      rulePack: toyland,
    });
    expect(plan.milestones.map((m) => [m.id, m.windowStart, m.dueDate, m.status])).toEqual([
      ['toy_adult_plan', '2028-02-10', '2028-11-10', 'overdue'],
      ['toy_leaves_school', '2025-03-01', '2026-12-20', 'overdue'],
    ]);
    expect(plan.keyDates.adulthood).toBe('2029-02-10');
  });

  it('reports mistakes in a pack before it is used', () => {
    const [template] = englandRulePack.milestones;
    if (!template) throw new Error('England has milestones');
    const broken: RulePack = {
      ...englandRulePack,
      // The pack's review kinds name its milestones: checked in rule-packs.test.ts.
      reviews: { ...englandRulePack.reviews, kinds: [] },
      milestones: [
        { ...template, id: 'a', windowStart: undefined, due: { at: 'milestone', id: 'b', point: 'due' } },
        {
          ...template,
          id: 'b',
          due: { at: 'milestone', id: 'a', point: 'due' },
          completedBy: [{ type: 'no.such_event' }],
        },
      ],
    };
    expect(validateRulePack(broken)).toEqual([
      'a: needs a windowStart (only recurring milestones may leave it out)',
      'b: completed by unknown event "no.such_event"',
      'a: its dates refer back to itself',
      'b: its dates refer back to itself',
    ]);
  });
});
