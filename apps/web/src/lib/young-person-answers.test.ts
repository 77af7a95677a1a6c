import { describe, expect, it } from 'vitest';
import { answersOf, changesOf, emptyAnswers, problemsWith, recordOf, type Answers } from './young-person-answers.ts';

const TODAY = '2026-11-30';
const filled = (changes: Partial<Answers> = {}): Answers => ({
  ...emptyAnswers(),
  givenName: ' Maya ',
  familyName: 'Hill',
  dateOfBirth: { day: '3', month: '3', year: '2012' },
  hasEhcPlan: 'yes',
  ...changes,
});

describe('the answers of the add and change form', () => {
  it('finds nothing wrong with a complete form, and gives the record the API takes', () => {
    const answers = filled({ ehcPlanIssuedOn: { day: '1', month: '9', year: '2019' }, nhsNumber: '943 476 5919' });
    expect(problemsWith(answers, TODAY, false)).toEqual([]);
    expect(recordOf(answers, false)).toMatchObject({
      givenName: 'Maya',
      dateOfBirth: '2012-03-03',
      ehcPlanIssuedOn: '2019-09-01',
      nhsNumber: '9434765919',
      preferredName: null,
      hasEhcPlan: true,
      learningDisability: false,
    });
  });

  it('names each wrong answer once, in the order asked, linking to its field', () => {
    const answers = filled({
      givenName: '',
      dateOfBirth: { day: '31', month: '2', year: '2012' },
      nhsNumber: '1234567890',
      hasEhcPlan: 'yes',
      ehcPlanIssuedOn: { day: '1', month: '9', year: '' },
    });
    expect(problemsWith(answers, TODAY, false)).toEqual([
      { field: 'givenName', problem: 'givenNameMissing' },
      { field: 'dateOfBirth-day', problem: 'dateOfBirthNotReal' },
      { field: 'nhsNumber', problem: 'nhsNumberWrong' },
      { field: 'ehcPlanIssuedOn-day', problem: 'ehcPlanIssuedOnIncomplete' },
    ]);
    expect(
      problemsWith(filled({ dateOfBirth: { day: '', month: '', year: '' }, hasEhcPlan: '' }), TODAY, false),
    ).toEqual([
      { field: 'dateOfBirth-day', problem: 'dateOfBirthMissing' },
      { field: 'hasEhcPlan-yes', problem: 'ehcPlanMissing' },
    ]);
    expect(problemsWith(filled({ dateOfBirth: { day: '1', month: '12', year: '2026' } }), TODAY, false)).toEqual([
      { field: 'dateOfBirth-day', problem: 'dateOfBirthFuture' },
    ]);
    expect(
      problemsWith(filled({ ehcPlanIssuedOn: { day: '1', month: '1', year: '2011' } }), TODAY, false).map(
        (p) => p.problem,
      ),
    ).toEqual(['ehcPlanIssuedOnBeforeBirth']);
  });

  it('asks a Danish municipality for neither NHS number nor UPN', () => {
    expect(problemsWith(filled({ nhsNumber: 'x', upn: 'y' }), TODAY, true)).toEqual([]);
    expect(recordOf(filled({ nhsNumber: 'x' }), true).nhsNumber).toBeNull();
  });

  it('sends only what changed', () => {
    const record = {
      ...recordOf(filled(), false),
      dateOfBirth: '2012-03-03',
      ehcPlanIssuedOn: null,
      yearGroupOffset: 0,
      namedWorkerId: null,
    };
    const before = answersOf(record);
    expect(changesOf(before, before, false)).toEqual({});
    const after = { ...before, familyName: 'Khan', facts: { ...before.facts, learningDisability: true } };
    expect(changesOf(before, after, false)).toEqual({ familyName: 'Khan', learningDisability: true });
  });
});
