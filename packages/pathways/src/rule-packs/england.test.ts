import { describe, expect, it } from 'vitest';
import { buildPlan, planMilestones } from '../plan/build-plan.ts';
import type { LeapDayBirthday } from '../dates/ages.ts';
import { denmarkRulePack } from './denmark.ts';
import { englandRulePack } from './england.ts';
import { validateRulePack } from './validate-rule-pack.ts';

/**
 * The dates each England milestone hangs on, worked out by hand for four dates of birth from
 * domain.md §2 (Year N starts 1 September of the academic year they turn N + 5; compulsory
 * school ends on the last Friday of June of the academic year they turn 16; 31 March
 * post-16 deadline; the plan's last day is the day before the 25th birthday).
 */
type Facts = {
  year8Start: string;
  year9Start: string;
  year9End: string;
  year10Start: string;
  year11Start: string;
  year11End: string;
  year13End: string;
  turns19YearStart: string;
  turns19YearEnd: string;
  compulsorySchoolEnds: string;
  post16Deadline: string;
  transferReviewBy: string;
  age: Record<
    '14' | '14y6m' | '15' | '15y6m' | '15y7m' | '16' | '16y2m' | '17' | '17y3m' | '17y6m' | '18' | '19' | '24',
    string
  >;
  age19Minus12Months: string;
  age19Plus6Months: string;
  planLastDay: string;
  year9EndMinus2Months: string;
};

const SPRING_2012: Facts = {
  year8Start: '2024-09-01',
  year9Start: '2025-09-01',
  year9End: '2026-08-31',
  year10Start: '2026-09-01',
  year11Start: '2027-09-01',
  year11End: '2028-08-31',
  year13End: '2030-08-31',
  turns19YearStart: '2030-09-01',
  turns19YearEnd: '2031-08-31',
  compulsorySchoolEnds: '2028-06-30',
  post16Deadline: '2028-03-31',
  transferReviewBy: '2028-01-07',
  age: {
    '14': '2026-03-03',
    '14y6m': '2026-09-03',
    '15': '2027-03-03',
    '15y6m': '2027-09-03',
    '15y7m': '2027-10-03',
    '16': '2028-03-03',
    '16y2m': '2028-05-03',
    '17': '2029-03-03',
    '17y3m': '2029-06-03',
    '17y6m': '2029-09-03',
    '18': '2030-03-03',
    '19': '2031-03-03',
    '24': '2036-03-03',
  },
  age19Minus12Months: '2030-03-03',
  age19Plus6Months: '2031-09-03',
  planLastDay: '2037-03-02',
  year9EndMinus2Months: '2026-06-30',
};

const YOUNGEST_2011: Facts = {
  year8Start: '2023-09-01',
  year9Start: '2024-09-01',
  year9End: '2025-08-31',
  year10Start: '2025-09-01',
  year11Start: '2026-09-01',
  year11End: '2027-08-31',
  year13End: '2029-08-31',
  turns19YearStart: '2029-09-01',
  turns19YearEnd: '2030-08-31',
  compulsorySchoolEnds: '2027-06-25',
  post16Deadline: '2027-03-31',
  transferReviewBy: '2027-01-06',
  age: {
    '14': '2025-08-31',
    '14y6m': '2026-02-28',
    '15': '2026-08-31',
    '15y6m': '2027-02-28',
    '15y7m': '2027-03-31',
    '16': '2027-08-31',
    '16y2m': '2027-10-31',
    '17': '2028-08-31',
    '17y3m': '2028-11-30',
    '17y6m': '2029-02-28',
    '18': '2029-08-31',
    '19': '2030-08-31',
    '24': '2035-08-31',
  },
  age19Minus12Months: '2029-08-31',
  age19Plus6Months: '2031-02-28',
  planLastDay: '2036-08-30',
  year9EndMinus2Months: '2025-06-30',
};

/** 1 September 2010 and 31 August 2011 are the oldest and youngest of one cohort: the same school dates. */
const OLDEST_2010: Facts = {
  ...YOUNGEST_2011,
  age: {
    '14': '2024-09-01',
    '14y6m': '2025-03-01',
    '15': '2025-09-01',
    '15y6m': '2026-03-01',
    '15y7m': '2026-04-01',
    '16': '2026-09-01',
    '16y2m': '2026-11-01',
    '17': '2027-09-01',
    '17y3m': '2027-12-01',
    '17y6m': '2028-03-01',
    '18': '2028-09-01',
    '19': '2029-09-01',
    '24': '2034-09-01',
  },
  age19Minus12Months: '2028-09-01',
  age19Plus6Months: '2030-03-01',
  planLastDay: '2035-08-31',
};

