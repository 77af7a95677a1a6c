import type { AnyStateMachine } from 'xstate';
import type { Pathway } from '../rule-packs/types.ts';
import { communityMachine } from './community.machine.ts';
import { educationMachine } from './education.machine.ts';
import { employmentMachine } from './employment.machine.ts';
import { financeLegalMachine } from './finance-legal.machine.ts';
import { healthMachine } from './health.machine.ts';
import { independentLivingMachine } from './independent-living.machine.ts';
import { palliativeMachine } from './palliative.machine.ts';
import { socialCareMachine } from './social-care.machine.ts';

const MACHINES = {
  education: educationMachine,
  employment: employmentMachine,
  health: healthMachine,
  social_care: socialCareMachine,
  independent_living: independentLivingMachine,
  community: communityMachine,
  finance_legal: financeLegalMachine,
  palliative: palliativeMachine,
} satisfies Record<Pathway, AnyStateMachine>;

/** Each pathway's machine with its own types (its context, events and guard names). */
export type PathwayMachines = typeof MACHINES;

/** One machine per pathway. Rule packs choose which pathways they use. */
export const PATHWAY_MACHINES: Record<Pathway, AnyStateMachine> = MACHINES;

export {
  communityMachine,
  educationMachine,
  employmentMachine,
  financeLegalMachine,
  healthMachine,
  independentLivingMachine,
  palliativeMachine,
  socialCareMachine,
};
