import { isoToDay, toIsoDate } from '../dates/calendar-date.ts';
import { ZIsoDate } from '../dates/iso-date-schema.ts';
import {
  describeState,
  acceptedEventTypes,
  stateValueToString,
  persistPathway,
  type PersistedPathwayRun,
} from '../machines/pathway-runner.ts';
import { ZProfile, type ProfileInput } from '../profile.ts';
import { RULE_PACKS } from '../rule-packs/index.ts';
import { packIn } from '../rule-packs/pack-in-language.ts';
import { rulesById } from '../rule-packs/rules-by-id.ts';
import type { Jurisdiction, Pathway, PlanLanguage, RulePack, RulePackSettings } from '../rule-packs/types.ts';
import { computeKeyDates, keyDatesToIso } from './key-dates.ts';
import { milestoneFacts, plannedMilestone, scheduledMilestone } from './milestone-status.ts';
import type { AcceptedEvent, PlanContext } from './plan-context.ts';
import { replayEvents, type PathwaysToStart } from './replay.ts';
import type { MilestoneSchedule, PathwayEnding, PathwayStatus, Plan, PlannedMilestone, PlanSchedule } from './types.ts';
import { phrasesFor } from './phrases.ts';

export type PlanOptions = {
  /** The plan date (ISO). The engine never reads the wall clock. */
  asOf: string;
  /** Defaults to the profile's jurisdiction. */
  jurisdiction?: Jurisdiction;
  /** Overrides of the rule pack's settings (e.g. the 29 February convention). */
  settings?: Partial<RulePackSettings>;
  /** Plan with this pack instead of the registered one (a draft pack, or a new jurisdiction). */
  rulePack?: RulePack;
  /** The language of titles, descriptions and explanations, where the pack has it (default: the pack's own). Dates never depend on it. */
  language?: PlanLanguage;
};

/**
 * The whole plan for one young person as of a date: every milestone of their jurisdiction's
 * rule pack with status, dates and explanation, every pathway's current state, and any
 * events that were refused and why. Deterministic: same input, same output.
 *
 * Throws a `ZodError` naming the field when the profile or `asOf` is invalid; invalid or
 * impossible events do not throw but are listed in `rejectedEvents`.
 */
export function buildPlan(profileInput: ProfileInput, events: readonly unknown[], options: PlanOptions): Plan {
  return buildPlanWithState(profileInput, events, options).plan;
}

/**
 * `buildPlan` plus every pathway's persisted XState snapshot from the same replay: what a
 * store keeps after recording an event.
 */
export function buildPlanWithState(
  profileInput: ProfileInput,
  events: readonly unknown[],
  options: PlanOptions,
): { plan: Plan; pathwayStates: PersistedPathwayRun[] } {
  const core = planCore(profileInput, events, options, 'every');
  const { plan, pathwayStates } = withPathwayStates(core);
  return {
    plan: { ...plan, milestones: core.facts.map((facts) => plannedMilestone(facts, core.context)) },
    pathwayStates,
  };
}

/**
 * `buildPlanWithState` without the explanations: every milestone's dates and status and every
 * pathway's persisted snapshot, which is what a store of caseload rows keeps. Re-planning a
 * whole county writes no sentence that nobody reads.
 */
export function buildScheduleWithState(
  profileInput: ProfileInput,
  events: readonly unknown[],
  options: PlanOptions,
): { plan: PlanSchedule; pathwayStates: PersistedPathwayRun[] } {
  const core = planCore(profileInput, events, options, 'every');
  const { plan, pathwayStates } = withPathwayStates(core);
  return { plan: { ...plan, milestones: core.facts.map(scheduledMilestone) }, pathwayStates };
}