const LEAP_DAY_2008_MARCH_1: Facts = {
  year8Start: '2020-09-01',
  year9Start: '2021-09-01',
  year9End: '2022-08-31',
  year10Start: '2022-09-01',
  year11Start: '2023-09-01',
  year11End: '2024-08-31',
  year13End: '2026-08-31',
  turns19YearStart: '2026-09-01',
  turns19YearEnd: '2027-08-31',
  compulsorySchoolEnds: '2024-06-28',
  post16Deadline: '2024-03-31',
  transferReviewBy: '2024-01-07',
  age: {
    '14': '2022-03-01',
    '14y6m': '2022-08-29',
    '15': '2023-03-01',
    '15y6m': '2023-08-29',
    '15y7m': '2023-09-29',
    '16': '2024-02-29',
    '16y2m': '2024-04-29',
    '17': '2025-03-01',
    '17y3m': '2025-05-29',
    '17y6m': '2025-08-29',
    '18': '2026-03-01',
    '19': '2027-03-01',
    '24': '2032-02-29',
  },
  age19Minus12Months: '2026-03-01',
  age19Plus6Months: '2027-09-01',
  planLastDay: '2033-02-28',
  year9EndMinus2Months: '2022-06-30',
};

/** The same person with the 28 February convention: only whole-year anniversaries in common years move. */
const LEAP_DAY_2008_FEBRUARY_28: Facts = {
  ...LEAP_DAY_2008_MARCH_1,
  age: {
    ...LEAP_DAY_2008_MARCH_1.age,
    '14': '2022-02-28',
    '15': '2023-02-28',
    '17': '2025-02-28',
    '18': '2026-02-28',
    '19': '2027-02-28',
  },
  age19Minus12Months: '2026-02-28',
  age19Plus6Months: '2027-08-28',
  planLastDay: '2033-02-27',
};

const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

/** domain.md §1: [window start, due] for every England milestone, from the facts. */
function expectedWindows(f: Facts): Record<string, [string | null, string | null]> {
  return {
    year9_pfa_review: [f.year9Start, f.year9End],
    // Not known until the plan's issue date (or a review) is recorded: see 'Truthful statuses'.
    annual_review: [null, null],
    phase_transfer_review_meeting: [f.year11Start, f.transferReviewBy],
    post16_transfer: [f.year11Start, f.post16Deadline],
    phase_transfer_other: [null, null],
    post16_to_post16_transfer: [null, null],
    participation_to_18: [f.year11Start, f.compulsorySchoolEnds],
    post19_continuation: [f.turns19YearStart, f.turns19YearEnd],
    ehcp_end: [f.age['24'], f.planLastDay],
    // A duty from the start of Year 7 (its due date is the day it starts; it runs to the end of Year 13).
    careers_guidance: [yearBefore(f.year8Start), yearBefore(f.year8Start)],
    work_experience: [f.year10Start, f.year13End],
    supported_internship: [f.year9Start, f.year11End],
    access_to_work: [null, null],
    health_transition_start: [f.year8Start, f.year9End],
    coordinated_transition_plan: [f.year9Start, f.year9End],
    transition_annual_meeting: [f.year9EndMinus2Months, f.year9End],
    named_worker: [f.year9Start, f.year9End],
    readiness_programme: [f.age['15'], f.age['16']],
    ld_annual_health_check: [f.age['14'], f.age['15']],
    adult_practitioner_meeting: [f.age19Minus12Months, f.age['19']],
    health_transfer: [f.age['16'], f.age['19']],
    health_transfer_followup: [f.age['19'], f.age19Plus6Months],
    cc_identify_14: [f.age['14'], f.age['15']],
    chc_screening_16: [f.age['16'], f.age['17']],
    chc_decision_17: [f.age['17'], f.age['17y3m']],
    chc_package_18: [f.age['17y3m'], f.age['18']],
    care_act_transition_assessment: [f.year9Start, f.age['17y6m']],
    carers_transition_assessment: [f.year9Start, f.age['17y6m']],
    adult_care_plan_18: [f.age['17'], f.age['18']],
    childrens_services_beyond_18: [f.age['17y6m'], f.age['18']],
    rights_transfer_16: [f.year11Start, f.compulsorySchoolEnds],
    capacity_from_16: [f.age['15y6m'], f.age['16']],
    pip_preparation: [f.age['15y7m'], f.age['16']],
    pip_claim: [f.age['16'], f.age['16y2m']],
    deputyship_or_lpa: [f.age['17'], f.age['17y6m']],
    liberty_safeguards_18: [f.age['16'], f.age['18']],
    housing_options: [f.year9Start, f.age['18']],
    travel_training: [f.year10Start, f.year13End],
    community_inclusion: [f.year9Start, f.year9End],
    palliative_parallel_plan: [f.age['14'], f.age['14y6m']],
    advance_care_plan: [f.age['14'], f.age['14y6m']],
    adult_palliative_identified: [f.age['16'], f.age['17']],
    palliative_transfer: [f.age['18'], f.age['19']],
  };
}

