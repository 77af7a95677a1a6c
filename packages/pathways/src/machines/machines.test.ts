import { describe, expect, it } from 'vitest';
import { PathwayDriver } from '../testing/machine-harness.ts';
import { PATHWAY_MACHINES } from './index.ts';

/** Born 3 March 2012: Year 9 from 1 Sep 2025, 16 on 3 Mar 2028, 18 on 3 Mar 2030, 25 on 3 Mar 2037. */
const MAYA = { dateOfBirth: '2012-03-03', jurisdiction: 'england' as const, hasEhcPlan: true };

describe('education machine', () => {
  it('starts without a plan when there is no EHC plan, and begins when one is issued', () => {
    const education = new PathwayDriver('education', { ...MAYA, hasEhcPlan: false });
    expect(education.state).toBe('no_plan');
    expect(education.refuse({ type: 'education.annual_review_held', date: '2025-01-01' }).code).toBe('not_allowed_now');
    education.accept({ type: 'education.post16_started', date: '2024-09-01', setting: 'college' });
    education.accept({ type: 'education.ehc_plan_issued', date: '2025-02-01' });
    expect(education.state).toBe('active.phase.pre_year9 + active.plan.maintained');
  });

  it('moves into preparing for adulthood from Year 9, on the clock or with the first event of Year 9', () => {
    const byClock = new PathwayDriver('education', MAYA).accept({ type: 'clock.tick', date: '2025-08-31' });
    expect(byClock.state).toContain('pre_year9');
    byClock.accept({ type: 'clock.tick', date: '2025-09-01' });
    expect(byClock.state).toContain('active.phase.preparing_for_adulthood');
    const byReview = new PathwayDriver('education', MAYA).accept({
      type: 'education.annual_review_held',
      date: '2025-11-12',
    });
    expect(byReview.state).toContain('preparing_for_adulthood');
  });

  it('runs a post-16 transfer: planned, plan amended, started, then post-19 at the school year they turn 19', () => {
    const education = new PathwayDriver('education', MAYA)
      .accept({ type: 'education.transfer_planned', date: '2027-10-01', transfer: 'post16', moveDate: '2028-09-01' })
      .accept({
        type: 'education.plan_amended',
        date: '2028-02-20',
        transfer: 'post16',
        institution: 'Riverside College',
      });
    expect(education.state).toContain('active.phase.transfer_agreed');
    education.accept({ type: 'education.post16_started', date: '2028-09-04', setting: 'college' });
    expect(education.state).toContain('active.phase.post16');
    education.accept({ type: 'clock.tick', date: '2030-09-01' });
    expect(education.state).toContain('active.phase.post19');
  });

  it('returns to preparing for adulthood after a school phase transfer (e.g. middle to secondary)', () => {
    const education = new PathwayDriver('education', MAYA)
      .accept({ type: 'education.transfer_planned', date: '2024-10-01', transfer: 'other', moveDate: '2025-09-01' })
      .accept({ type: 'education.plan_amended', date: '2025-02-01', transfer: 'other' });
    expect(education.refuse({ type: 'education.post16_started', date: '2025-03-01', setting: 'college' }).code).toBe(
      'rule_not_met',
    );
    education.accept({ type: 'clock.tick', date: '2025-09-01' });
    expect(education.state).toContain('active.phase.preparing_for_adulthood');
    expect(education.context.transferKind).toBeNull();
  });

  it('treats moving local authority as a transfer, not an end', () => {
    const education = new PathwayDriver('education', MAYA).accept({
      type: 'education.plan_transferred',
      date: '2026-01-10',
      toArea: 'Northshire',
    });
    expect(education.isEnded).toBe(false);
    expect(education.context.localAuthorityTransfers).toBe(1);
  });

  it('keeps the plan in force while a cease decision is appealed', () => {
    const education = new PathwayDriver('education', MAYA)
      .accept({ type: 'education.cease_proposed', date: '2030-05-01', reason: 'no_longer_needed' })
      .accept({ type: 'education.cease_appealed', date: '2030-05-20' });
    expect(education.state).toContain('active.plan.under_appeal');
    education
      .accept({ type: 'education.annual_review_held', date: '2030-06-01' })
      .accept({ type: 'education.cease_withdrawn', date: '2030-09-01' });
    expect(education.state).toContain('active.plan.maintained');
  });

  it('refuses to stop the plan of an under-18 who has left education (reg. 29) or an adult without a review (reg. 30)', () => {
    const young = new PathwayDriver('education', MAYA).accept({
      type: 'education.cease_proposed',
      date: '2029-01-10',
      reason: 'left_education',
    });
    expect(
      young.refuse({
        type: 'education.plan_ceased',
        date: '2029-03-01',
        reason: 'left_education',
        reviewFoundNoWishToReturn: true,
      }),
    ).toEqual({
      code: 'rule_not_met',
      reason:
        'Under 18 and out of education: the EHC plan must be reviewed and amended, not stopped (SEND Regulations 2014 reg. 29).',
    });
    const adult = new PathwayDriver('education', MAYA).accept({
      type: 'education.cease_proposed',
      date: '2030-04-01',
      reason: 'left_education',
    });
    expect(
      adult.refuse({
        type: 'education.plan_ceased',
        date: '2030-05-01',
        reason: 'left_education',
        reviewFoundNoWishToReturn: false,
      }).reason,
    ).toContain('reg. 30');
    adult.accept({
      type: 'education.plan_ceased',
      date: '2030-05-01',
      reason: 'left_education',
      reviewFoundNoWishToReturn: true,
    });
    expect(adult.isEnded).toBe(true);
    expect(adult.context.endReason).toBe('left_education');
  });

  it('refuses to stop the plan without a proposal first', () => {
    const rejection = new PathwayDriver('education', MAYA).refuse({
      type: 'education.plan_ceased',
      date: '2031-01-01',
      reason: 'paid_employment',
      reviewFoundNoWishToReturn: false,
    });
    expect(rejection.code).toBe('not_allowed_now');
    expect(rejection.reason).toMatch(
      /^"EHC plan stopped" cannot be recorded now: Before Year 9: .* What can happen next: .*Local authority proposed to stop the plan/,
    );
  });

  it('ends at the 25th birthday, or at the end of the academic year with the s.46 extension (once, from post-19)', () => {
    const ended = new PathwayDriver('education', MAYA).accept({ type: 'clock.tick', date: '2037-03-03' });
    expect(ended.isEnded).toBe(true);
    expect(ended.context.endReason).toBe('age_limit');
    expect(ended.refuse({ type: 'education.annual_review_held', date: '2037-04-01' })).toEqual({
      code: 'pathway_ended',
      reason: 'The education pathway has ended (age limit).',
    });

    const extended = new PathwayDriver('education', MAYA);
    expect(extended.refuse({ type: 'education.plan_extended', date: '2028-01-01' }).reason).toContain('CFA 2014 s.46');
    extended.accept({ type: 'education.plan_extended', date: '2036-11-01' });
    expect(extended.refuse({ type: 'education.plan_extended', date: '2036-12-01' }).reason).toBe(
      'The plan has already been kept to the end of the academic year.',
    );
    extended.accept({ type: 'clock.tick', date: '2037-07-31' });
    expect(extended.isEnded).toBe(false);
    extended.accept({ type: 'clock.tick', date: '2037-08-01' });
    expect(extended.isEnded).toBe(true);
  });

  it('ends on death', () => {
    const education = new PathwayDriver('education', MAYA).accept({ type: 'person.died', date: '2027-01-01' });
    expect(education.isEnded).toBe(true);
    expect(education.context.endReason).toBe('died');
  });

  it('refuses events dated before the last one', () => {
    const education = new PathwayDriver('education', MAYA).accept({
      type: 'education.annual_review_held',
      date: '2026-03-01',
    });
    expect(education.refuse({ type: 'education.annual_review_held', date: '2026-02-01' }).code).toBe('out_of_order');
  });
});