/** Every pathway's state in words and its persisted snapshot, from one replay; the plan without its milestones. */
function withPathwayStates({ context, replay, endings }: ReturnType<typeof planCore>): {
  plan: Omit<Plan, 'milestones'>;
  pathwayStates: PersistedPathwayRun[];
} {
  const pathways: PathwayStatus[] = [];
  for (const [pathway, run] of replay.runs) {
    const isEnded = run.snapshot.status === 'done';
    pathways.push({
      pathway,
      state: stateValueToString(run.snapshot.value),
      description: describeState(run.snapshot).text,
      isEnded,
      endReason: endings.get(pathway)?.endReason ?? null,
      nextEvents: isEnded ? [] : acceptedEventTypes(run.snapshot),
    });
  }
  const plan = {
    asOf: toIsoDate(context.asOf),
    jurisdiction: context.pack.jurisdiction,
    keyDates: keyDatesToIso(context.keyDates),
    pathways,
    rejectedEvents: replay.rejected,
  };
  return { plan, pathwayStates: [...replay.runs.values()].map(persistPathway) };
}

type Ending = PathwayEnding & { endReason: string | null };

/** Validation, replay and milestones: what both entry points need. */
function planCore(
  profileInput: ProfileInput,
  events: readonly unknown[],
  options: PlanOptions,
  pathways: PathwaysToStart,
) {
  const profile = ZProfile.parse(profileInput);
  const asOf = isoToDay(ZIsoDate.parse(options.asOf));
  const pack = packIn(options.rulePack ?? RULE_PACKS[options.jurisdiction ?? profile.jurisdiction], options.language);
  const settings = options.settings ? { ...pack.settings, ...options.settings } : pack.settings;
  const dateOfBirth = isoToDay(profile.dateOfBirth);
  const keyDates = computeKeyDates(pack, settings, dateOfBirth, profile.yearGroupOffset);
  const replay = replayEvents({ pack, profile, keyDates, dateOfBirth, events, asOf, pathways });

  const context: PlanContext = {
    pack,
    settings,
    profile,
    dateOfBirth,
    asOf,
    keyDates,
    eventsByType: groupByType(replay.accepted),
    rulesById: rulesById(pack),
    milestoneDates: new Map(),
    resolving: new Set(),
  };

  const words = phrasesFor(pack);
  const endings = new Map<Pathway, Ending>();
  for (const [pathway, endedOn] of replay.endedOn) {
    const run = replay.runs.get(pathway);
    const endReason = (run?.snapshot.context as { endReason?: string | null } | undefined)?.endReason ?? null;
    endings.set(pathway, {
      endedOn,
      endReason,
      reason: words.pathwayEnded(pathway, words.day(endedOn), endReason?.replaceAll('_', ' ')),
    });
  }
  const facts = pack.milestones.map((rule) => milestoneFacts(rule, context, endings.get(rule.pathway)));
  return { context, replay, endings, facts };
}

/**
 * Every milestone of the young person's plan as of `asOf`, each with
 * `{ id, pathway, title, status, dueDate, windowStart, leadAgency, source, explanation, … }`.
 *
 * @example
 * planMilestones({ dateOfBirth: '2012-03-03', jurisdiction: 'england', hasEhcPlan: true }, [], { asOf: '2027-10-01' })
 *   .find((m) => m.id === 'post16_transfer')
 * //=> { status: 'due', dueDate: '2028-03-31', windowStart: '2027-08-31', leadAgency: 'la_send', … }
 */
export function planMilestones(
  profile: ProfileInput,
  events: readonly unknown[],
  options: PlanOptions,
): PlannedMilestone[] {
  const { facts, context } = planCore(profile, events, options, 'needed');
  return facts.map((milestone) => plannedMilestone(milestone, context));
}

/** `planMilestones` without the explanations: dates and statuses only, the fastest way to plan many people. */
export function scheduleMilestones(
  profile: ProfileInput,
  events: readonly unknown[],
  options: PlanOptions,
): MilestoneSchedule[] {
  return planCore(profile, events, options, 'needed').facts.map(scheduledMilestone);
}

/** The one-sentence explanation of a milestone in a plan, or undefined for an unknown id. */
export function explain(plan: Plan, milestoneId: string): string | undefined {
  return plan.milestones.find((milestone) => milestone.id === milestoneId)?.explanation;
}

function groupByType(accepted: AcceptedEvent[]): Map<string, AcceptedEvent[]> {
  const byType = new Map<string, AcceptedEvent[]>();
  for (const entry of accepted) {
    const list = byType.get(entry.event.type);
    if (list) list.push(entry);
    else byType.set(entry.event.type, [entry]);
  }
  return byType;
}