/** Rules added after the domain reference (issue 14), with their dates worked by hand in statuses.test.ts. */
const ADDED_SINCE_THE_REFERENCE = [
  'review_report',
  'review_decision',
  'appeal_window',
  'consent_to_treatment_16',
  'adult_care_advice',
  'care_leaver_pathway_plan',
  'care_leaver_personal_adviser',
  'staying_put',
  'amended_plan_issued',
  'review_invitations',
  'post16_transport',
  'camhs_transfer',
];

const EVERY_FLAG = {
  jurisdiction: 'england' as const,
  hasEhcPlan: true,
  lifeLimitingCondition: true,
  complexHealthNeeds: true,
  learningDisability: true,
  likelyAdultCareNeeds: true,
  receivesDisabilityLivingAllowance: true,
  mayLackCapacity: true,
  hasCarer: true,
};

const CASES: [string, string, LeapDayBirthday, Facts][] = [
  ['a spring birthday', '2012-03-03', 'march_1', SPRING_2012],
  ['the youngest in the cohort (31 August)', '2011-08-31', 'march_1', YOUNGEST_2011],
  ['the oldest in the cohort (1 September)', '2010-09-01', 'march_1', OLDEST_2010],
  ['a 29 February birthday, 1 March convention', '2008-02-29', 'march_1', LEAP_DAY_2008_MARCH_1],
  ['a 29 February birthday, 28 February convention', '2008-02-29', 'february_28', LEAP_DAY_2008_FEBRUARY_28],
];

describe('England rule pack', () => {
  it('is sound data: every milestone cites a source, has a window, and refers only to known things', () => {
    expect(validateRulePack(englandRulePack)).toEqual([]);
  });

  it('contains every milestone of the domain reference, once', () => {
    const ids = englandRulePack.milestones.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [...Object.keys(expectedWindows(SPRING_2012)), ...ADDED_SINCE_THE_REFERENCE].sort(),
    );
  });

  describe.each(CASES)('dates for %s (%s)', (_name, dateOfBirth, leapDayBirthday, facts) => {
    // As of their 13th year, before anything has fallen due: a recurring milestone shows its
    // first occurrence (later, the occurrence that matters then; see statuses.test.ts).
    const milestones = planMilestones({ dateOfBirth, ...EVERY_FLAG }, [], {
      asOf: `${Number(dateOfBirth.slice(0, 4)) + 13}-01-01`,
      settings: { leapDayBirthday },
    });
    const expected = expectedWindows(facts);

    it.each(Object.keys(expected))('%s', (id) => {
      const milestone = milestones.find((m) => m.id === id);
      expect(milestone, id).toBeDefined();
      expect([milestone?.windowStart, milestone?.dueDate]).toEqual(expected[id]);
    });
  });

  it('uses the last compliant day before a phase-transfer deadline when the pack says so', () => {
    const statutory = planMilestones({ dateOfBirth: '2012-03-03', ...EVERY_FLAG }, [], { asOf: '2026-11-22' });
    const lastDay = planMilestones({ dateOfBirth: '2012-03-03', ...EVERY_FLAG }, [], {
      asOf: '2026-11-22',
      settings: { transferDeadlineDisplay: 'last_compliant_day' },
    });
    expect(statutory.find((m) => m.id === 'post16_transfer')?.dueDate).toBe('2028-03-31');
    expect(lastDay.find((m) => m.id === 'post16_transfer')?.dueDate).toBe('2028-03-30');
  });

  it('moves education deadlines, but not the end of compulsory school age, for a child taught a year behind', () => {
    const behind = planMilestones({ dateOfBirth: '2012-03-03', yearGroupOffset: 1, ...EVERY_FLAG }, [], {
      asOf: '2026-11-22',
    });
    const byId = (id: string) => behind.find((m) => m.id === id);
    expect(byId('year9_pfa_review')?.windowStart).toBe('2026-09-01');
    expect(byId('post16_transfer')?.dueDate).toBe('2029-03-31');
    expect(byId('participation_to_18')?.dueDate).toBe('2028-06-30');
    expect(byId('post19_continuation')?.windowStart).toBe('2030-09-01');

    const tiedToYearGroup = planMilestones({ dateOfBirth: '2012-03-03', yearGroupOffset: 1, ...EVERY_FLAG }, [], {
      asOf: '2026-11-22',
      settings: { yearGroupOffsetMovesCompulsorySchoolAge: true },
    });
    expect(tiedToYearGroup.find((m) => m.id === 'participation_to_18')?.dueDate).toBe('2029-06-29');
  });

  it('follows a planned move rather than the usual age for transfer deadlines', () => {
    const events = [
      { type: 'education.transfer_planned', date: '2026-10-01', transfer: 'post16', moveDate: '2029-01-07' },
      { type: 'education.transfer_planned', date: '2026-10-02', transfer: 'other', moveDate: '2027-09-01' },
      { type: 'education.transfer_planned', date: '2026-10-03', transfer: 'post16_to_post16', moveDate: '2030-01-06' },
    ];
    const milestones = planMilestones({ dateOfBirth: '2012-03-03', ...EVERY_FLAG }, events, { asOf: '2026-11-22' });
    const byId = (id: string) => milestones.find((m) => m.id === id);
    expect(byId('post16_transfer')?.dueDate).toBe('2029-03-31');
    expect(byId('phase_transfer_other')).toMatchObject({
      status: 'due',
      windowStart: '2026-08-15',
      dueDate: '2027-02-15',
    });
    expect(byId('post16_to_post16_transfer')).toMatchObject({ dueDate: '2029-08-06' });
  });

  it('extends the plan end to 31 July with the s.46 extension, capped at the day before the 26th birthday', () => {
    const extended = (dateOfBirth: string, extendedOn: string) =>
      planMilestones(
        { dateOfBirth, ...EVERY_FLAG },
        [
          {
            type: 'education.post16_started',
            date: extendedOn.replace(/^(\d{4})/, (y) => String(Number(y) - 5)),
            setting: 'college',
          },
          { type: 'education.plan_extended', date: extendedOn },
        ],
        { asOf: extendedOn },
      ).find((m) => m.id === 'ehcp_end')?.dueDate;
    // Birthday before 1 August: the same calendar year's 31 July.
    expect(extended('2012-03-03', '2036-06-01')).toBe('2037-07-31');
    // Birthday on or after 1 August: the next 31 July, still before the 26th birthday.
    expect(extended('2011-08-31', '2035-06-01')).toBe('2037-07-31');
  });
});

