import { describe, expect, it } from 'vitest';
import { planMilestones } from '../plan/build-plan.ts';
import { englandReviews } from '../rule-packs/england-reviews.ts';
import { adviceLetterDue, adviceStatus, defaultAdviceDue } from './follow-ups.ts';
import { reviewKindOf } from './review-kinds.ts';
import { invitationsSentOn, nextReviewStep, reviewClock, type ReviewFacts } from './review-clock.ts';
import type { ReviewKind } from '../rule-packs/types.ts';
import { onWorkingDay } from './working-days.ts';

const annual = reviewKindOf('england', 'ehc_annual_review') as ReviewKind;
const health = reviewKindOf('england', 'health_transition_meeting') as ReviewKind;
const clock = (facts: ReviewFacts, today: string, kind = annual) =>
  Object.fromEntries(reviewClock(kind, facts, today).map((step) => [step.id, step]));

// 10 March 2027 is a Wednesday.
const WEDNESDAY_MEETING = '2027-03-10';

describe('the review clock (SEND Regulations 2014 regs. 20–22, Devon)', () => {
  it('dates every step from the meeting: notice and advice two weeks before, report two weeks after, decision four', () => {
    const steps = clock({ meetingDate: WEDNESDAY_MEETING }, '2027-02-01');
    expect(steps.invitations).toMatchObject({ due: '2027-02-24', status: 'to_do' });
    expect(steps.advice_circulated).toMatchObject({ due: '2027-02-24', status: 'to_do' });
    expect(steps.meeting).toMatchObject({ due: WEDNESDAY_MEETING, status: 'to_do' });
    expect(steps.report).toMatchObject({ due: '2027-03-24', status: 'to_do' });
    expect(steps.decision).toMatchObject({ due: '2027-04-07', status: 'to_do' });
    // Nothing to date the final plan or the appeal from until the council decides.
    expect(steps.final_plan).toMatchObject({ due: null, status: 'waiting' });
    expect(steps.appeal).toMatchObject({ due: null, status: 'waiting' });
  });

  it('is late the day after a step is due, and done late when it is done after it', () => {
    expect(clock({ meetingDate: WEDNESDAY_MEETING }, '2027-02-24').invitations?.status).toBe('to_do');
    expect(clock({ meetingDate: WEDNESDAY_MEETING }, '2027-02-25').invitations?.status).toBe('late');
    const sentLate = clock({ meetingDate: WEDNESDAY_MEETING, invitationsSentOn: '2027-02-26' }, '2027-03-01');
    expect(sentLate.invitations?.status).toBe('done_late');
    const onTime = clock({ meetingDate: WEDNESDAY_MEETING, invitationsSentOn: '2027-02-24' }, '2027-03-01');
    expect(onTime.invitations?.status).toBe('done');
  });

  it('gives eight weeks from a decision to amend for the final plan, then two months to appeal against it', () => {
    const decided: ReviewFacts = {
      meetingDate: WEDNESDAY_MEETING,
      heldOn: WEDNESDAY_MEETING,
      decision: 'amend',
      decisionOn: '2027-03-31',
    };
    const steps = clock(decided, '2027-05-27');
    expect(steps.decision).toMatchObject({ due: '2027-04-07', doneOn: '2027-03-31', status: 'done' });
    expect(steps.final_plan).toMatchObject({ due: '2027-05-26', status: 'late' });
    expect(steps.appeal?.status).toBe('waiting');
    const issued = clock({ ...decided, finalPlanOn: '2027-05-20' }, '2027-06-01');
    expect(issued.final_plan?.status).toBe('done');
    expect(issued.appeal).toMatchObject({ due: '2027-07-20', status: 'open' });
    expect(clock({ ...decided, finalPlanOn: '2027-05-20' }, '2027-07-21').appeal?.status).toBe('closed');
  });

  it('needs no final plan after a decision to keep the plan, and the appeal runs from the decision', () => {
    const steps = clock(
      { meetingDate: WEDNESDAY_MEETING, heldOn: WEDNESDAY_MEETING, decision: 'keep', decisionOn: '2027-03-17' },
      '2027-03-18',
    );
    expect(steps.final_plan?.status).toBe('not_needed');
    expect(steps.appeal).toMatchObject({ due: '2027-05-17', status: 'open' });
  });

  it('moves a task due on a weekend to the Friday before, and the time to appeal to the Monday after', () => {
    // A Saturday meeting: two weeks before and after are Saturdays too.
    const saturday = clock({ meetingDate: '2027-03-13' }, '2027-01-01');
    expect(saturday.invitations).toMatchObject({ calculatedDue: '2027-02-27', due: '2027-02-26' });
    expect(saturday.report).toMatchObject({ calculatedDue: '2027-03-27', due: '2027-03-26' });
    expect(saturday.meeting?.due).toBe('2027-03-13');
    // Two months from Wednesday 6 January 2027 is Saturday 6 March: the tribunal takes it on Monday 8 March (r.12(2)).
    const appeal = clock(
      { meetingDate: '2026-12-09', heldOn: '2026-12-09', decision: 'cease', decisionOn: '2027-01-06' },
      '2027-03-07',
    ).appeal;
    expect(appeal).toMatchObject({ calculatedDue: '2027-03-06', due: '2027-03-08', status: 'open' });
    expect(onWorkingDay('2027-03-07', 'earlier')).toBe('2027-03-05');
    expect(onWorkingDay('2027-03-07', 'as_calculated')).toBe('2027-03-07');
  });

  it('after a postponement, moves every step with the meeting and counts invitations only once the updates are sent', () => {
    const sentForFirstDate = [
      { sentSequence: 0, sentOn: '2027-02-15' },
      { sentSequence: 0, sentOn: '2027-02-16' },
    ];
    expect(invitationsSentOn(sentForFirstDate, 0)).toBe('2027-02-16');
    // Postponed (sequence 1) to 24 March: the earlier notice was of the wrong date.
    const postponed = clock(
      { meetingDate: '2027-03-24', invitationsSentOn: invitationsSentOn(sentForFirstDate, 1) },
      '2027-03-01',
    );
    expect(postponed.invitations).toMatchObject({ due: '2027-03-10', doneOn: null, status: 'to_do' });
    expect(postponed.report?.due).toBe('2027-04-07');
    const oneUpdated = [{ sentSequence: 1, sentOn: '2027-03-02' }, sentForFirstDate[1] as (typeof sentForFirstDate)[0]];
    expect(invitationsSentOn(oneUpdated, 1)).toBeNull();
    const allUpdated = [
      { sentSequence: 1, sentOn: '2027-03-02' },
      { sentSequence: 1, sentOn: '2027-03-03' },
    ];
    const updated = clock(
      { meetingDate: '2027-03-24', invitationsSentOn: invitationsSentOn(allUpdated, 1) },
      '2027-03-04',
    );
    expect(updated.invitations).toMatchObject({ doneOn: '2027-03-03', status: 'done' });
    // Brought forward instead, to 17 March: updates on 3 March gave only two weeks less a day.
    const broughtForward = clock({ meetingDate: '2027-03-17', invitationsSentOn: '2027-03-04' }, '2027-03-05');
    expect(broughtForward.invitations?.status).toBe('done_late');
    expect(invitationsSentOn([], 0)).toBeNull();
  });

  it('has nothing to do once a review is cancelled', () => {
    const steps = reviewClock(annual, { meetingDate: WEDNESDAY_MEETING, cancelled: true }, '2027-04-30');
    expect(new Set(steps.map((step) => step.status))).toEqual(new Set(['not_needed']));
    expect(nextReviewStep(steps)).toBeUndefined();
  });

  it('names the next step to do, late ones included', () => {
    const steps = reviewClock(
      annual,
      { meetingDate: WEDNESDAY_MEETING, invitationsSentOn: '2027-02-20' },
      '2027-02-26',
    );
    expect(nextReviewStep(steps)).toMatchObject({ id: 'advice_circulated', status: 'late' });
  });

  it('gives meetings outside the EHC regulations a good-practice clock with no decision', () => {
    const steps = clock({ meetingDate: WEDNESDAY_MEETING }, '2027-02-01', health);
    expect(Object.keys(steps)).toEqual(['invitations', 'advice_circulated', 'meeting', 'report']);
    expect(steps.report?.rule.kind).toBe('good_practice');
  });

  it('keeps each statutory step on the date of the plan milestone it is', () => {
    const person = { dateOfBirth: '2011-06-15', jurisdiction: 'england' as const, hasEhcPlan: true };
    const events = [
      { type: 'education.review_meeting_planned', date: '2027-01-20', meetingDate: WEDNESDAY_MEETING },
      { type: 'education.annual_review_held', date: WEDNESDAY_MEETING },
      { type: 'education.review_decision_made', date: '2027-04-01', decision: 'amend' },
      { type: 'education.plan_amended', date: '2027-05-20' },
    ];
    const milestones = planMilestones(person, events, { asOf: '2027-06-01' });
    const steps = reviewClock(
      annual,
      {
        meetingDate: WEDNESDAY_MEETING,
        heldOn: WEDNESDAY_MEETING,
        decision: 'amend',
        decisionOn: '2027-04-01',
        finalPlanOn: '2027-05-20',
      },
      '2027-06-01',
    );
    const linked = steps.filter((step) => step.rule.milestoneId);
    expect(linked.map((step) => step.id)).toEqual([
      'invitations',
      'advice_circulated',
      'report',
      'decision',
      'final_plan',
      'appeal',
    ]);
    for (const step of linked) {
      const milestone = milestones.find((m) => m.id === step.rule.milestoneId);
      // A legal fact's milestone is dated from its start; its last day is `closesOn`.
      const milestoneDate = step.rule.nature === 'legal_fact' ? milestone?.closesOn : milestone?.dueDate;
      expect({ step: step.id, date: milestoneDate }).toEqual({ step: step.id, date: step.calculatedDue });
    }
  });
});

