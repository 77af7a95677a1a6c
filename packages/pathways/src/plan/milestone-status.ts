import { toIsoDate, type DayNumber } from '../dates/calendar-date.ts';
import type { MilestoneRule } from '../rule-packs/types.ts';
import { evaluateCondition } from './conditions.ts';
import { evaluateDate, milestoneDates } from './evaluate-date.ts';
import { explainMilestone } from './explain.ts';
import { openStatus } from './open-status.ts';
import { matchesWhere } from './match-events.ts';
import type { AcceptedEvent, PlanContext } from './plan-context.ts';
import type { MilestoneFacts, MilestoneStatus, PathwayEnding, PlannedMilestone } from './types.ts';

/** What a milestone's status was worked out from; kept so its explanation can be written later. */
/**
 * The status of one milestone as of the plan date:
 * - `not_applicable` when its condition fails or its pathway has ended without it;
 * - `done` when an accepted event completes it;
 * - otherwise `overdue` after its due date, `due` inside its window, `upcoming` before it.
 * Recurring milestones report their next occurrence, with the last one done.
 */
export function planMilestone(
  rule: MilestoneRule,
  context: PlanContext,
  ending: PathwayEnding | undefined,
): PlannedMilestone {
  const { windowStart, due } = milestoneDates(rule.id, context);
  const completions = completionsOf(rule, context, windowStart);
  const facts: MilestoneFacts = {
    rule,
    status: 'upcoming',
    windowStart,
    due,
    completedOn: undefined,
    lastDoneOn: completions.length > 0 ? completions[completions.length - 1]?.day : undefined,
    notApplicableReason: undefined,
  };
  const condition = evaluateCondition(rule.appliesWhen, context);
  if (!condition.applies) {
    facts.status = 'not_applicable';
    facts.notApplicableReason = condition.reason;
  } else if (rule.recurrence) {
    const until = rule.recurrence.until ? evaluateDate(rule.recurrence.until, context) : undefined;
    const isSeriesOver = (until !== undefined && due !== undefined && due > until) || ending !== undefined;
    if (!isSeriesOver) facts.status = timeStatus(windowStart, due, context.asOf);
    else if (facts.lastDoneOn !== undefined) setDone(facts, facts.lastDoneOn);
    else
      setNotApplicable(
        facts,
        ending?.reason ?? `No more are due after ${until !== undefined ? toIsoDate(until) : 'the end of the plan'}.`,
      );
  } else if (completions[0]) {
    setDone(facts, completions[0].day);
  } else if (ending && rule.isPathwayEnd) {
    setDone(facts, due !== undefined && due < ending.endedOn ? due : ending.endedOn);
  } else if (ending) {
    setNotApplicable(facts, ending.reason);
  } else {
    facts.status = timeStatus(windowStart, due, context.asOf);
  }
  return new Milestone(facts, context);
}

function setDone(facts: MilestoneFacts, on: DayNumber): void {
  facts.status = 'done';
  facts.completedOn = on;
}

function setNotApplicable(facts: MilestoneFacts, reason: string): void {
  facts.status = 'not_applicable';
  facts.notApplicableReason = reason;
}

function timeStatus(
  windowStart: DayNumber | undefined,
  due: DayNumber | undefined,
  asOf: DayNumber,
): 'overdue' | 'due' | 'upcoming' {
  return due === undefined ? 'upcoming' : openStatus(windowStart, due, asOf);
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
 * A planned milestone. Its explanation sentence is written on first read and kept: a
 * caseload of thousands needs the dates, a person reading one plan needs the words.
 * `toJSON` includes it, so API responses carry it.
 */
class Milestone implements PlannedMilestone {
  readonly id: string;
  readonly pathway: PlannedMilestone['pathway'];
  readonly title: string;
  readonly description: string;
  readonly status: MilestoneStatus;
  readonly dueDate: string | null;
  readonly windowStart: string | null;
  readonly completedOn: string | null;
  readonly lastDoneOn: string | null;
  readonly isRecurring: boolean;
  readonly leadAgency: PlannedMilestone['leadAgency'];
  readonly contributingAgencies: PlannedMilestone['contributingAgencies'];
  readonly kind: PlannedMilestone['kind'];
  readonly source: PlannedMilestone['source'];
  readonly confidence: PlannedMilestone['confidence'];
  readonly notApplicableReason: string | null;
  readonly completedBy: readonly string[];
  #facts: MilestoneFacts;
  #context: PlanContext;
  #explanation: string | undefined;

  constructor(facts: MilestoneFacts, context: PlanContext) {
    const { rule } = facts;
    this.id = rule.id;
    this.pathway = rule.pathway;
    this.title = rule.title;
    this.description = rule.description;
    this.status = facts.status;
    this.dueDate = facts.due !== undefined ? toIsoDate(facts.due) : null;
    this.windowStart = facts.windowStart !== undefined ? toIsoDate(facts.windowStart) : null;
    this.completedOn = facts.completedOn !== undefined ? toIsoDate(facts.completedOn) : null;
    this.lastDoneOn = rule.recurrence && facts.lastDoneOn !== undefined ? toIsoDate(facts.lastDoneOn) : null;
    this.isRecurring = rule.recurrence !== undefined;
    this.leadAgency = rule.leadAgency;
    this.contributingAgencies = rule.contributingAgencies;
    this.kind = rule.kind;
    this.source = rule.source;
    this.confidence = rule.confidence;
    this.notApplicableReason = facts.notApplicableReason ?? null;
    this.completedBy = completingEventTypes(rule);
    this.#facts = facts;
    this.#context = context;
  }

  get explanation(): string {
    return (this.#explanation ??= explainMilestone(this.#facts, this.#context));
  }

  toJSON(): PlannedMilestone {
    return { ...this, explanation: this.explanation };
  }
}
