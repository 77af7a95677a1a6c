import { isoToDay, toIsoDate, type DayNumber } from '../dates/calendar-date.ts';
import { pathwayOfEvent } from '../events/catalogue.ts';
import { parseEvent } from '../events/parse-event.ts';
import type { PathwayEvent } from '../events/pathway-event.ts';
import type { PathwayMachineInput } from '../machines/machine-input.ts';
import { PATHWAY_MACHINES } from '../machines/index.ts';
import { isClockDriven } from '../machines/machine-stepping.ts';
import { applyEvent, startPathway, type PathwayRun } from '../machines/pathway-runner.ts';
import { flagsOf, type Profile } from '../profile.ts';
import { rulesById } from '../rule-packs/rules-by-id.ts';
import type { Pathway, RulePack } from '../rule-packs/types.ts';
import { keyDatesToIso, type KeyDayNumbers } from './key-dates.ts';
import type { AcceptedEvent } from './plan-context.ts';
import type { RejectedEvent } from './types.ts';

export type Replay = {
  runs: Map<Pathway, PathwayRun>;
  accepted: AcceptedEvent[];
  rejected: RejectedEvent[];
  /** The date each pathway reached its final state. */
  endedOn: Map<Pathway, DayNumber>;
};

/** Which pathways a replay starts before any event reaches them. */
export type PathwaysToStart = 'every' | 'needed';

/**
 * Rebuilds every pathway's state by replaying the dated event log in date order (events on
 * the same day keep their given order), up to and including `asOf`, then ticks the clock at
 * `asOf`. Events after `asOf` have not happened yet as of that date and are left out.
 *
 * `pathways: 'needed'` starts a pathway only when an event reaches it or the clock can move
 * it: an untouched pathway that the date cannot move is still at its start, which is all
 * milestone planning needs to know (it has not ended). `'every'` starts them all, for a plan
 * that shows every pathway's state or a store that keeps every snapshot.
 */
export function replayEvents(replay: {
  pack: RulePack;
  profile: Profile;
  keyDates: KeyDayNumbers;
  dateOfBirth: DayNumber;
  events: readonly unknown[];
  asOf: DayNumber;
  pathways: PathwaysToStart;
}): Replay {
  const { pack, profile, keyDates, dateOfBirth, events, asOf } = replay;
  const input = machineInput(pack, profile, keyDates);
  const runs = new Map<Pathway, PathwayRun>();
  for (const pathway of pack.pathways) {
    if (replay.pathways === 'every' || isClockDriven(PATHWAY_MACHINES[pathway]))
      runs.set(pathway, startPathway(pathway, input));
  }
  const runFor = (pathway: Pathway): PathwayRun => {
    let run = runs.get(pathway);
    if (!run) runs.set(pathway, (run = startPathway(pathway, input)));
    return run;
  };
  const accepted: AcceptedEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const endedOn = new Map<Pathway, DayNumber>();

  const valid: { event: PathwayEvent; day: DayNumber; index: number }[] = [];
  events.forEach((raw, index) => {
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      rejected.push(rejection(raw, index, 'invalid', `${parsed.field}: ${parsed.message}`));
      return;
    }
    const day = isoToDay(parsed.event.date);
    if (day > asOf) return;
    valid.push({ event: parsed.event, day, index });
  });
  valid.sort((a, b) => a.day - b.day || a.index - b.index);

  for (const { event, day, index } of valid) {
    if (day < dateOfBirth) {
      rejected.push(rejection(event, index, 'before_birth', `${event.date} is before the date of birth.`));
      continue;
    }
    const targets = targetPathways(event, pack, rulesById(pack));
    if ('rejection' in targets) {
      rejected.push(rejection(event, index, targets.rejection.code, targets.rejection.reason));
      continue;
    }
    const refusal = applyToPathways(targets.pathways, event, runFor, runs, endedOn, day);
    if (refusal) rejected.push(rejection(event, index, refusal.code, refusal.reason));
    else accepted.push({ event, day });
  }

  const tick = { type: 'clock.tick' as const, date: toIsoDate(asOf) };
  for (const [pathway, run] of runs) {
    if (run.snapshot.status === 'done') continue;
    const result = applyEvent(run, tick);
    if (result.ok) {
      runs.set(pathway, result.run);
      if (result.run.snapshot.status === 'done') endedOn.set(pathway, asOf);
    }
  }
  return { runs, accepted, rejected, endedOn };
}

