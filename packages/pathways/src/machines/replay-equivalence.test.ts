import fc from 'fast-check';
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { pathwayOfEvent } from '../events/catalogue.ts';
import type { PathwayEvent } from '../events/pathway-event.ts';
import { recordEvent, replayPathways } from '../pathways.ts';
import { buildPlan, planMilestones } from '../plan/build-plan.ts';
import { PROFILE_FLAGS, type Pathway } from '../rule-packs/types.ts';
import { arbitraryEventLog, arbitraryProfile } from '../testing/arbitraries.ts';
import { inputFor } from '../testing/machine-harness.ts';
import { GUARD_REASONS, type GuardName } from './guard-reasons.ts';
import { PATHWAY_MACHINES } from './index.ts';
import type { PathwayMachineInput } from './machine-input.ts';
import { initialSnapshot } from './machine-stepping.ts';
import { applyEvent, persistPathway, restorePathway, startPathway, type PathwayRun } from './pathway-runner.ts';

const PATHWAY_NAMES = Object.keys(PATHWAY_MACHINES) as Pathway[];
const comparable = (run: PathwayRun) => ({
  value: run.snapshot.value,
  context: run.snapshot.context,
  status: run.snapshot.status,
});

function eventsFor(pathway: Pathway, events: PathwayEvent[]): PathwayEvent[] {
  return events.filter((event) => {
    const target = event.type === 'milestone.recorded' ? 'all' : pathwayOfEvent(event.type);
    return target === 'all' || target === pathway;
  });
}

describe('persisted snapshots and replay', () => {
  it('agree: persisting to JSON and restoring after every event gives the same state as replaying the log', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryEventLog, fc.constantFrom(...PATHWAY_NAMES), (profile, log, pathway) => {
        const input = inputFor(profile);
        let replayed = startPathway(pathway, input);
        let persisted = JSON.parse(JSON.stringify(persistPathway(replayed)));
        for (const event of eventsFor(pathway, log as PathwayEvent[])) {
          const direct = applyEvent(replayed, event);
          const viaStore = applyEvent(restorePathway(persisted), event);
          expect(viaStore.ok).toBe(direct.ok);
          if (direct.ok && viaStore.ok) {
            replayed = direct.run;
            persisted = JSON.parse(JSON.stringify(persistPathway(viaStore.run)));
          }
        }
        expect(comparable(restorePathway(persisted))).toEqual(comparable(replayed));
      }),
      { numRuns: 1000 },
    );
  });

  it('agree through the public API: recordEvent one at a time equals replayPathways of the whole log', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryEventLog, (profile, log) => {
        const events = (log as PathwayEvent[]).filter((event) => event.type !== 'milestone.recorded');
        const asOf = '2037-01-01';
        let stored = replayPathways(profile, [], { asOf: '1990-01-01' }).pathways;
        for (const event of events) {
          const result = recordEvent(stored, event);
          if (result.ok) stored = result.pathways;
        }
        const replayed = replayPathways(profile, events, { asOf });
        // replayPathways also ticks the clock at asOf; tick the step-by-step states the same way.
        const ticked = stored.map((entry) => {
          const run = restorePathway(entry);
          if (run.snapshot.status === 'done') return persistPathway(run);
          const result = applyEvent(run, { type: 'clock.tick', date: asOf });
          return persistPathway(result.ok ? result.run : run);
        });
        expect(JSON.parse(JSON.stringify(ticked))).toEqual(JSON.parse(JSON.stringify(replayed.pathways)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the runner’s fast stepping', () => {
  it('matches XState’s own pure transition() and initialTransition(), accepted or not', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryEventLog, fc.constantFrom(...PATHWAY_NAMES), (profile, log, pathway) => {
        const machine = PATHWAY_MACHINES[pathway];
        const input = inputFor(profile);
        let official = initialTransition(machine, input)[0];
        let ours = startPathway(pathway, input);
        expect(comparable(ours)).toEqual({ value: official.value, context: official.context, status: official.status });
        for (const event of eventsFor(pathway, log as PathwayEvent[])) {
          if (official.status === 'done') break;
          const result = applyEvent(ours, event);
          if (result.ok) {
            ours = result.run;
            official = transition(machine, official, event)[0];
          } else if (result.rejection.code !== 'out_of_order') {
            // A refused event is one XState itself has no enabled transition for.
            expect(machine.getTransitionData(official, event)).toEqual([]);
          }
          expect(comparable(ours)).toEqual({
            value: official.value,
            context: official.context,
            status: official.status,
          });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the same initial snapshot as initialTransition() for every combination of profile flags', () => {
    const base = inputFor({ dateOfBirth: '2012-03-03', jurisdiction: 'england' });
    const flagNames = [...PROFILE_FLAGS, 'hasStatutoryPlan'] as const;
    for (let mask = 0; mask < 2 ** flagNames.length; mask++) {
      const flags = Object.fromEntries(
        flagNames.map((flag, bit) => [flag, (mask & (1 << bit)) !== 0]),
      ) as PathwayMachineInput['flags'];
      const input = { ...base, flags };
      for (const pathway of PATHWAY_NAMES) {
        const machine = PATHWAY_MACHINES[pathway];
        const [official] = initialTransition(machine, input);
        // Twice: the first call fills the cache, the second uses it.
        for (let i = 0; i < 2; i++) {
          const ours = initialSnapshot(machine, input);
          expect({ value: ours.value, context: ours.context, status: ours.status }).toEqual({
            value: official.value,
            context: official.context,
            status: official.status,
          });
        }
      }
    }
    // Exhaustive: 2^12 flag combinations × 8 machines (about ten seconds).
  }, 60_000);
});

describe('refusal reasons', () => {
  it('exist in plain language for every guard that can refuse an event (one with no unguarded fallback)', () => {
    const guardsOnEvents = new Set<string>();
    const visit = (machine: AnyStateMachine) => {
      const walk = (node: AnyStateMachine['root']) => {
        for (const [eventType, transitions] of node.transitions) {
          const hasFallback = transitions.some((t) => !t.guard);
          if (eventType === '' || hasFallback) continue;
          for (const t of transitions) {
            const guard = typeof t.guard === 'string' ? t.guard : (t.guard as { type?: string } | undefined)?.type;
            if (guard) guardsOnEvents.add(guard);
          }
        }
        for (const child of Object.values(node.states)) walk(child);
      };
      walk(machine.root);
    };
    Object.values(PATHWAY_MACHINES).forEach(visit);
    expect(guardsOnEvents.size).toBeGreaterThan(5);
    for (const guard of guardsOnEvents) expect(GUARD_REASONS[guard as GuardName], guard).toBeTypeOf('function');
  });
});

describe('planMilestones and buildPlan', () => {
  it('agree, though planMilestones only starts the pathways it needs', () => {
    fc.assert(
      fc.property(
        arbitraryProfile,
        arbitraryEventLog,
        fc.constantFrom('2019-06-01', '2026-11-22', '2031-03-15', '2040-01-01'),
        (profile, log, asOf) => {
          const lazy = planMilestones(profile, log, { asOf });
          const full = buildPlan(profile, log, { asOf }).milestones;
          expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(full)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
