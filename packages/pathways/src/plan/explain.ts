import { citationOf } from '../rule-packs/citation.ts';
import { describeDate } from './describe-date.ts';
import { phrasesFor } from './phrases.ts';
import type { MilestoneFacts } from './types.ts';
import type { PlanContext } from './plan-context.ts';

/**
 * One sentence on why a milestone has its date and status: the status with its date, the
 * rule with its legal source, and the inputs the date came from, in the pack's language. For
 * example: "Due by 31 March 2028: the EHC plan must be amended by 31 March in the calendar
 * year of the move to post-16 education (SEND Regulations 2014, reg. 18(1)(a)); here: move
 * expected at the start of Year 12 on 1 September 2028."
 */
export function explainMilestone(draft: MilestoneFacts, context: PlanContext): string {
  const words = phrasesFor(context.pack);
  const { rule, due, windowStart, closesOn } = draft;
  const ruleText = `${rule.rule} (${citationOf(rule.source)})`;
  const basis = due !== undefined ? describeDate(rule.due, context) : undefined;
  const inputs = basis ? words.here(basis) : '';
  const lastDone = draft.lastDoneOn !== undefined && rule.recurrence ? words.lastDone(words.day(draft.lastDoneOn)) : '';
  const note = words.confidenceNote[rule.confidence];
  const dueDay = due !== undefined ? words.day(due) : undefined;
  const closesDay = closesOn !== undefined ? words.day(closesOn) : undefined;
  const withRule = (lead: string) => `${lead}: ${ruleText}${inputs}.${lastDone}${note}`;
  switch (draft.status) {
    case 'not_applicable':
      return words.notApplicable(draft.notApplicableReason ?? '', ruleText);
    case 'done':
      return (
        words.done(draft.completedOn !== undefined ? words.day(draft.completedOn) : words.anEarlierDate, ruleText) +
        lastDone
      );
    case 'missed':
      return words.missed(
        dueDay ?? words.anEarlierDate,
        closesDay ?? words.anEarlierDate,
        rule.ifMissed ? ` ${rule.ifMissed}` : '',
        ruleText,
      );
    case 'not_known':
      return words.notKnown(rule.dateNeeds, ruleText) + note;
    case 'overdue':
      return withRule(words.overdue(dueDay ?? words.anEarlierDate));
    case 'due':
      return withRule(words.due(dueDay ?? words.aDateNotKnown));
    case 'upcoming':
      return withRule(
        words.upcoming(windowStart !== undefined ? words.day(windowStart) : undefined, dueDay ?? words.aDateNotKnown),
      );
    case 'starts_later':
      return withRule(words.startsLater(dueDay ?? '', closesDay));
    case 'in_effect':
      return withRule(words.inEffect(dueDay ?? '', closesDay));
    case 'ended':
      return `${words.ended(dueDay ?? '', closesDay)}: ${ruleText}.${note}`;
  }
}
