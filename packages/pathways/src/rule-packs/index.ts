import { denmarkRulePack } from './denmark.ts';
import { englandRulePack } from './england.ts';
import type { Jurisdiction, MilestoneRule, RulePack } from './types.ts';

/** Every jurisdiction's rule pack. A new jurisdiction is a new entry here and a data file. */
export const RULE_PACKS: Record<Jurisdiction, RulePack> = {
  england: englandRulePack,
  denmark: denmarkRulePack,
};

const RULE_OF_MILESTONE = new Map(
  Object.values(RULE_PACKS).flatMap((pack) => pack.milestones.map((rule) => [rule.id, rule] as const)),
);

/** A milestone's rule, whichever jurisdiction's pack holds it (milestone ids are unique across packs). */
export function milestoneRule(milestoneId: string): MilestoneRule | undefined {
  return RULE_OF_MILESTONE.get(milestoneId);
}

export { citationOf } from './citation.ts';

export { denmarkRulePack, englandRulePack };
