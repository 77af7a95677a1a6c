import type { DayNumber } from '../dates/calendar-date.ts';
import type { Confidence, DateOffset, Pathway, RulePack } from '../rule-packs/types.ts';
import { formatLongDate } from './format-date.ts';

/**
 * The engine's own words around a rule's text, in the language of the pack it plans with
 * (its `locale`). The rule texts themselves come from the pack; these are the sentences that
 * join them to a person's dates ("Due by 31 March 2028: …", "Frist 31. marts 2028: …").
 */
export type Phrases = {
  day: (date: DayNumber) => string;
  confidenceNote: Record<Confidence, string>;
  anEarlierDate: string;
  aDateNotKnown: string;
  notApplicable: (reason: string, ruleText: string) => string;
  done: (on: string, ruleText: string) => string;
  lastDone: (on: string) => string;
  missed: (due: string, closes: string, instead: string, ruleText: string) => string;
  notKnown: (needs: string | undefined, ruleText: string) => string;
  overdue: (due: string) => string;
  due: (due: string) => string;
  upcoming: (from: string | undefined, due: string) => string;
  startsLater: (from: string, to: string | undefined) => string;
  inEffect: (from: string, to: string | undefined) => string;
  ended: (from: string, to: string | undefined) => string;
  here: (basis: string) => string;
  aged: (years: number, months: number | undefined, on: string) => string;
  schoolYear: (year: number) => string;
  schoolYearTurning: (age: number) => string;
  schoolYearEdge: (year: string, edge: 'starts' | 'ends', on: string) => string;
  yearGroup: (years: number, behind: boolean) => string;
  endOfCompulsorySchool: (on: string) => string;
  movePlanned: (on: string) => string;
  moveExpected: (schoolYear: number, on: string) => string;
  lastCompliantDay: string;
  planExtended: (lastDay: string) => string;
  planEnds: (age: number, lastDay: string) => string;
  planFirstIssued: (on: string) => string;
  eventOn: (label: string, on: string, forDay: string | undefined) => string;
  milestoneDate: (title: string, point: 'due' | 'windowStart', on: string) => string;
  offset: (amount: number, unit: keyof DateOffset) => string;
  planIssuedAfter: (issued: string, by: string) => string;
  onlyWhen: (key: string) => string;
  pathwayEnded: (pathway: Pathway, on: string, reason: string | undefined) => string;
  noMoreDue: (after: string | undefined) => string;
  pathwayName: Record<Pathway, string>;
};

const ENGLISH_UNITS = { years: 'year', months: 'month', weeks: 'week', days: 'day' } as const;

const english: Omit<Phrases, 'day'> = {
  confidenceNote: { C: '', S: ' This rule rests on secondary sources.', U: ' This rule is not yet confirmed.' },
  anEarlierDate: 'an earlier date',
  aDateNotKnown: 'a date not yet known',
  notApplicable: (reason, ruleText) => `Does not apply: ${reason} The rule: ${ruleText}.`,
  done: (on, ruleText) => `Done on ${on}: ${ruleText}.`,
  lastDone: (on) => ` Last done on ${on}.`,
  missed: (due, closes, instead, ruleText) =>
    `Missed: it was due by ${due} and could be done as such only until ${closes}.${instead} The rule: ${ruleText}.`,
  notKnown: (needs, ruleText) =>
    `Date not known: ${needs ? `record ${needs} to work it out` : 'it depends on something not yet recorded'}. The rule: ${ruleText}.`,
  overdue: (due) => `Overdue, it was due by ${due}`,
  due: (due) => `Due by ${due}`,
  upcoming: (from, due) => `Coming up${from ? ` from ${from}` : ''}, due by ${due}`,
  startsLater: (from, to) => `From ${from}${to ? ` to ${to}` : ''}`,
  inEffect: (from, to) => (to ? `Runs from ${from} to ${to}` : `In effect since ${from}`),
  ended: (from, to) => `Ran from ${from}${to ? ` to ${to}` : ''}`,
  here: (basis) => `; here: ${basis}`,
  aged: (years, months, on) => `aged ${years}${months ? ` and ${months} months` : ''} on ${on}`,
  schoolYear: (year) => `Year ${year}`,
  schoolYearTurning: (age) => `the school year they turn ${age}`,
  schoolYearEdge: (year, edge, on) => `${year} ${edge} ${on}`,
  yearGroup: (years, behind) =>
    ` (taught ${years} year${years === 1 ? '' : 's'} ${behind ? 'behind' : 'ahead of'} their age group)`,
  endOfCompulsorySchool: (on) => `end of compulsory school age on ${on}`,
  movePlanned: (on) => `move planned for ${on}`,
  moveExpected: (schoolYear, on) => `no move recorded, so one is assumed at the start of Year ${schoolYear} on ${on}`,
  lastCompliantDay: '; shown as the last day before the deadline',
  planExtended: (lastDay) => `plan kept to the end of the academic year: last day ${lastDay}`,
  planEnds: (age, lastDay) => `last day before the ${age}th birthday is ${lastDay}`,
  planFirstIssued: (on) => `plan first issued on ${on}`,
  eventOn: (label, on, forDay) => `${label} on ${on}${forDay ? ` for ${forDay}` : ''}`,
  milestoneDate: (title, point, on) => `"${title}" ${point === 'due' ? 'due' : 'opens'} ${on}`,
  offset: (amount, unit) => {
    const size = Math.abs(amount);
    return `${size} ${ENGLISH_UNITS[unit]}${size === 1 ? '' : 's'} ${amount < 0 ? 'before' : 'after'}`;
  },
  planIssuedAfter: (issued, by) => `The plan was first issued on ${issued}, after ${by}.`,
  onlyWhen: (key) => `Only when "${key}" applies.`,
  pathwayEnded: (pathway, on, reason) =>
    `The ${english.pathwayName[pathway]} pathway ended on ${on}${reason ? ` (${reason})` : ''}.`,
  noMoreDue: (after) => `No more are due after ${after ?? 'the end of the plan'}.`,
  pathwayName: {
    education: 'education',
    employment: 'employment',
    health: 'health',
    social_care: 'adult social care',
    independent_living: 'independent living',
    community: 'community',
    finance_legal: 'money and legal',
    palliative: 'palliative care',
  },
};

