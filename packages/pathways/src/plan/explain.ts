import type { DayNumber } from '../dates/calendar-date.ts';
import { citationOf } from '../rule-packs/citation.ts';
import { formatLongDate } from './format-date.ts';
import { describeDate } from './describe-date.ts';
import type { MilestoneFacts } from './types.ts';
import type { PlanContext } from './plan-context.ts';

const CONFIDENCE_NOTE = {
  C: '',
  S: ' This rule rests on secondary sources.',
  U: ' This rule is not yet confirmed.',
} as const;

/**
 * One sentence on why a milestone has its date and status: the status with its date, the
 * rule with its legal source, and the inputs the date came from. For example:
 * "Due by 31 March 2028: the EHC plan must be amended by 31 March in the calendar year of the
 * move to post-16 education (SEND Regulations 2014, reg. 18(1)(a)); here: move expected at
 * the start of Year 12 on 1 September 2028."
 */
export function explainMilestone(draft: MilestoneFacts, context: PlanContext): string {
  const day = (date: DayNumber) => formatLongDate(date, context.pack.locale);
  const { rule, due, windowStart } = draft;
  const ruleText = `${rule.rule} (${citationOf(rule.source)})`;
  const basis = due !== undefined ? describeDate(rule.due, context) : undefined;
  const inputs = basis ? `; here: ${basis}` : '';
  const lastDone = draft.lastDoneOn !== undefined && rule.recurrence ? ` Last done on ${day(draft.lastDoneOn)}.` : '';
  const note = CONFIDENCE_NOTE[rule.confidence];
  const period =
    due === undefined ? '' : `${day(due)}${draft.closesOn !== undefined ? ` to ${day(draft.closesOn)}` : ''}`;
  switch (draft.status) {
    case 'not_applicable':
      return `Does not apply: ${draft.notApplicableReason ?? ''} The rule: ${ruleText}.`;
    case 'done':
      return `Done on ${draft.completedOn !== undefined ? day(draft.completedOn) : 'an earlier date'}: ${ruleText}.${lastDone}`;
    case 'missed': {
      const instead = rule.ifMissed ? ` ${rule.ifMissed}` : '';
      return `Missed: it was due by ${due !== undefined ? day(due) : 'an earlier date'} and could be done as such only until ${draft.closesOn !== undefined ? day(draft.closesOn) : 'an earlier date'}.${instead} The rule: ${ruleText}.`;
    }
    case 'not_known':
      return `Date not known: ${rule.dateNeeds ? `record ${rule.dateNeeds} to work it out` : 'it depends on something not yet recorded'}. The rule: ${ruleText}.${note}`;
    case 'overdue':
      return `Overdue, it was due by ${due !== undefined ? day(due) : 'an earlier date'}: ${ruleText}${inputs}.${lastDone}${note}`;
    case 'due':
      return `Due by ${due !== undefined ? day(due) : 'a date not yet known'}: ${ruleText}${inputs}.${lastDone}${note}`;
    case 'upcoming':
      return `Coming up${windowStart !== undefined ? ` from ${day(windowStart)}` : ''}, due by ${due !== undefined ? day(due) : 'a date not yet known'}: ${ruleText}${inputs}.${lastDone}${note}`;
    case 'starts_later':
      return `From ${period}: ${ruleText}${inputs}.${note}`;
    case 'in_effect':
      return `${draft.closesOn !== undefined ? `Runs from ${period}` : `In effect since ${period}`}: ${ruleText}${inputs}.${note}`;
    case 'ended':
      return `Ran from ${period}: ${ruleText}.${note}`;
  }
}
