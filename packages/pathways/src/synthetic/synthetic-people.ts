import { dateOfAge } from '../dates/ages.ts';
import { addDays, addMonths, isoToDay, toIsoDate, type DayNumber } from '../dates/calendar-date.ts';
import { schoolYearStart } from '../dates/school-year.ts';
import type { ProfileInput } from '../profile.ts';
import { englandRulePack } from '../rule-packs/england.ts';

export type SyntheticPerson = { profile: ProfileInput & { dateOfBirth: string }; events: Record<string, unknown>[] };

/** mulberry32: a small, fast, seedable PRNG, so the same seed always gives the same people. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What both generators share: seeded dice, a date of birth 13–25 years before `asOf`, and a
 * recorder of events that happen (85% of the time) a little after they are due.
 */
function lifeRecorder(seed: number, asOf: string, defaultJitterDays: number) {
  const next = random(seed);
  const chance = (p: number) => next() < p;
  const today = isoToDay(asOf);
  const dob = addDays(today, -Math.floor((13 + next() * 12) * 365.25));
  const events: Record<string, unknown>[] = [];
  const age = (years: number, months = 0) => dateOfAge(dob, years, months, 'march_1');
  /** Records an event at `date` moved by up to `jitterDays`, if it has happened by `asOf`; returns the day recorded. */
  const at = (date: DayNumber, type: string, payload: Record<string, unknown> = {}, jitterDays = defaultJitterDays) => {
    const when = addDays(date, Math.floor(next() * jitterDays));
    if (when > today || !chance(0.85)) return undefined;
    events.push({ type, date: toIsoDate(when), ...payload });
    return when;
  };
  return { chance, today, dob, events, at, age };
}

/**
 * A realistic synthetic young person in England aged 13–25 on `asOf`, with the event history
 * a transition team would have recorded by then: reviews from Year 9, health transition
 * steps, continuing care, a Care Act assessment, PIP, placements — each done on time, late
 * or not at all, as in real caseloads. Deterministic in (`seed`, `index`); no I/O.
 */
export function syntheticPerson(seed: number, index: number, asOf: string): SyntheticPerson {
  const { chance, today, dob, events, at, age } = lifeRecorder(seed * 1_000_003 + index, asOf, 60);
  const profile = {
    dateOfBirth: toIsoDate(dob),
    jurisdiction: 'england' as const,
    yearGroupOffset: chance(0.05) ? 1 : 0,
    hasEhcPlan: chance(0.85),
    lifeLimitingCondition: chance(0.08),
    complexHealthNeeds: chance(0.3),
    learningDisability: chance(0.55),
    likelyAdultCareNeeds: chance(0.6),
    receivesDisabilityLivingAllowance: chance(0.7),
    mayLackCapacity: chance(0.35),
    hasCarer: chance(0.8),
  };
  const calendar = englandRulePack.schoolCalendar;

  const year9 = schoolYearStart(dob, 9, profile.yearGroupOffset, calendar);
  if (profile.hasEhcPlan) {
    at(addMonths(year9, -30), 'education.ehc_plan_issued');
    for (let review = addMonths(year9, 2); review <= today && review < age(25); review = addMonths(review, 12)) {
      const held = at(review, 'education.annual_review_held', {}, 50);
      // The report and the decision follow each review held (only the latest review's count).
      if (held !== undefined) {
        at(addDays(held, 7), 'milestone.recorded', { milestoneId: 'review_report' }, 10);
        at(addDays(held, 14), 'milestone.recorded', { milestoneId: 'review_decision' }, 20);
      }
    }
    const move = schoolYearStart(dob, 12, profile.yearGroupOffset, calendar);
    at(addMonths(move, -11), 'education.transfer_planned', { transfer: 'post16', moveDate: toIsoDate(move) });
    at(addMonths(move, -7), 'education.plan_amended', { transfer: 'post16', institution: 'Riverside College' }, 90);
  }
  at(
    schoolYearStart(dob, 12, profile.yearGroupOffset, calendar),
    'education.post16_started',
    { setting: chance(0.2) ? 'supported_internship' : 'college' },
    5,
  );
  at(addMonths(year9, -6), 'employment.careers_guidance_received', {}, 200);
  at(year9, 'health.transition_planning_started', {}, 200);
  at(addMonths(year9, 3), 'health.named_worker_assigned', {}, 200);
  if (profile.learningDisability)
    for (let check = age(14); check <= today; check = addMonths(check, 12))
      at(check, 'health.annual_health_check_done', {}, 90);
  if (profile.complexHealthNeeds) {
    at(age(14), 'health.chc_need_notified', {}, 150);
    at(age(16), 'health.chc_referred', {}, 120);
    at(age(16, 8), 'health.chc_checklist_completed', { positive: chance(0.6) }, 120);
  }
  if (profile.likelyAdultCareNeeds) {
    at(age(16, 6), 'social_care.assessment_requested', {}, 120);
    at(age(17, 2), 'social_care.assessment_completed', { likelyEligible: chance(0.8) }, 120);
  }
  if (profile.receivesDisabilityLivingAllowance) {
    at(age(16), 'finance_legal.pip_invited', {}, 20);
    at(age(16, 1), 'finance_legal.pip_claimed', {}, 20);
  }
  at(age(17), 'independent_living.housing_options_discussed', {}, 200);
  if (profile.lifeLimitingCondition) {
    at(age(14), 'palliative.parallel_plan_agreed', {}, 200);
    at(age(14, 2), 'palliative.advance_care_plan_agreed', {}, 120);
    at(age(16, 4), 'palliative.adult_service_introduced', {}, 120);
  }
  // What a team that works well records besides: the planning steps most young people get.
  const transfer = age(18);
  for (let meeting = addMonths(year9, 10); meeting < transfer; meeting = addMonths(meeting, 12))
    at(meeting, 'health.transition_meeting_held', {}, 40);
  at(addMonths(year9, 5), 'health.transition_plan_agreed', {}, 120);
  at(addMonths(year9, 6), 'milestone.recorded', { milestoneId: 'community_inclusion' }, 90);
  at(age(15, 3), 'health.readiness_stage_completed', { stage: 'go' }, 120);
  at(addMonths(year9, 26), 'independent_living.travel_training_completed', {}, 300);
  at(addMonths(year9, 28), 'employment.work_experience_completed', {}, 300);
  if (profile.hasEhcPlan) at(addMonths(year9, 20), 'milestone.recorded', { milestoneId: 'supported_internship' }, 120);
  if (profile.complexHealthNeeds) at(age(17, 9), 'health.chc_package_in_place', {}, 60);
  if (profile.likelyAdultCareNeeds) at(age(17, 9), 'social_care.care_plan_agreed', {}, 60);
  if (profile.mayLackCapacity) {
    at(age(17, 1), 'finance_legal.deputyship_applied', {}, 120);
    at(age(16, 6), 'finance_legal.liberty_safeguards_planned', {}, 200);
  }
  at(addMonths(transfer, -9), 'health.adult_practitioner_met', {}, 120);
  at(transfer, 'health.transferred', {}, 400);
  events.sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
  // Drawn last, so every earlier draw (and the demo built from them) is as it was before these facts were asked.
  arrangeLatestReview(events, chance);
  const health = {
    usesChildrensHealthServices:
      profile.complexHealthNeeds || profile.lifeLimitingCondition || profile.learningDisability || chance(0.6),
    usesChildrensMentalHealthServices: chance(0.2),
  };
  return { profile: { ...profile, ...health }, events };
}