const DANISH_UNITS = {
  years: ['år', 'år'],
  months: ['måned', 'måneder'],
  weeks: ['uge', 'uger'],
  days: ['dag', 'dage'],
} as const;

const danish: Omit<Phrases, 'day'> = {
  confidenceNote: { C: '', S: ' Reglen bygger på sekundære kilder.', U: ' Reglen er endnu ikke bekræftet.' },
  anEarlierDate: 'en tidligere dato',
  aDateNotKnown: 'en dato, der endnu ikke kendes',
  notApplicable: (reason, ruleText) => `Gælder ikke: ${reason} Reglen: ${ruleText}.`,
  done: (on, ruleText) => `Gjort ${on}: ${ruleText}.`,
  lastDone: (on) => ` Sidst gjort ${on}.`,
  missed: (due, closes, instead, ruleText) =>
    `Ikke nået: fristen var ${due}, og det kunne kun gøres som planlagt indtil ${closes}.${instead} Reglen: ${ruleText}.`,
  notKnown: (needs, ruleText) =>
    `Datoen kendes ikke: ${needs ? `registrér ${needs} for at beregne den` : 'den afhænger af noget, der endnu ikke er registreret'}. Reglen: ${ruleText}.`,
  overdue: (due) => `Overskredet, fristen var ${due}`,
  due: (due) => `Frist ${due}`,
  upcoming: (from, due) => `Kommer${from ? ` fra ${from}` : ''}, frist ${due}`,
  startsLater: (from, to) => `Fra ${from}${to ? ` til ${to}` : ''}`,
  inEffect: (from, to) => (to ? `Gælder fra ${from} til ${to}` : `Gælder siden ${from}`),
  ended: (from, to) => `Gjaldt fra ${from}${to ? ` til ${to}` : ''}`,
  here: (basis) => `; her: ${basis}`,
  aged: (years, months, on) => `${years} år${months ? ` og ${months} måneder` : ''} den ${on}`,
  schoolYear: (year) => `${year}. klasse`,
  schoolYearTurning: (age) => `skoleåret, hvor den unge fylder ${age}`,
  schoolYearEdge: (year, edge, on) => `${year} ${edge === 'starts' ? 'begynder' : 'slutter'} ${on}`,
  yearGroup: (years, behind) => ` (undervises ${years} år ${behind ? 'under' : 'over'} sin årgang)`,
  endOfCompulsorySchool: (on) => `undervisningspligten slutter ${on}`,
  movePlanned: (on) => `skift planlagt til ${on}`,
  moveExpected: (schoolYear, on) =>
    `intet skift registreret, så et skift antages ved starten af ${schoolYear}. klasse ${on}`,
  lastCompliantDay: '; vist som sidste dag før fristen',
  planExtended: (lastDay) => `planen forlænget til skoleårets slutning: sidste dag ${lastDay}`,
  planEnds: (age, lastDay) => `sidste dag før ${age}-års fødselsdagen er ${lastDay}`,
  planFirstIssued: (on) => `planen først udstedt ${on}`,
  eventOn: (label, on, forDay) => `${label} ${on}${forDay ? ` til ${forDay}` : ''}`,
  milestoneDate: (title, point, on) => `“${title}” ${point === 'due' ? 'har frist' : 'begynder'} ${on}`,
  offset: (amount, unit) => {
    const size = Math.abs(amount);
    return `${size} ${DANISH_UNITS[unit][size === 1 ? 0 : 1]} ${amount < 0 ? 'før' : 'efter'}`;
  },
  planIssuedAfter: (issued, by) => `Planen blev først udstedt ${issued}, efter ${by}.`,
  onlyWhen: (key) => `Kun når „${key}“ gælder.`,
  pathwayEnded: (pathway, on, reason) =>
    `Forløbet om ${danish.pathwayName[pathway]} sluttede ${on}${reason ? ` (${reason})` : ''}.`,
  noMoreDue: (after) => `Der er ikke flere frister efter ${after ?? 'planens slutning'}.`,
  pathwayName: {
    education: 'uddannelse',
    employment: 'beskæftigelse',
    health: 'sundhed',
    social_care: 'social støtte som voksen',
    independent_living: 'bolig og selvstændigt liv',
    community: 'fritid og fællesskab',
    finance_legal: 'økonomi og jura',
    palliative: 'palliativ indsats',
  },
};

const PHRASES: Record<RulePack['locale'], Phrases> = {
  'en-GB': { ...english, day: (date) => formatLongDate(date, 'en-GB') },
  'da-DK': { ...danish, day: (date) => formatLongDate(date, 'da-DK') },
};

/** The engine's words for the language of this pack (its locale), with its date format. */
export function phrasesFor(pack: Pick<RulePack, 'locale'>): Phrases {
  return PHRASES[pack.locale];
}