describe('advice requests', () => {
  const rules = englandReviews.advice;
  const request = {
    dueOn: '2027-02-17',
    submittedOn: null,
    meetingDate: WEDNESDAY_MEETING,
    remindedOn: null,
    chasedOn: null,
  };

  it('are due three weeks before the meeting by default, on a working day', () => {
    expect(defaultAdviceDue(rules, WEDNESDAY_MEETING)).toBe('2027-02-17');
    // Three weeks before a Saturday meeting is a Saturday: the Friday before.
    expect(defaultAdviceDue(rules, '2027-03-13')).toBe('2027-02-19');
  });

  it('send one reminder five days before they are due', () => {
    expect(adviceLetterDue(rules, request, '2027-02-11')).toBeNull();
    expect(adviceLetterDue(rules, request, '2027-02-12')).toBe('reminder');
    expect(adviceLetterDue(rules, { ...request, remindedOn: '2027-02-12' }, '2027-02-13')).toBeNull();
  });

  it('are chased the day after they are due, then every three days until the advice comes or the meeting is held', () => {
    const reminded = { ...request, remindedOn: '2027-02-12' };
    expect(adviceLetterDue(rules, reminded, '2027-02-17')).toBeNull();
    expect(adviceLetterDue(rules, reminded, '2027-02-18')).toBe('chaser');
    // Never reminded (asked late): chased all the same once it is late.
    expect(adviceLetterDue(rules, request, '2027-02-18')).toBe('chaser');
    const chased = { ...reminded, chasedOn: '2027-02-18' };
    expect(adviceLetterDue(rules, chased, '2027-02-20')).toBeNull();
    expect(adviceLetterDue(rules, chased, '2027-02-21')).toBe('chaser');
    expect(adviceLetterDue(rules, { ...chased, submittedOn: '2027-02-20' }, '2027-02-21')).toBeNull();
    expect(adviceLetterDue(rules, chased, WEDNESDAY_MEETING)).toBeNull();
  });

  it('are received on time or late', () => {
    expect(adviceStatus({ dueOn: '2027-02-17', submittedOn: null }, '2027-02-17')).toBe('waiting');
    expect(adviceStatus({ dueOn: '2027-02-17', submittedOn: null }, '2027-02-18')).toBe('late');
    expect(adviceStatus({ dueOn: '2027-02-17', submittedOn: '2027-02-17' }, '2027-03-01')).toBe('received');
    expect(adviceStatus({ dueOn: '2027-02-17', submittedOn: '2027-02-19' }, '2027-03-01')).toBe('received_late');
  });
});