describe('England rules checked against the law (corrected 29 November 2026)', () => {
  const rule = (id: string) => englandRulePack.milestones.find((milestone) => milestone.id === id);
  const finance = (events: unknown[], asOf: string) =>
    buildPlan({ dateOfBirth: '2009-05-10', ...EVERY_FLAG }, events, { asOf });

  it('needs court authorisation for a 16- or 17-year-old deprived of liberty (Re D), so the window opens at 16', () => {
    const planned = planMilestones({ dateOfBirth: '2009-05-10', ...EVERY_FLAG }, [], { asOf: '2025-06-01' });
    // Born 10 May 2009: 16 on 10 May 2025, 18 on 10 May 2027.
    expect(planned.find((m) => m.id === 'liberty_safeguards_18')).toMatchObject({
      windowStart: '2025-05-10',
      dueDate: '2027-05-10',
      status: 'due',
    });
    expect(rule('liberty_safeguards_18')?.source.document).toContain('Re D');
  });

  it('refuses a lasting power of attorney before 18 (MCA s.9(2)(c)), and it never completes the deputyship milestone', () => {
    const early = finance([{ type: 'finance_legal.lpa_registered', date: '2026-09-01' }], '2026-10-01');
    expect(early.rejectedEvents).toHaveLength(1);
    expect(early.rejectedEvents[0]).toMatchObject({ code: 'rule_not_met' });
    expect(early.rejectedEvents[0]?.reason).toContain('s.9(2)(c)');

    const adult = finance([{ type: 'finance_legal.lpa_registered', date: '2027-05-10' }], '2027-06-01');
    expect(adult.rejectedEvents).toEqual([]);
    expect(adult.milestones.find((m) => m.id === 'deputyship_or_lpa')?.status).not.toBe('done');
    expect(rule('deputyship_or_lpa')?.completedBy).toEqual([{ type: 'finance_legal.deputyship_applied' }]);
  });

  it('cites the carer’s assessment under s.60, and both continuity duties for children’s services after 18', () => {
    expect(rule('carers_transition_assessment')?.source.section).toBe('s.60');
    expect(rule('childrens_services_beyond_18')?.source.section).toContain('17ZG');
    expect(rule('childrens_services_beyond_18')?.source.section).toContain('17ZH');
  });

  it('puts the participation duty’s lead with the local authority (Education and Skills Act 2008 ss.10, 12)', () => {
    expect(rule('participation_to_18')).toMatchObject({ leadAgency: 'la_send', confidence: 'C' });
  });

  it('shows no research confidence tag in any text a person reads', () => {
    for (const pack of [englandRulePack, denmarkRulePack]) {
      for (const milestone of pack.milestones) {
        const read = [milestone.title, milestone.description, milestone.rule, milestone.source.document];
        if (milestone.source.section) read.push(milestone.source.section);
        for (const text of read) expect(text, milestone.id).not.toMatch(/Halsbury|\bU\)|\(U\b|section U/);
      }
    }
  });
});