describe('social care machine', () => {
  it('runs assessment → likely eligible → plan → adult services from 18', () => {
    const care = new PathwayDriver('social_care', MAYA)
      .accept({ type: 'social_care.assessment_requested', date: '2028-09-01' })
      .accept({ type: 'social_care.assessment_completed', date: '2029-01-15', likelyEligible: true })
      .accept({ type: 'social_care.care_plan_agreed', date: '2029-11-01' });
    expect(care.state).toBe('plan_agreed');
    expect(care.refuse({ type: 'social_care.adult_services_started', date: '2030-03-02' })).toEqual({
      code: 'rule_not_met',
      reason:
        'Adult care and support can start only from the 18th birthday; until then children’s services continue (Care Act 2014 s.66).',
    });
    care.accept({ type: 'social_care.adult_services_started', date: '2030-03-03' });
    expect(care.state).toBe('adult_services');
    expect(care.context.isChildrensServicesContinuing).toBe(false);
  });

  it('keeps children’s services going after 18 when nothing is concluded (s.66): a guard, not an error', () => {
    const care = new PathwayDriver('social_care', MAYA).accept({
      type: 'social_care.assessment_requested',
      date: '2029-12-01',
    });
    care.accept({ type: 'clock.tick', date: '2030-03-03' });
    expect(care.state).toBe('preparing.assessment_requested');
    expect(care.context.isChildrensServicesContinuing).toBe(true);
    care.accept({ type: 'social_care.assessment_completed', date: '2030-04-01', likelyEligible: true });
    expect(care.state).toBe('preparing.assessed');
  });

  it('records a refusal with written reasons, which can be asked for again', () => {
    const care = new PathwayDriver('social_care', MAYA)
      .accept({ type: 'social_care.assessment_requested', date: '2028-01-01' })
      .accept({ type: 'social_care.assessment_refused', date: '2028-02-01', reasons: 'Needs not yet predictable.' });
    expect(care.state).toBe('preparing.assessment_refused');
    care.accept({ type: 'social_care.assessment_requested', date: '2029-01-01' });
    expect(care.state).toBe('preparing.assessment_requested');
  });

  it('routes a not-likely-eligible assessment to advice, and refuses a plan from there', () => {
    const care = new PathwayDriver('social_care', MAYA).accept({
      type: 'social_care.assessment_completed',
      date: '2029-01-15',
      likelyEligible: false,
    });
    expect(care.state).toBe('preparing.not_eligible');
    expect(care.refuse({ type: 'social_care.care_plan_agreed', date: '2029-02-01' }).code).toBe('not_allowed_now');
  });

  it('takes Denmark’s § 123(3) decision on the same track', () => {
    const care = new PathwayDriver('social_care', { dateOfBirth: '2009-06-15', jurisdiction: 'denmark' })
      .accept({ type: 'social_care.preparation_started', date: '2025-07-01' })
      .accept({ type: 'social_care.youth_plan_made', date: '2025-08-01' })
      .accept({ type: 'social_care.adult_decision_made', date: '2027-01-20', eligible: true });
    expect(care.state).toBe('preparing.assessed');
  });

  it('only keeps children’s services on after 18 (s.17ZH)', () => {
    const care = new PathwayDriver('social_care', MAYA);
    expect(care.refuse({ type: 'social_care.childrens_services_extended', date: '2029-06-01' }).reason).toContain(
      's.17ZH',
    );
    care.accept({ type: 'social_care.childrens_services_extended', date: '2030-03-10' });
    expect(care.context.isChildrensServicesContinuing).toBe(true);
  });
});

