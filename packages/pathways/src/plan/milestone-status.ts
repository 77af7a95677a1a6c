import { toIsoDate, type DayNumber } from '../dates/calendar-date.ts';
import type { MilestoneRule } from '../rule-packs/types.ts';
import { evaluateCondition } from './conditions.ts';
import { evaluateDate, milestoneDates } from './evaluate-date.ts';
import { easyReadOf } from './easy-read.ts';
import { explainMilestone } from './explain.ts';
import { openStatus, periodStatus } from './open-status.ts';
import { phrasesFor } from './phrases.ts';
import { matchesWhere } from './match-events.ts';
import type { AcceptedEvent, PlanContext } from './plan-context.ts';
import type { MilestoneFacts, MilestoneSchedule, PathwayEnding, PlannedMilestone, TaskStatus } from './types.ts';

/**
 * The status of one milestone as of the plan date:
 * - `not_applicable` when its condition fails or its pathway has ended without it;
 * - `done` when an accepted event completes it;
 * - a task otherwise: `not_known` without a due date, `missed` after its last possible day,
 *   `overdue` after its due date, `due` inside its window, `upcoming` before it;
 * - a legal fact or duty: `starts_later`, `in_effect` or `ended` (never late).
 * Recurring milestones report their next occurrence, with the last one done.
 */
export function milestoneFacts(
  rule: MilestoneRule,
  context: PlanContext,
  ending: PathwayEnding | undefined,
): MilestoneFacts {
  const { windowStart, due } = milestoneDates(rule.id, context);
  const closing = rule.missedAfter ?? rule.until;
  const completions = completionsOf(rule, context, windowStart);
  const facts: MilestoneFacts = {
    rule,
    status: 'upcoming',
    windowStart,
    due,
    closesOn: closing ? evaluateDate(closing, context) : undefined,
    completedOn: undefined,
    lastDoneOn: completions.length > 0 ? completions[completions.length - 1]?.day : undefined,
    notApplicableReason: undefined,
  };
  const condition = evaluateCondition(rule.appliesWhen, context);
  if (!condition.applies) {
    setNotApplicable(facts, condition.reason);
  } else if ((rule.nature ?? 'task') !== 'task') {
    periodFacts(facts, context.asOf, ending);
  } else if (rule.recurrence) {
    const until = rule.recurrence.until ? evaluateDate(rule.recurrence.until, context) : undefined;
    const isSeriesOver = (until !== undefined && due !== undefined && due > until) || ending !== undefined;
    // The first occurrence, only needed to tell a series that ran with none done (missed) from one that never began.
    const firstDue = isSeriesOver && facts.lastDoneOn === undefined ? evaluateDate(rule.due, context) : undefined;
    if (!isSeriesOver) facts.status = taskStatus(facts, context.asOf);
    else if (facts.lastDoneOn !== undefined) setDone(facts, facts.lastDoneOn);
    else if (!ending && until !== undefined && firstDue !== undefined && firstDue <= until) {
      facts.status = 'missed';
      facts.due = firstDue;
      if (facts.windowStart !== undefined && facts.windowStart > firstDue) facts.windowStart = firstDue;
      facts.closesOn = until;
    } else setNotApplicable(facts, ending?.reason ?? noMoreDue(until, context));
  } else if (completions[0]) {
    setDone(facts, completions[0].day);
  } else if (ending && rule.isPathwayEnd) {
    setDone(facts, due !== undefined && due < ending.endedOn ? due : ending.endedOn);
  } else if (ending) {
    setNotApplicable(facts, ending.reason);
  } else {
    facts.status = taskStatus(facts, context.asOf);
  }
  return facts;
}

/**
 * A legal fact or duty: a period from its due date to its closing day. A pathway that ended
 * (the young person died) ends it then, or it never applied if it had not yet begun.
 */
function periodFacts(facts: MilestoneFacts, asOf: DayNumber, ending: PathwayEnding | undefined): void {
  if (facts.due === undefined) {
    facts.status = 'not_known';
  } else if (ending && ending.endedOn <= facts.due) {
    setNotApplicable(facts, ending.reason);
  } else {
    if (ending && (facts.closesOn === undefined || ending.endedOn < facts.closesOn)) facts.closesOn = ending.endedOn;
    facts.status = periodStatus(facts.due, facts.closesOn, asOf);
  }
}