/**
 * The latest review held was arranged five weeks ahead, and its invitations and advice went out
 * (most of the time) two weeks or more before it: what reg. 20(3)–(4) asks.
 */
function arrangeLatestReview(events: Record<string, unknown>[], chance: (p: number) => boolean) {
  const reviews = events.filter((event) => event.type === 'education.annual_review_held');
  const latest = reviews[reviews.length - 1]?.date as string | undefined;
  if (!latest) return;
  const meeting = isoToDay(latest);
  events.push({
    type: 'education.review_meeting_planned',
    date: toIsoDate(addDays(meeting, -35)),
    meetingDate: latest,
  });
  if (chance(0.85))
    events.push({
      type: 'milestone.recorded',
      date: toIsoDate(addDays(meeting, -16)),
      milestoneId: 'review_invitations',
    });
  events.sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
}

/**
 * A synthetic young person in Denmark aged 13–25 on `asOf`, with what a municipality and region
 * would have recorded by then: preparation from 16, the youth plan, the decision on adult
 * support before 18 and its start, youth support after care, guardianship, the move to the
 * adult hospital department, the KUI education plan, the adult assessment and the topics of
 * § 123(2). Deterministic in (`seed`, `index`); no I/O.
 */
export function syntheticDanishPerson(seed: number, index: number, asOf: string): SyntheticPerson {
  const { chance, dob, events, at, age } = lifeRecorder(seed * 7_000_003 + index, asOf, 45);
  const profile = {
    dateOfBirth: toIsoDate(dob),
    jurisdiction: 'denmark' as const,
    learningDisability: chance(0.55),
    likelyAdultCareNeeds: chance(0.6),
    complexHealthNeeds: chance(0.3),
    lifeLimitingCondition: chance(0.06),
    mayLackCapacity: chance(0.3),
    placedInCare: chance(0.15),
  };
  at(age(16, 1), 'social_care.preparation_started');
  at(age(16, 2), 'social_care.youth_plan_made');
  if (profile.placedInCare) at(age(17, 2), 'social_care.youth_support_decided');
  const eligible = chance(0.8);
  // Each step only after the one before it was recorded: a municipality cannot start help it never decided.
  const decided = at(age(17, 7), 'social_care.adult_decision_made', { eligible });
  const planned = decided && eligible ? at(age(17, 10), 'social_care.care_plan_agreed', {}, 30) : undefined;
  if (planned) at(age(18), 'social_care.adult_services_started', {}, 20);
  if (profile.mayLackCapacity) at(age(17, 3), 'finance_legal.guardianship_considered', {}, 90);
  at(age(18, 2), 'health.transferred', {}, 120);
  // The KUI education plan in 9th grade, the adult assessment around 16½, and § 123(2)'s topics.
  const recorded = (milestoneId: string) => ({ milestoneId });
  at(age(15, 4), 'milestone.recorded', recorded('dk_kui_education_plan'), 90);
  at(age(16, 5), 'milestone.recorded', recorded('dk_adult_assessment'), 90);
  at(age(16, 10), 'milestone.recorded', recorded('dk_prep_work_income'), 120);
  at(age(16, 10), 'independent_living.housing_options_discussed', {}, 120);
  at(age(17), 'milestone.recorded', recorded('dk_prep_social_life'), 120);
  events.sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : 1));
  return { profile, events };
}