describe('health machine', () => {
  const COMPLEX = { ...MAYA, complexHealthNeeds: true };

  it('moves from children’s services through planning and meeting the adult team to transfer and engagement', () => {
    const health = new PathwayDriver('health', MAYA)
      .accept({ type: 'health.transition_planning_started', date: '2025-10-01' })
      .accept({ type: 'health.transfer_planned', date: '2028-01-10', transferDate: '2029-06-01' });
    expect(health.context.plannedTransferDate).toBe('2029-06-01');
    health
      .accept({ type: 'health.adult_practitioner_met', date: '2029-02-01' })
      .accept({ type: 'health.transferred', date: '2029-06-01' });
    expect(health.state).toContain('active.transfer.transferred');
    expect(health.refuse({ type: 'health.transition_planning_started', date: '2029-07-01' }).code).toBe(
      'not_allowed_now',
    );
  });

  it('follows up missed adult appointments until the young person engages (QS140 statement 6)', () => {
    const health = new PathwayDriver('health', MAYA)
      .accept({ type: 'health.transferred', date: '2029-06-01' })
      .accept({ type: 'health.appointment_missed', date: '2029-07-01' });
    expect(health.state).toContain('active.transfer.not_engaged');
    health
      .accept({ type: 'health.followup_contact_made', date: '2029-07-10' })
      .accept({ type: 'health.appointment_attended', date: '2029-08-01' });
    expect(health.state).toContain('active.transfer.engaged');
  });

  it('runs the continuing-care track only with complex health needs', () => {
    const plain = new PathwayDriver('health', MAYA);
    expect(plain.state).toContain('active.continuing_care.not_applicable');
    expect(plain.refuse({ type: 'health.chc_need_notified', date: '2026-03-10' }).code).toBe('not_allowed_now');

    const complex = new PathwayDriver('health', COMPLEX)
      .accept({ type: 'health.chc_need_notified', date: '2026-03-10' })
      .accept({ type: 'health.chc_referred', date: '2028-03-10' })
      .accept({ type: 'health.chc_checklist_completed', date: '2028-10-01', positive: true });
    expect(complex.state).toContain('active.continuing_care.screened_in');
    complex
      .accept({ type: 'health.chc_decision_made', date: '2029-04-01', eligible: true })
      .accept({ type: 'health.chc_package_in_place', date: '2030-02-01' });
    expect(complex.state).toContain('active.continuing_care.package_in_place');
  });

  it('screens out on a negative Checklist, refuses a decision before screening, and fast-tracks from anywhere', () => {
    const health = new PathwayDriver('health', COMPLEX);
    expect(health.refuse({ type: 'health.chc_decision_made', date: '2029-04-01', eligible: true }).code).toBe(
      'not_allowed_now',
    );
    health
      .accept({ type: 'health.chc_referred', date: '2028-03-10' })
      .accept({ type: 'health.chc_checklist_completed', date: '2028-10-01', positive: false });
    expect(health.state).toContain('continuing_care.not_eligible');
    health.accept({ type: 'health.chc_fast_tracked', date: '2029-01-01' });
    expect(health.state).toContain('continuing_care.eligible');
  });
});