function setDone(facts: MilestoneFacts, on: DayNumber): void {
  facts.status = 'done';
  facts.completedOn = on;
}

function setNotApplicable(facts: MilestoneFacts, reason: string): void {
  facts.status = 'not_applicable';
  facts.notApplicableReason = reason;
}

/** An open task: not known without a due date, else where today falls in its window. */
function taskStatus(facts: MilestoneFacts, asOf: DayNumber): TaskStatus {
  return facts.due === undefined ? 'not_known' : openStatus(facts.windowStart, facts.due, asOf, facts.closesOn);
}

/** Accepted events that complete this milestone, in date order. */
function completionsOf(rule: MilestoneRule, context: PlanContext, windowStart: DayNumber | undefined): AcceptedEvent[] {
  const completions = rule.completedBy && rule.completedBy.length > 0 ? rule.completedBy : RECORDED_ONLY;
  const found: AcceptedEvent[] = [];
  for (const completion of completions) {
    const events = context.eventsByType.get(completion.type);
    if (!events) continue;
    for (const accepted of events) {
      if (
        completion.type === 'milestone.recorded' &&
        (accepted.event as { milestoneId?: string }).milestoneId !== rule.id
      )
        continue;
      if (completion.where && !matchesWhere(accepted.event, completion.where)) continue;
      if (completion.onlyWithinWindow && windowStart !== undefined && accepted.day < windowStart) continue;
      found.push(accepted);
    }
  }
  return completions.length > 1 ? found.sort((a, b) => a.day - b.day) : found;
}

const RECORDED_ONLY = [{ type: 'milestone.recorded', where: undefined, onlyWithinWindow: false }];

const completingTypes = new WeakMap<MilestoneRule, readonly string[]>();

/** The event types that complete a rule's milestone (worked out once per rule, shared by every plan). */
function completingEventTypes(rule: MilestoneRule): readonly string[] {
  let types = completingTypes.get(rule);
  if (!types) {
    types = Object.freeze([
      ...new Set((rule.completedBy?.length ? rule.completedBy : RECORDED_ONLY).map((completion) => completion.type)),
    ]);
    completingTypes.set(rule, types);
  }
  return types;
}

/**
 * A milestone's dates and status as plain data, without the sentence that explains them: what
 * a caseload store needs for thousands of people, where the words would be wasted.
 */
export function scheduledMilestone(facts: MilestoneFacts): MilestoneSchedule {
  const { rule } = facts;
  return {
    id: rule.id,
    pathway: rule.pathway,
    title: rule.title,
    staffTitle: rule.staffTitle,
    description: rule.description,
    familyTitle: rule.familyTitle ?? rule.title,
    familyDescription: rule.familyDescription,
    nature: rule.nature ?? 'task',
    status: facts.status,
    dueDate: facts.due !== undefined ? toIsoDate(facts.due) : null,
    windowStart: facts.windowStart !== undefined ? toIsoDate(facts.windowStart) : null,
    closesOn: facts.closesOn !== undefined ? toIsoDate(facts.closesOn) : null,
    ifMissed: facts.status === 'missed' ? (rule.ifMissed ?? null) : null,
    dateNeeds: facts.status === 'not_known' ? (rule.dateNeeds ?? null) : null,
    completedOn: facts.completedOn !== undefined ? toIsoDate(facts.completedOn) : null,
    lastDoneOn: rule.recurrence && facts.lastDoneOn !== undefined ? toIsoDate(facts.lastDoneOn) : null,
    isRecurring: rule.recurrence !== undefined,
    leadAgency: rule.leadAgency,
    contributingAgencies: rule.contributingAgencies,
    kind: rule.kind,
    source: rule.source,
    confidence: rule.confidence,
    notApplicableReason: facts.notApplicableReason ?? null,
    completedBy: completingEventTypes(rule),
  };
}

/** A milestone as a person reads it: its dates and status, and one sentence saying why. Plain data. */
export function plannedMilestone(facts: MilestoneFacts, context: PlanContext): PlannedMilestone {
  return {
    ...scheduledMilestone(facts),
    explanation: explainMilestone(facts, context),
    easyRead: easyReadOf(facts.rule, context.pack),
  };
}

function noMoreDue(until: DayNumber | undefined, context: PlanContext): string {
  const words = phrasesFor(context.pack);
  return words.noMoreDue(until !== undefined ? words.day(until) : undefined);
}
