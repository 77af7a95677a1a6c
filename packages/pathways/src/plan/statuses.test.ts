import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_FLAGS } from '../rule-packs/types.ts';
import { buildPlan, planMilestones } from './build-plan.ts';
import { LIVE_STATUSES, type PlannedMilestone } from './types.ts';

/*
 * What each status means, with dates worked out by hand. Maya (born 3 March 2012) is in Year 9
 * from 1 September 2025 to 31 August 2026 and Year 10 to 31 August 2027; Year 7 starts
 * 1 September 2023 and Year 13 ends 31 August 2030; compulsory school age ends on the last
 * Friday of June 2028 (30 June); she turns 16 on 3 March 2028 and 18 on 3 March 2030.
 */
const MAYA = { dateOfBirth: '2012-03-03', jurisdiction: 'england' as const, hasEhcPlan: true };
const milestone = (asOf: string, id: string, profile: object = MAYA, events: unknown[] = []) =>
  planMilestones({ ...MAYA, ...profile }, events, { asOf }).find((m) => m.id === id) as PlannedMilestone;

describe('a task', () => {
  it('is upcoming, due, overdue, then missed once it can no longer be done as such, and says what to do instead', () => {
    expect(milestone('2025-08-31', 'year9_pfa_review').status).toBe('upcoming');
    expect(milestone('2025-09-01', 'year9_pfa_review').status).toBe('due');
    expect(milestone('2026-09-01', 'year9_pfa_review').status).toBe('overdue');
    expect(milestone('2027-08-31', 'year9_pfa_review').status).toBe('overdue');
    const missed = milestone('2027-09-01', 'year9_pfa_review');
    expect(missed).toMatchObject({ status: 'missed', dueDate: '2026-08-31', closesOn: '2027-08-31' });
    expect(missed.ifMissed).toMatch(/next yearly review/);
    expect(missed.explanation).toMatch(
      /^Missed: it was due by 31 August 2026 and could be done as such only until 31 August 2027\. Every review from now on/,
    );
  });

  it('done late is still done, and never missed', () => {
    const late = [{ type: 'education.annual_review_held', date: '2027-01-10' }];
    expect(milestone('2029-01-01', 'year9_pfa_review', MAYA, late)).toMatchObject({
      status: 'done',
      completedOn: '2027-01-10',
    });
  });

  it('an adult care plan "by 18" is late for a year, then missed with the adult route to take instead', () => {
    const adult = { likelyAdultCareNeeds: true };
    expect(milestone('2030-06-01', 'adult_care_plan_18', adult).status).toBe('overdue');
    const missed = milestone('2035-06-01', 'adult_care_plan_18', adult);
    expect(missed).toMatchObject({ status: 'missed', closesOn: '2031-03-03' });
    expect(missed.ifMissed).toMatch(/ask adult social care for an assessment/);
  });

  it('whose date needs an unrecorded fact is not known and says which fact to record, instead of inventing a date', () => {
    const unknown = milestone('2026-11-29', 'annual_review');
    expect(unknown).toMatchObject({ status: 'not_known', dueDate: null, windowStart: null });
    expect(unknown.dateNeeds).toBe('the date the EHC plan was issued, or of its last review');
    expect(unknown.explanation).toMatch(/^Date not known: record the date the EHC plan was issued/);
    // Issued 20 May 2026: reviewed within 12 months, by 20 May 2027; the window opens two months before.
    expect(milestone('2026-11-29', 'annual_review', { ehcPlanIssuedOn: '2026-05-20' })).toMatchObject({
      status: 'upcoming',
      dueDate: '2027-05-20',
      windowStart: '2027-03-20',
    });
    // The issue recorded as an event counts as well.
    expect(
      milestone('2026-11-29', 'annual_review', MAYA, [{ type: 'education.ehc_plan_issued', date: '2026-05-20' }])
        .dueDate,
    ).toBe('2027-05-20');
  });
});