/**
 * Applies an event to its pathways. A person-level event (death) goes to every pathway that
 * is still running; it is refused only if none can take it.
 */
function applyToPathways(
  pathways: Pathway[],
  event: PathwayEvent,
  runFor: (pathway: Pathway) => PathwayRun,
  runs: Map<Pathway, PathwayRun>,
  endedOn: Map<Pathway, DayNumber>,
  day: DayNumber,
): { code: RejectedEvent['code']; reason: string } | undefined {
  let firstRefusal: { code: RejectedEvent['code']; reason: string } | undefined;
  let tookIt = false;
  for (const pathway of pathways) {
    const run = runFor(pathway);
    if (run.snapshot.status === 'done' && pathways.length > 1) continue;
    const result = applyEvent(run, event);
    if (result.ok) {
      runs.set(pathway, result.run);
      tookIt = true;
      if (result.run.snapshot.status === 'done' && !endedOn.has(pathway)) endedOn.set(pathway, day);
    } else {
      firstRefusal ??= result.rejection;
    }
  }
  return tookIt ? undefined : firstRefusal;
}

function targetPathways(
  event: PathwayEvent,
  pack: RulePack,
  milestones: Map<string, RulePack['milestones'][number]>,
): { pathways: Pathway[] } | { rejection: { code: RejectedEvent['code']; reason: string } } {
  if (event.type === 'milestone.recorded') {
    const rule = milestones.get(event.milestoneId);
    if (!rule)
      return {
        rejection: {
          code: 'unknown_milestone',
          reason: `milestoneId: "${event.milestoneId}" is not a milestone in the ${pack.name} rule pack.`,
        },
      };
    const byOwnEvent = (rule.completedBy ?? []).filter((completion) => completion.type !== 'milestone.recorded');
    const canRecord = !rule.completedBy || rule.completedBy.length === 0 || byOwnEvent.length < rule.completedBy.length;
    if (!canRecord) {
      return {
        rejection: {
          code: 'not_allowed_now',
          reason: `"${rule.title}" is recorded with its own event (${byOwnEvent.map((c) => c.type).join(', ')}), not as a plain milestone.`,
        },
      };
    }
    return { pathways: [rule.pathway] };
  }
  const pathway = pathwayOfEvent(event.type);
  if (pathway === 'all') return { pathways: pack.pathways };
  if (!pack.pathways.includes(pathway)) {
    return {
      rejection: {
        code: 'not_in_jurisdiction',
        reason: `The ${pack.name} rule pack has no ${pathway.replaceAll('_', ' ')} pathway.`,
      },
    };
  }
  return { pathways: [pathway] };
}

export function machineInput(pack: RulePack, profile: Profile, keyDates: KeyDayNumbers): PathwayMachineInput {
  const planFlag = pack.statutoryEducationPlan;
  return {
    dateOfBirth: profile.dateOfBirth,
    keyDates: keyDatesToIso(keyDates),
    flags: { ...flagsOf(profile), hasStatutoryPlan: planFlag === 'never' ? false : profile[planFlag] },
  };
}

function rejection(raw: unknown, index: number, code: RejectedEvent['code'], reason: string): RejectedEvent {
  const event = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    index,
    id: typeof event.id === 'string' ? event.id : null,
    type: typeof event.type === 'string' ? event.type : 'unknown',
    date: typeof event.date === 'string' ? event.date : null,
    code,
    reason,
  };
}