describe('palliative machine', () => {
  const LLC = { ...MAYA, lifeLimitingCondition: true };

  it('is not entered without a life-limiting condition', () => {
    const palliative = new PathwayDriver('palliative', MAYA);
    expect(palliative.state).toBe('not_applicable');
    expect(palliative.refuse({ type: 'palliative.parallel_plan_agreed', date: '2026-04-01' })).toMatchObject({
      code: 'not_applicable',
    });
  });

  it('plans in parallel: deterioration does not cancel the ordinary life plan', () => {
    const palliative = new PathwayDriver('palliative', LLC)
      .accept({ type: 'palliative.parallel_plan_agreed', date: '2026-04-01' })
      .accept({ type: 'palliative.advance_care_plan_agreed', date: '2026-05-01' })
      .accept({ type: 'palliative.deteriorating', date: '2027-02-01' });
    expect(palliative.state).toContain('parallel_planning.life_plan.continuing');
    expect(palliative.state).toContain('parallel_planning.condition.deteriorating');
    expect(palliative.state).toContain('parallel_planning.care_plan.advance_care_plan_in_place');
    palliative
      .accept({ type: 'palliative.stable', date: '2027-06-01' })
      .accept({ type: 'palliative.adult_service_introduced', date: '2028-06-01' });
    expect(palliative.state).toContain('adult_care.adult_service_introduced');
    expect(palliative.refuse({ type: 'palliative.adult_service_introduced', date: '2028-07-01' }).code).toBe(
      'not_allowed_now',
    );
  });

  it('ends in bereavement support for the family on death', () => {
    const palliative = new PathwayDriver('palliative', LLC).accept({ type: 'person.died', date: '2029-01-05' });
    expect(palliative.state).toBe('bereavement_support');
    expect(palliative.isEnded).toBe(true);
  });
});

describe('employment machine', () => {
  it('goes from guidance to a placement to work, with Access to Work once agreed', () => {
    const employment = new PathwayDriver('employment', MAYA);
    expect(employment.refuse({ type: 'employment.access_to_work_applied', date: '2028-05-01' }).code).toBe(
      'not_allowed_now',
    );
    employment
      .accept({ type: 'employment.careers_guidance_received', date: '2025-06-01' })
      .accept({
        type: 'employment.placement_agreed',
        date: '2028-06-01',
        kind: 'supported_internship',
        startDate: '2028-09-01',
      })
      .accept({ type: 'employment.access_to_work_applied', date: '2028-06-15' })
      .accept({ type: 'employment.started', date: '2028-09-01', kind: 'supported_internship' });
    expect(employment.state).toBe('working');
    employment.accept({ type: 'employment.ended', date: '2029-06-30' });
    expect(employment.state).toBe('exploring');
  });

  it('refuses placements before 16 and supported internships without an EHC plan', () => {
    expect(
      new PathwayDriver('employment', MAYA).refuse({
        type: 'employment.placement_agreed',
        date: '2027-06-01',
        kind: 'job',
        startDate: '2027-07-01',
      }).reason,
    ).toBe('Jobs, apprenticeships and internships in the plan start from age 16.');
    expect(
      new PathwayDriver('employment', { ...MAYA, hasEhcPlan: false }).refuse({
        type: 'employment.placement_agreed',
        date: '2029-06-01',
        kind: 'supported_internship',
        startDate: '2029-09-01',
      }).reason,
    ).toContain('with an EHC plan');
  });
});