describe('a recurring task', () => {
  it('never done is late for its latest occurrence, not for the first one years ago', () => {
    // Yearly health checks from 15 (3 March 2027): none done, so as of 1 June 2031 the check
    // due on 3 March 2031 is the one that is late.
    const check = milestone('2031-06-01', 'ld_annual_health_check', { learningDisability: true });
    expect(check).toMatchObject({ status: 'overdue', dueDate: '2031-03-03', isRecurring: true });
    expect(milestone('2027-03-04', 'ld_annual_health_check', { learningDisability: true }).dueDate).toBe('2027-03-03');
  });

  it('whose series ended with none done is missed', () => {
    // Yearly transition meetings from the end of Year 9 until six months after the move to adult care.
    const moved = [{ type: 'health.transferred', date: '2031-01-15' }];
    const meetings = milestone('2032-01-01', 'transition_annual_meeting', { usesChildrensHealthServices: true }, moved);
    expect(meetings).toMatchObject({ status: 'missed', dueDate: '2026-08-31', closesOn: '2031-07-15' });
    expect(meetings.ifMissed).toMatch(/adult team/);
  });
});

describe('applicability that follows when the EHC plan started', () => {
  it('a plan first issued at 17 has no Year 9 review, no post-16 transfer deadline and no review meeting before it', () => {
    const lateStarter = { ehcPlanIssuedOn: '2029-04-01' };
    for (const id of ['year9_pfa_review', 'post16_transfer', 'phase_transfer_review_meeting']) {
      const planned = milestone('2029-06-01', id, lateStarter);
      expect(planned.status, id).toBe('not_applicable');
      expect(planned.notApplicableReason, id).toMatch(/^The plan was first issued on 1 April 2029, after /);
    }
    // The plan's own yearly review follows its issue date.
    expect(milestone('2029-06-01', 'annual_review', lateStarter).dueDate).toBe('2030-04-01');
  });

  it('a plan issued in Year 9 keeps its Year 9 review', () => {
    expect(milestone('2026-01-01', 'year9_pfa_review', { ehcPlanIssuedOn: '2025-11-01' }).status).toBe('due');
  });
});

describe('a legal fact', () => {
  it('is dated information: from its date, then in effect, never due or late', () => {
    const before = milestone('2028-01-01', 'capacity_from_16');
    expect(before).toMatchObject({ nature: 'legal_fact', status: 'starts_later', dueDate: '2028-03-03' });
    expect(before.explanation).toMatch(/^From 3 March 2028: from the 16th birthday the Mental Capacity Act applies/);
    const after = milestone('2040-01-01', 'capacity_from_16');
    expect(after.status).toBe('in_effect');
    expect(after.explanation).toMatch(/^In effect since 3 March 2028: /);
    expect(milestone('2028-06-30', 'rights_transfer_16').status).toBe('in_effect');
    expect(milestone('2028-06-29', 'rights_transfer_16').status).toBe('starts_later');
  });

  it('that runs for a period (Danish youth support after care, 18 to 23) ends on its last day', () => {
    const sofie = { dateOfBirth: '2009-06-15', jurisdiction: 'denmark' as const, placedInCare: true };
    const during = planMilestones(sofie, [], { asOf: '2029-01-01' }).find((m) => m.id === 'dk_ungestoette_18_22');
    expect(during).toMatchObject({ status: 'in_effect', dueDate: '2027-06-15', closesOn: '2032-06-14' });
    expect(during?.explanation).toMatch(/^Gælder fra 15\. juni 2027 til 14\. juni 2032/);
    const inEnglish = planMilestones(sofie, [], { asOf: '2029-01-01', language: 'en' });
    expect(inEnglish.find((m) => m.id === 'dk_ungestoette_18_22')?.explanation).toMatch(
      /^Runs from 15 June 2027 to 14 June 2032/,
    );
    const after = planMilestones(sofie, [], { asOf: '2032-06-15' }).find((m) => m.id === 'dk_ungestoette_18_22');
    expect(after?.status).toBe('ended');
  });
});

