import { endsOnDeath, LETS_TIME_PASS, setupEndingOnlyOnDeath } from './life-events.ts';

/**
 * Independent living: where and how to live as an adult (from the Year 9 review, a concrete
 * plan before 18), and beside it travel training (SEND Code of Practice ch. 8; NICE NG213).
 */
export const independentLivingMachine = setupEndingOnlyOnDeath().createMachine({
  id: 'independent_living',
  context: { endReason: null },
  initial: 'active',
  on: {
    ...endsOnDeath('.ended'),
    'milestone.recorded': {},
    ...LETS_TIME_PASS,
  },
  states: {
    active: {
      type: 'parallel',
      states: {
        housing: {
          initial: 'not_discussed',
          states: {
            not_discussed: {
              meta: { description: 'Where to live as an adult has not been talked about yet.' },
              on: {
                'independent_living.housing_options_discussed': 'exploring_options',
                'independent_living.housing_plan_agreed': 'plan_agreed',
              },
            },
            exploring_options: {
              meta: { description: 'Talking about where to live as an adult.' },
              on: {
                'independent_living.housing_options_discussed': {},
                'independent_living.housing_plan_agreed': 'plan_agreed',
              },
            },
            plan_agreed: {
              meta: { description: 'A plan for where to live is agreed.' },
              on: { 'independent_living.housing_plan_agreed': {}, 'independent_living.moved': 'moved' },
            },
            moved: {
              meta: { description: 'Living in their new home.' },
              on: { 'independent_living.moved': {}, 'independent_living.housing_plan_agreed': 'plan_agreed' },
            },
          },
        },
        travel: {
          initial: 'not_started',
          states: {
            not_started: {
              meta: { description: 'No travel training yet.' },
              on: {
                'independent_living.travel_training_started': 'training',
                'independent_living.travel_training_completed': 'trained',
              },
            },
            training: {
              meta: { description: 'Learning to travel on their own.' },
              on: { 'independent_living.travel_training_completed': 'trained' },
            },
            trained: { meta: { description: 'Travel training finished.' } },
          },
        },
      },
    },
    ended: { type: 'final', meta: { description: 'This pathway has ended.' } },
  },
});
