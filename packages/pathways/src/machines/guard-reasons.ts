import type { StateMachine } from 'xstate';
import type { PathwayMachines } from './index.ts';
import type { MachineEvent } from './machine-input.ts';

type Explain = (event: MachineEvent, context: Record<string, unknown>) => string;

/** The names of a machine's guards, as its `setup` declares them. */
type GuardsOf<M> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the guard parameter (the sixth) is read
  M extends StateMachine<any, any, any, any, any, infer G, any, any, any, any, any, any, any, any, any>
    ? G extends { type: infer Name extends string }
      ? Name
      : never
    : never;

/** Every guard of every pathway machine, by name: a reason can only be written for a guard that exists. */
export type GuardName = { [P in keyof PathwayMachines]: GuardsOf<PathwayMachines[P]> }[keyof PathwayMachines];

/** Whether a guard name read from a machine's transition is one of ours. */
export function isGuardName(name: string): name is GuardName {
  return Object.hasOwn(GUARD_REASONS, name);
}

/**
 * Plain-language reasons for a guard that refused an event, with the rule behind it.
 * Every guard used on an event transition has one (a test checks this).
 */
export const GUARD_REASONS: Partial<Record<GuardName, Explain>> = {
  isPostSixteenMove: () =>
    'After Year 11 only a move to another post-16 college, school sixth form or training can be planned.',
  isPostSixteenTransferPending: () =>
    'The planned move is to another school phase, not to post-16 education: plan a post-16 move first (SEND Regulations 2014 reg. 18).',
  isCeaseLawful: (event, context) => {
    const adulthood = (context.keyDates as { adulthood: string }).adulthood;
    if (event.type === 'education.plan_ceased' && event.date < adulthood) {
      return 'Under 18 and out of education: the EHC plan must be reviewed and amended, not stopped (SEND Regulations 2014 reg. 29).';
    }
    return 'Over 18 and out of education: the plan can only stop after a review finds they do not want to go back to education or training (SEND Regulations 2014 reg. 30).';
  },
  canExtendPlan: (_event, context) =>
    context.isPlanExtended
      ? 'The plan has already been kept to the end of the academic year.'
      : 'The plan can be kept to the end of the academic year in which they turn 25 only from the post-19 stage (CFA 2014 s.46).',
  isAdult: (event) =>
    event.type === 'social_care.childrens_services_extended'
      ? "Children's services can only be kept on after the 18th birthday (Children Act 1989 s.17ZH)."
      : 'Adult care and support can start only from the 18th birthday; until then children’s services continue (Care Act 2014 s.66).',
  isPlacementAllowed: (event, context) => {
    if (event.type === 'employment.placement_agreed' && event.date < (context.age16 as string)) {
      return 'Jobs, apprenticeships and internships in the plan start from age 16.';
    }
    return 'Supported internships are for young people aged 16 to 24 with an EHC plan (DfE supported internships guidance).';
  },
  isAtLeast18: () =>
    'A lasting power of attorney can only be made by someone aged 18 or over (Mental Capacity Act 2005 s.9(2)(c)); before 18, a property and affairs deputy can be appointed by the Court of Protection.',
  isAtLeast16: (event) => {
    switch (event.type) {
      case 'finance_legal.capacity_assessed':
        return 'The Mental Capacity Act 2005 applies from 16; under 16, use Gillick competence instead.';
      case 'finance_legal.pip_claimed':
        return 'PIP can be claimed from age 16; before that, Disability Living Allowance for children applies.';
      default:
        return 'Access to Work is for people aged 16 or over (DWP).';
    }
  },
};