describe('a continuing duty', () => {
  it('careers guidance runs through Years 7 to 13 (Education Act 1997 s.42A), as a period, not a deadline', () => {
    expect(milestone('2023-08-31', 'careers_guidance', { hasEhcPlan: false }).status).toBe('starts_later');
    const during = milestone('2027-10-01', 'careers_guidance');
    expect(during).toMatchObject({
      nature: 'continuing_duty',
      status: 'in_effect',
      dueDate: '2023-09-01',
      closesOn: '2030-08-31',
      source: { document: expect.stringContaining('Education Act 1997 s.42A') as string },
    });
    expect(during.explanation).toMatch(/^Runs from 1 September 2023 to 31 August 2030: /);
    expect(milestone('2030-09-01', 'careers_guidance').status).toBe('ended');
  });

  it('participation runs from the end of compulsory school age to the day before the 18th birthday', () => {
    expect(milestone('2029-01-01', 'participation_to_18')).toMatchObject({
      status: 'in_effect',
      dueDate: '2028-06-30',
      closesOn: '2030-03-02',
    });
    expect(milestone('2030-03-03', 'participation_to_18').status).toBe('ended');
  });
});

describe('rules a caseworker missed before', () => {
  const review = [{ type: 'education.annual_review_held', date: '2027-01-12' }];

  it('the report within two weeks of a review meeting (SEND Regulations 2014 reg. 20(7)–(8))', () => {
    expect(milestone('2027-01-20', 'review_report', MAYA, review)).toMatchObject({
      status: 'due',
      windowStart: '2027-01-12',
      dueDate: '2027-01-26',
      closesOn: '2027-07-12',
    });
    expect(milestone('2027-01-27', 'review_report', MAYA, review).status).toBe('overdue');
    const reported = [...review, { type: 'milestone.recorded', date: '2027-01-25', milestoneId: 'review_report' }];
    expect(milestone('2027-01-27', 'review_report', MAYA, reported)).toMatchObject({
      status: 'done',
      completedOn: '2027-01-25',
    });
    // The next review needs its own report: last year's does not count.
    const nextReview = [...reported, { type: 'education.annual_review_held', date: '2028-01-10' }];
    expect(milestone('2028-01-12', 'review_report', MAYA, nextReview)).toMatchObject({
      status: 'due',
      dueDate: '2028-01-24',
    });
    expect(milestone('2026-12-01', 'review_report').status).toBe('not_applicable');
  });

  it('the council’s decision within four weeks of the meeting (reg. 20(10)); an amended plan is that decision', () => {
    expect(milestone('2027-02-10', 'review_decision', MAYA, review)).toMatchObject({
      status: 'overdue',
      dueDate: '2027-02-09',
    });
    const amended = [...review, { type: 'education.plan_amended', date: '2027-02-01', transfer: 'other' }];
    expect(milestone('2027-02-10', 'review_decision', MAYA, amended)).toMatchObject({
      status: 'done',
      completedOn: '2027-02-01',
    });
  });

  it('the right to appeal, for two months from the decision (reg. 43): dated information, never late', () => {
    const amended = [...review, { type: 'education.plan_amended', date: '2027-02-01', transfer: 'other' }];
    const during = milestone('2027-03-01', 'appeal_window', MAYA, amended);
    expect(during).toMatchObject({
      nature: 'legal_fact',
      status: 'in_effect',
      dueDate: '2027-02-01',
      closesOn: '2027-04-01',
    });
    expect(during.explanation).toMatch(
      /^Runs from 1 February 2027 to 1 April 2027: an appeal to the First-tier Tribunal/,
    );
    expect(milestone('2027-04-02', 'appeal_window', MAYA, amended).status).toBe('ended');
  });

  it('consent to treatment from 16 (Family Law Reform Act 1969 s.8)', () => {
    expect(milestone('2028-03-02', 'consent_to_treatment_16')).toMatchObject({
      status: 'starts_later',
      dueDate: '2028-03-03',
    });
    expect(milestone('2028-03-03', 'consent_to_treatment_16').status).toBe('in_effect');
  });

  it('an assessment that finds adult care not likely leads to advice, not an adult care plan by 18', () => {
    const adult = { likelyAdultCareNeeds: true };
    const notLikely = [
      { type: 'social_care.assessment_requested', date: '2028-06-01' },
      { type: 'social_care.assessment_completed', date: '2029-01-10', likelyEligible: false },
    ];
    expect(milestone('2029-01-20', 'adult_care_advice', adult, notLikely)).toMatchObject({
      status: 'due',
      dueDate: '2029-02-07',
      source: { document: 'Care Act 2014', section: 's.59' },
    });
    expect(milestone('2029-01-20', 'adult_care_plan_18', adult, notLikely)).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'The assessment found adult care is not likely: advice and information instead.',
    });
    const likely = [notLikely[0], { ...notLikely[1], likelyEligible: true }];
    expect(milestone('2029-01-20', 'adult_care_plan_18', adult, likely).status).toBe('upcoming');
    expect(milestone('2029-01-20', 'adult_care_advice', adult, likely).status).toBe('not_applicable');
  });

  it('care leavers: a pathway plan by 16 and 3 months, a personal adviser to 25, Staying Put to 21', () => {
    const inCare = { placedInCare: true };
    expect(milestone('2028-04-01', 'care_leaver_pathway_plan', inCare)).toMatchObject({
      status: 'due',
      windowStart: '2028-03-03',
      dueDate: '2028-06-03',
      closesOn: '2030-03-03',
    });
    expect(milestone('2031-01-01', 'care_leaver_personal_adviser', inCare)).toMatchObject({
      status: 'in_effect',
      dueDate: '2028-03-03',
      closesOn: '2037-03-02',
    });
    expect(milestone('2031-01-01', 'staying_put', inCare)).toMatchObject({
      status: 'in_effect',
      dueDate: '2030-03-03',
      closesOn: '2033-03-02',
    });
    expect(milestone('2031-01-01', 'staying_put').status).toBe('not_applicable');
  });
});

