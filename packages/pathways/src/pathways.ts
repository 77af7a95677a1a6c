import { isoToDay } from './dates/calendar-date.ts';
import { ZIsoDate } from './dates/iso-date-schema.ts';
import { parseEvent } from './events/parse-event.ts';
import { pathwayOfEvent } from './events/catalogue.ts';
import {
  applyEvent,
  persistPathway,
  restorePathway,
  type PersistedPathwayRun,
  type Rejection,
} from './machines/pathway-runner.ts';
import { computeKeyDates } from './plan/key-dates.ts';
import { replayEvents } from './plan/replay.ts';
import type { RejectedEvent } from './plan/types.ts';
import { ZProfile, type ProfileInput } from './profile.ts';
import { RULE_PACKS } from './rule-packs/index.ts';
import type { Jurisdiction } from './rule-packs/types.ts';

type ReplayOptions = { asOf: string; jurisdiction?: Jurisdiction };

/**
 * Every pathway's persisted XState snapshot after replaying the event log up to `asOf`:
 * what a store keeps so that it need not replay on every read. Replaying the same log always
 * gives the same snapshots (tested against `recordEvent` one event at a time).
 */
export function replayPathways(
  profileInput: ProfileInput,
  events: readonly unknown[],
  options: ReplayOptions,
): { pathways: PersistedPathwayRun[]; rejectedEvents: RejectedEvent[] } {
  const profile = ZProfile.parse(profileInput);
  const pack = RULE_PACKS[options.jurisdiction ?? profile.jurisdiction];
  const dateOfBirth = isoToDay(profile.dateOfBirth);
  const keyDates = computeKeyDates(pack, pack.settings, dateOfBirth, profile.yearGroupOffset);
  const replay = replayEvents({
    pack,
    profile,
    keyDates,
    dateOfBirth,
    events,
    asOf: isoToDay(ZIsoDate.parse(options.asOf)),
    pathways: 'every',
  });
  return { pathways: [...replay.runs.values()].map(persistPathway), rejectedEvents: replay.rejected };
}

export type RecordEventResult =
  | { ok: true; pathways: PersistedPathwayRun[] }
  | { ok: false; rejection: Rejection | { code: 'invalid'; reason: string } };

/**
 * Applies one new event to persisted pathway states (as an API does when a worker records
 * it), returning the new states or the reason it is refused. An event dated before the last
 * one is refused as `out_of_order`: the caller then replays the whole log instead.
 */
export function recordEvent(persisted: readonly PersistedPathwayRun[], rawEvent: unknown): RecordEventResult {
  const parsed = parseEvent(rawEvent);
  if (!parsed.ok) return { ok: false, rejection: { code: 'invalid', reason: `${parsed.field}: ${parsed.message}` } };
  const { event } = parsed;
  if (event.type === 'milestone.recorded') {
    return {
      ok: false,
      rejection: { code: 'invalid', reason: 'milestone.recorded is routed by its milestone: use replayPathways.' },
    };
  }
  const target = pathwayOfEvent(event.type);
  const next: PersistedPathwayRun[] = [];
  let refusal: Rejection | undefined;
  let accepted = false;
  for (const stored of persisted) {
    const appliesHere = target === 'all' || stored.pathway === target;
    const run = restorePathway(stored);
    if (!appliesHere || (target === 'all' && run.snapshot.status === 'done')) {
      next.push(stored);
      continue;
    }
    const result = applyEvent(run, event);
    if (result.ok) {
      accepted = true;
      next.push(persistPathway(result.run));
    } else {
      refusal ??= result.rejection;
      next.push(stored);
    }
  }
  if (!accepted) {
    return {
      ok: false,
      rejection: refusal ?? {
        code: 'not_applicable',
        reason: `No ${String(target).replaceAll('_', ' ')} pathway in this plan.`,
      },
    };
  }
  return { ok: true, pathways: next };
}