describe('finance and legal machine', () => {
  it('moves DLA to PIP, with the second chance after DLA stops', () => {
    const money = new PathwayDriver('finance_legal', MAYA)
      .accept({ type: 'finance_legal.pip_invited', date: '2028-03-20', claimBy: '2028-04-17' })
      .accept({ type: 'finance_legal.dla_stopped', date: '2028-04-20' });
    expect(money.state).toContain('benefits.dla_stopped');
    money
      .accept({ type: 'finance_legal.pip_claimed', date: '2028-05-01' })
      .accept({ type: 'finance_legal.pip_decided', date: '2028-08-01', awarded: true });
    expect(money.state).toContain('benefits.pip_decided');
  });

  it('applies the Mental Capacity Act from 16, decision by decision, with deputyship where capacity is lacking', () => {
    const money = new PathwayDriver('finance_legal', MAYA);
    expect(
      money.refuse({
        type: 'finance_legal.capacity_assessed',
        date: '2027-01-01',
        decision: 'money',
        hasCapacity: false,
      }).reason,
    ).toContain('Gillick');
    expect(money.refuse({ type: 'finance_legal.deputyship_applied', date: '2028-06-01' }).code).toBe('not_allowed_now');
    money.accept({
      type: 'finance_legal.capacity_assessed',
      date: '2028-06-01',
      decision: 'managing money',
      hasCapacity: false,
    });
    expect(money.state).toContain('capacity.lacks_capacity');
    money
      .accept({ type: 'finance_legal.deputyship_applied', date: '2029-04-01' })
      .accept({ type: 'finance_legal.deputy_appointed', date: '2029-11-01' });
    expect(money.state).toContain('capacity.deputy_appointed');

    const capable = new PathwayDriver('finance_legal', MAYA).accept({
      type: 'finance_legal.capacity_assessed',
      date: '2028-06-01',
      decision: 'where to live',
      hasCapacity: true,
    });
    expect(capable.state).toContain('capacity.presumed');
  });
});

describe('independent living and community machines', () => {
  it('tracks housing and travel training side by side', () => {
    const living = new PathwayDriver('independent_living', MAYA)
      .accept({ type: 'independent_living.travel_training_started', date: '2027-01-10' })
      .accept({ type: 'independent_living.housing_options_discussed', date: '2027-03-01' })
      .accept({ type: 'independent_living.travel_training_completed', date: '2027-07-01' })
      .accept({ type: 'independent_living.housing_plan_agreed', date: '2029-06-01' })
      .accept({ type: 'independent_living.moved', date: '2031-01-15' });
    expect(living.state).toBe('active.housing.moved + active.travel.trained');
    expect(living.refuse({ type: 'independent_living.travel_training_started', date: '2031-02-01' }).code).toBe(
      'not_allowed_now',
    );
  });

  it('accepts recorded milestones in community, and ends on death', () => {
    const community = new PathwayDriver('community', MAYA).accept({
      type: 'milestone.recorded',
      date: '2026-01-01',
      milestoneId: 'community_inclusion',
    });
    community.accept({ type: 'person.died', date: '2027-01-01' });
    expect(community.isEnded).toBe(true);
  });
});

describe('every machine', () => {
  type StateNode = {
    key: string;
    id: string;
    type: string;
    meta?: { description?: string };
    states: Record<string, StateNode>;
  };
  /** Atomic and final states with no description on themselves or any state above them. */
  function undescribed(node: StateNode, described: boolean): string[] {
    const here = described || Boolean(node.meta?.description);
    const children = Object.values(node.states);
    if (children.length === 0) return here ? [] : [node.id];
    return children.flatMap((child) => undescribed(child, here));
  }

  it('describes every state a person can be in, in words: no internal state name reaches a screen', () => {
    for (const [pathway, machine] of Object.entries(PATHWAY_MACHINES)) {
      expect(undescribed(machine.root as unknown as StateNode, false), pathway).toEqual([]);
    }
  });
});