describe('a 24-year-old with every need and nothing recorded', () => {
  const plans = [
    {
      name: 'England',
      profile: { dateOfBirth: '2002-05-10', jurisdiction: 'england' as const },
      turned18: '2020-05-10',
    },
    {
      name: 'Denmark',
      profile: { dateOfBirth: '2002-05-10', jurisdiction: 'denmark' as const },
      turned18: '2020-05-10',
    },
  ];
  it.each(plans)(
    '($name) has no live work dated before 18: those milestones are missed, with what to do instead',
    ({ profile, turned18 }) => {
      const everything = Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, true]));
      const plan = buildPlan({ ...profile, ...everything }, [], { asOf: '2026-11-29' });
      const beforeAdulthood = plan.milestones.filter((m) => m.dueDate !== null && m.dueDate < turned18);
      expect(beforeAdulthood.length).toBeGreaterThan(5);
      const live = beforeAdulthood.filter((m) => (LIVE_STATUSES as readonly string[]).includes(m.status));
      expect(live.map((m) => `${m.id} ${m.status}`)).toEqual([]);
      for (const missed of plan.milestones.filter((m) => m.status === 'missed')) {
        expect(missed.ifMissed, missed.id).toBeTruthy();
      }
    },
  );
});

describe('every window opens on or before its due date', () => {
  it('for any birthday, year-group offset, needs and plan date, in both packs', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1995-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom('england' as const, 'denmark' as const),
        fc.uniqueArray(fc.constantFrom(...PROFILE_FLAGS)),
        fc.integer({ min: 0, max: 30 * 365 }),
        (birth, yearGroupOffset, jurisdiction, flags, daysLater) => {
          const dateOfBirth = birth.toISOString().slice(0, 10);
          const asOf = new Date(birth.getTime() + daysLater * 86_400_000).toISOString().slice(0, 10);
          const profile = {
            dateOfBirth,
            jurisdiction,
            yearGroupOffset,
            ...Object.fromEntries(flags.map((f) => [f, true])),
          };
          for (const m of planMilestones(profile, [], { asOf })) {
            if (m.windowStart !== null && m.dueDate !== null) expect(m.windowStart <= m.dueDate, m.id).toBe(true);
            if (m.nature === 'task' && m.closesOn !== null && m.dueDate !== null)
              expect(m.closesOn >= m.dueDate, `${m.id} closes before it is due`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a child taught a year behind is not late for participation while still at school', () => {
    const behind = milestone('2028-10-01', 'participation_to_18', { yearGroupOffset: 1 });
    expect(behind.status).toBe('in_effect');
    expect(behind.windowStart !== null && behind.dueDate !== null && behind.windowStart <= behind.dueDate).toBe(true);
  });
});

describe('rules added and corrected against the law, with dates worked by hand for Maya', () => {
  it('the final amended plan is due 8 weeks after the council decides to amend (SEND Regulations 2014 reg. 22)', () => {
    const amend = [
      { type: 'education.annual_review_held', date: '2027-01-06' },
      { type: 'education.review_decision_made', date: '2027-01-20', decision: 'amend' },
    ];
    // 20 January + 56 days = 17 March 2027.
    expect(milestone('2027-02-01', 'amended_plan_issued', MAYA, amend)).toMatchObject({
      status: 'due',
      windowStart: '2027-01-20',
      dueDate: '2027-03-17',
    });
    expect(milestone('2027-03-18', 'amended_plan_issued', MAYA, amend).status).toBe('overdue');
    const issued = [...amend, { type: 'education.plan_amended', date: '2027-03-01' }];
    expect(milestone('2027-03-18', 'amended_plan_issued', MAYA, issued)).toMatchObject({
      status: 'done',
      completedOn: '2027-03-01',
    });
    // A decision to keep the plan as it is asks for no amended plan; it does complete the decision.
    const keep = [amend[0], { ...amend[1], decision: 'keep' }];
    expect(milestone('2027-02-01', 'amended_plan_issued', MAYA, keep).status).toBe('not_applicable');
    expect(milestone('2027-02-01', 'review_decision', MAYA, keep)).toMatchObject({
      status: 'done',
      completedOn: '2027-01-20',
    });
  });

  it('invitations and advice go out two weeks before the review meeting (SEND Regulations 2014 reg. 20(3)–(4))', () => {
    const arranged = [{ type: 'education.review_meeting_planned', date: '2027-01-04', meetingDate: '2027-02-03' }];
    // 3 February − 14 days = 20 January 2027; missed once the meeting day comes.
    expect(milestone('2027-01-10', 'review_invitations', MAYA, arranged)).toMatchObject({
      status: 'due',
      windowStart: '2027-01-04',
      dueDate: '2027-01-20',
      closesOn: '2027-02-02',
    });
    expect(milestone('2027-01-21', 'review_invitations', MAYA, arranged).status).toBe('overdue');
    expect(milestone('2027-02-03', 'review_invitations', MAYA, arranged).status).toBe('missed');
    const sent = [...arranged, { type: 'milestone.recorded', date: '2027-01-15', milestoneId: 'review_invitations' }];
    expect(milestone('2027-02-03', 'review_invitations', MAYA, sent)).toMatchObject({
      status: 'done',
      completedOn: '2027-01-15',
    });
    // Next year's meeting asks again: last year's invitations do not count for it.
    const nextYear = [
      ...sent,
      { type: 'education.review_meeting_planned', date: '2028-01-03', meetingDate: '2028-02-01' },
    ];
    expect(milestone('2028-01-05', 'review_invitations', MAYA, nextYear)).toMatchObject({
      status: 'due',
      dueDate: '2028-01-18',
    });
    expect(milestone('2026-12-01', 'review_invitations').status).toBe('not_applicable');
  });

  it('staying on in the school’s own sixth form has no post-16 transfer deadline (CFA 2014 s.83)', () => {
    expect(milestone('2027-10-01', 'post16_transfer').explanation).toMatch(
      /here: no move recorded, so one is assumed at the start of Year 12 on 1 September 2028/,
    );
    const stayingOn = [
      {
        type: 'education.transfer_planned',
        date: '2027-10-01',
        transfer: 'post16',
        moveDate: '2028-09-01',
        toOwnSixthForm: true,
      },
    ];
    for (const id of ['post16_transfer', 'phase_transfer_review_meeting']) {
      const rule = milestone('2027-11-01', id, MAYA, stayingOn);
      expect(rule.status, id).toBe('not_applicable');
      expect(rule.notApplicableReason, id).toMatch(/own sixth form, which is not a move to a post-16 institution/);
    }
    const toCollege = [{ ...stayingOn[0], toOwnSixthForm: false }];
    expect(milestone('2027-11-01', 'post16_transfer', MAYA, toCollege)).toMatchObject({
      status: 'due',
      dueDate: '2028-03-31',
    });
  });

  it('travel help for the post-16 move: from the 31 May policy statement, by 31 July, missed after Year 12', () => {
    expect(milestone('2028-05-30', 'post16_transport')).toMatchObject({
      status: 'upcoming',
      windowStart: '2028-05-31',
      dueDate: '2028-07-31',
    });
    expect(milestone('2028-08-01', 'post16_transport').status).toBe('overdue');
    expect(milestone('2029-09-01', 'post16_transport')).toMatchObject({ status: 'missed', closesOn: '2029-08-31' });
  });

  it('the move from CAMHS is planned 6 months ahead of the transfer, for those who use CAMHS (NICE NG43)', () => {
    const camhs = { usesChildrensMentalHealthServices: true };
    // 17 on 3 March 2029; 17½ on 3 September 2029; 18 on 3 March 2030.
    expect(milestone('2029-03-03', 'camhs_transfer', camhs)).toMatchObject({
      status: 'due',
      windowStart: '2029-03-03',
      dueDate: '2029-09-03',
    });
    const planned = [{ type: 'health.transfer_planned', date: '2029-03-10', transferDate: '2029-12-01' }];
    expect(milestone('2029-03-10', 'camhs_transfer', camhs, planned).dueDate).toBe('2029-06-01');
    expect(milestone('2030-03-03', 'camhs_transfer', camhs)).toMatchObject({
      status: 'missed',
      closesOn: '2030-03-02',
    });
    expect(milestone('2029-03-03', 'camhs_transfer').notApplicableReason).toBe(
      'Only for young people who see children’s mental health services (CAMHS).',
    );
  });

  it('the duty to participate ends at 18, or sooner with a level 3 qualification (Education and Skills Act 2008 s.2)', () => {
    expect(milestone('2029-08-01', 'participation_to_18')).toMatchObject({
      status: 'in_effect',
      dueDate: '2028-06-30',
      closesOn: '2030-03-02',
    });
    const level3 = [{ type: 'education.level3_attained', date: '2029-07-01' }];
    expect(milestone('2029-08-01', 'participation_to_18', MAYA, level3)).toMatchObject({
      status: 'ended',
      closesOn: '2029-07-01',
    });
    // A level 3 gained after 18 does not stretch the duty past the 18th birthday.
    const late = [{ type: 'education.level3_attained', date: '2030-07-01' }];
    expect(milestone('2030-08-01', 'participation_to_18', MAYA, late).closesOn).toBe('2030-03-02');
  });
});
