/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
 * This module steps any of the eight machines through XState's own methods: `AnyStateMachine` and
 * `AnyActorScope` are XState's `any`-typed forms, and the values passed between them are its own. */
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { PROFILE_FLAGS } from '../rule-packs/types.ts';
import type { PathwayMachineInput } from './machine-input.ts';

/*
 * Fast, exact stepping through XState machines: shared inert actor scopes, initial states
 * cached per flag combination, and which machines the clock can move. Tests check every
 * shortcut here against XState's own pure functions.
 */

const INITIAL_VALUES = new WeakMap<AnyStateMachine, Map<string, AnyMachineSnapshot['value']>>();

/**
 * The machine's initial snapshot for this input. The initial *state* depends only on the
 * profile flags (XState's init event has no date, so no date guard can pass), so it is worked
 * out once per flag combination; the person's context comes from the machine's own context
 * factory, and `resolveState` joins them. A test checks this equals XState's
 * `initialTransition` for every flag combination.
 */
export function initialSnapshot(machine: AnyStateMachine, input: PathwayMachineInput): AnyMachineSnapshot {
  let values = INITIAL_VALUES.get(machine);
  if (!values) INITIAL_VALUES.set(machine, (values = new Map()));
  const key = flagsKey(input.flags);
  const value = values.get(key);
  if (value === undefined) {
    const first = machine.getInitialSnapshot(inertScopeFor(machine), input);
    values.set(key, first.value);
    return first;
  }
  const factory = machine.config.context;
  const context =
    typeof factory === 'function' ? factory({ input, self: inertScopeFor(machine).self, spawn: NO_SPAWN }) : factory;
  return machine.resolveState({ value, context });
}

const FLAG_NAMES = [...PROFILE_FLAGS, 'hasStatutoryPlan'] as const;

/** One character per flag, always in the same order, whatever order the input's keys are in. */
function flagsKey(flags: PathwayMachineInput['flags']): string {
  let key = '';
  for (const name of FLAG_NAMES) key += flags[name] ? '1' : '0';
  return key;
}

const NO_SPAWN = () => {
  throw new Error('Pathway machines do not spawn actors.');
};

const INERT_SCOPES = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * One inert actor scope per machine, reused for every step. XState's pure `transition()`
 * builds a throwaway actor (and its initial snapshot) on every call, which costs more than
 * the step itself; our machines only `assign` (no spawned actors, no effects), so stepping
 * through the machine's own `transition`/`getInitialSnapshot` with a shared inert scope is
 * the same computation without that cost. A test checks it against XState's `transition()`.
 */
export function inertScopeFor(machine: AnyStateMachine): AnyActorScope {
  let scope = INERT_SCOPES.get(machine);
  if (!scope) {
    const self = createActor(machine, { input: INERT_INPUT });
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    };
    INERT_SCOPES.set(machine, scope);
  }
  return scope;
}

const NEVER = '9999-12-31';
const INERT_INPUT: PathwayMachineInput = {
  dateOfBirth: NEVER,
  keyDates: {
    year9Start: NEVER,
    age16: NEVER,
    adulthood: NEVER,
    age19SchoolYearStart: NEVER,
    planEndsOn: NEVER,
    extendedPlanEndsOn: NEVER,
  },
  flags: Object.fromEntries(FLAG_NAMES.map((flag) => [flag, false])) as PathwayMachineInput['flags'],
};

const CLOCK_DRIVEN = new WeakMap<AnyStateMachine, boolean>();

/**
 * Whether the date alone can move this machine: only eventless (`always`) transitions react
 * to a date, and only in states the machine can rest in. A transient state (its `always`
 * list ends in an unguarded fallback, like the `starting` states that pick an initial
 * branch) is left at once, so it does not count.
 */
export function isClockDriven(machine: AnyStateMachine): boolean {
  let driven = CLOCK_DRIVEN.get(machine);
  if (driven === undefined) {
    const restsWithEventless = (node: AnyStateMachine['root']): boolean => {
      const always = node.always ?? [];
      const isTransient = always.length > 0 && !always[always.length - 1]?.guard;
      return (always.length > 0 && !isTransient) || Object.values(node.states).some(restsWithEventless);
    };
    driven = restsWithEventless(machine.root);
    CLOCK_DRIVEN.set(machine, driven);
  }
  return driven;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a date held in the machine's context lies after `from` and on or before `to`.
 * Eventless guards only compare the event's date with dates in context (a rule for every
 * machine here, enforced by the equivalence tests), so if none lies in between, the clock
 * cannot have moved the machine since its last step.
 */
export function crossesContextDate(context: unknown, from: string | null, to: string): boolean {
  if (from === null) return true;
  if (typeof context === 'string') return ISO_DATE.test(context) && context > from && context <= to;
  if (typeof context !== 'object' || context === null) return false;
  for (const value of Object.values(context)) if (crossesContextDate(value, from, to)) return true;
  return false;
}
