import { isoToDay } from '../dates/calendar-date.ts';
import type { PathwayEvent } from '../events/pathway-event.ts';
import {
  applyEvent,
  startPathway,
  stateValueToString,
  type PathwayRun,
  type Rejection,
} from '../machines/pathway-runner.ts';
import type { PathwayMachineInput } from '../machines/machine-input.ts';
import { computeKeyDates } from '../plan/key-dates.ts';
import { machineInput } from '../plan/replay.ts';
import { ZProfile, type ProfileInput } from '../profile.ts';
import { RULE_PACKS } from '../rule-packs/index.ts';
import type { Pathway } from '../rule-packs/types.ts';

/** The machine input the planner would build for this profile (test support). */
export function inputFor(profileInput: ProfileInput): PathwayMachineInput {
  const profile = ZProfile.parse(profileInput);
  const pack = RULE_PACKS[profile.jurisdiction];
  const dateOfBirth = isoToDay(profile.dateOfBirth);
  return machineInput(pack, profile, computeKeyDates(pack, pack.settings, dateOfBirth, profile.yearGroupOffset));
}

type Step = PathwayEvent | { type: 'clock.tick'; date: string };

/** Drives one pathway through events, failing loudly on a refusal unless it is expected. */
export class PathwayDriver {
  run: PathwayRun;

  constructor(pathway: Pathway, profile: ProfileInput) {
    this.run = startPathway(pathway, inputFor(profile));
  }

  get state(): string {
    return stateValueToString(this.run.snapshot.value);
  }

  get context(): Record<string, unknown> {
    return this.run.snapshot.context as Record<string, unknown>;
  }

  get isEnded(): boolean {
    return this.run.snapshot.status === 'done';
  }

  accept(event: Step): this {
    const result = applyEvent(this.run, event);
    if (!result.ok)
      throw new Error(`${event.type} on ${event.date} refused in ${this.state}: ${result.rejection.reason}`);
    this.run = result.run;
    return this;
  }

  refuse(event: Step): Rejection {
    const before = this.run;
    const result = applyEvent(this.run, event);
    if (result.ok) throw new Error(`${event.type} on ${event.date} was accepted in ${this.state}`);
    if (this.run !== before) throw new Error('a refused event changed the run');
    return result.rejection;
  }
}
