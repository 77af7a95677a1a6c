import { isValidNhsNumber, isValidUpn, PROFILE_FLAGS } from '@pathways/engine';
import { isoOfParts, NO_DATE, partsOfIso, type DateParts, type DateProblem } from './date-parts.ts';

/** The profile facts asked as checkboxes (the EHC plan has its own question). */
export const FACTS = PROFILE_FLAGS.filter((flag) => flag !== 'hasEhcPlan');
export type Fact = (typeof FACTS)[number];

/** The add / change form's answers, as typed. */
export type Answers = {
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: DateParts;
  nhsNumber: string;
  upn: string;
  localId: string;
  /** '' until answered. */
  hasEhcPlan: '' | 'yes' | 'no';
  ehcPlanIssuedOn: DateParts;
  yearGroupOffset: string;
  namedWorkerId: string;
  facts: Record<Fact, boolean>;
  reason: string;
};

/** The record as the API gives it, as far as the form shows it. */
export type RecordShown = {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  nhsNumber: string | null;
  ehcPlanIssuedOn: string | null;
  yearGroupOffset: number;
  namedWorkerId: string | null;
  [field: string]: unknown;
};

export function emptyAnswers(namedWorkerId = ''): Answers {
  return {
    givenName: '',
    familyName: '',
    preferredName: '',
    dateOfBirth: NO_DATE,
    nhsNumber: '',
    upn: '',
    localId: '',
    hasEhcPlan: '',
    ehcPlanIssuedOn: NO_DATE,
    yearGroupOffset: '0',
    namedWorkerId,
    facts: Object.fromEntries(FACTS.map((fact) => [fact, false])) as Record<Fact, boolean>,
    reason: '',
  };
}

/** A record's answers, for the change form. */
export function answersOf(record: RecordShown): Answers {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    givenName: record.givenName,
    familyName: record.familyName,
    preferredName: text(record.preferredName),
    dateOfBirth: partsOfIso(record.dateOfBirth),
    nhsNumber: text(record.nhsNumber),
    upn: text(record.upn),
    localId: text(record.localId),
    hasEhcPlan: record.hasEhcPlan ? 'yes' : 'no',
    ehcPlanIssuedOn: partsOfIso(record.ehcPlanIssuedOn),
    yearGroupOffset: String(record.yearGroupOffset),
    namedWorkerId: record.namedWorkerId ?? '',
    facts: Object.fromEntries(FACTS.map((fact) => [fact, record[fact] === true])) as Record<Fact, boolean>,
    reason: '',
  };
}

/** How a date's problem ends the key of its words (`dateOfBirthNotReal`). */
const DATE_PROBLEM: Record<DateProblem, string> = { missing: 'Missing', incomplete: 'Incomplete', not_real: 'NotReal' };

/** A problem with one answer: the id of the field it links to and the key of its words. */
export type AnswerProblem = { field: string; problem: string };

/**
 * What is wrong with the answers, in the order the form asks (GOV.UK: one message per
 * question, the first thing wrong with it). `today` is the person's calendar day.
 */
export function problemsWith(answers: Answers, today: string, isDanish: boolean): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const name = (field: 'givenName' | 'familyName') => {
    const value = answers[field].trim();
    if (!value) problems.push({ field, problem: `${field}Missing` });
    else if (value.length > 100) problems.push({ field, problem: 'tooLong' });
  };
  name('givenName');
  name('familyName');
  if (answers.preferredName.trim().length > 100) problems.push({ field: 'preferredName', problem: 'tooLong' });
  const born = isoOfParts(answers.dateOfBirth);
  if ('problem' in born)
    problems.push({ field: 'dateOfBirth-day', problem: `dateOfBirth${DATE_PROBLEM[born.problem]}` });
  else if (born.iso >= today) problems.push({ field: 'dateOfBirth-day', problem: 'dateOfBirthFuture' });
  if (!isDanish && answers.nhsNumber.trim() && !isValidNhsNumber(answers.nhsNumber.trim()))
    problems.push({ field: 'nhsNumber', problem: 'nhsNumberWrong' });
  if (!isDanish && answers.upn.trim() && !isValidUpn(answers.upn.trim()))
    problems.push({ field: 'upn', problem: 'upnWrong' });
  if (answers.localId.trim().length > 100) problems.push({ field: 'localId', problem: 'tooLong' });
  if (!answers.hasEhcPlan) problems.push({ field: 'hasEhcPlan-yes', problem: 'ehcPlanMissing' });
  if (answers.hasEhcPlan === 'yes') {
    const issued = isoOfParts(answers.ehcPlanIssuedOn);
    if ('problem' in issued) {
      if (issued.problem !== 'missing')
        problems.push({ field: 'ehcPlanIssuedOn-day', problem: `ehcPlanIssuedOn${DATE_PROBLEM[issued.problem]}` });
    } else if (issued.iso > today) problems.push({ field: 'ehcPlanIssuedOn-day', problem: 'ehcPlanIssuedOnFuture' });
    else if ('iso' in born && issued.iso < born.iso)
      problems.push({ field: 'ehcPlanIssuedOn-day', problem: 'ehcPlanIssuedOnBeforeBirth' });
  }
  return problems;
}

/** The record the answers describe, as the API takes it (blank optional answers as null). Call only once `problemsWith` finds nothing. */
export function recordOf(answers: Answers, isDanish: boolean) {
  const optional = (value: string) => value.trim() || null;
  const issued = isoOfParts(answers.ehcPlanIssuedOn);
  const born = isoOfParts(answers.dateOfBirth);
  return {
    givenName: answers.givenName.trim(),
    familyName: answers.familyName.trim(),
    preferredName: optional(answers.preferredName),
    dateOfBirth: 'iso' in born ? born.iso : '',
    nhsNumber: isDanish ? null : optional(answers.nhsNumber.replaceAll(' ', '')),
    upn: isDanish ? null : optional(answers.upn.toUpperCase()),
    localId: optional(answers.localId),
    hasEhcPlan: answers.hasEhcPlan === 'yes',
    ehcPlanIssuedOn: answers.hasEhcPlan === 'yes' && 'iso' in issued ? issued.iso : null,
    yearGroupOffset: Number(answers.yearGroupOffset),
    namedWorkerId: answers.namedWorkerId || null,
    ...answers.facts,
  };
}

/** Only what differs from the record as it was: a change form sends nothing it did not change. */
export function changesOf(before: Answers, after: Answers, isDanish: boolean): Partial<ReturnType<typeof recordOf>> {
  const was = recordOf(before, isDanish);
  const now = recordOf(after, isDanish);
  return Object.fromEntries(Object.entries(now).filter(([field, value]) => was[field as keyof typeof was] !== value));
}
