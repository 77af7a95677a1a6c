import { denmarkRulePack } from './denmark.ts';
import { rulesById } from './rules-by-id.ts';
import { englandRulePack } from './england.ts';
import { packIn } from './pack-in-language.ts';
import type { Jurisdiction, MilestoneRule, PlanLanguage, RulePack } from './types.ts';

/** Every jurisdiction's rule pack. A new jurisdiction is a new entry here and a data file. */
export const RULE_PACKS: Record<Jurisdiction, RulePack> = {
  england: englandRulePack,
  denmark: denmarkRulePack,
};

const RULE_OF_MILESTONE = new Map(
  Object.values(RULE_PACKS).flatMap((pack) => pack.milestones.map((rule) => [rule.id, pack] as const)),
);

/**
 * A milestone's rule, whichever jurisdiction's pack holds it (milestone ids are unique across
 * packs), with its texts in `language` where the pack has them (default: the pack's own).
 */
export function milestoneRule(milestoneId: string, language?: PlanLanguage): MilestoneRule | undefined {
  const pack = RULE_OF_MILESTONE.get(milestoneId);
  return pack && rulesById(packIn(pack, language)).get(milestoneId);
}

/** A jurisdiction's pack with its texts in `language` where it has them. */
export function rulePackIn(jurisdiction: Jurisdiction, language?: PlanLanguage): RulePack {
  return packIn(RULE_PACKS[jurisdiction], language);
}

export { citationOf } from './citation.ts';
export { pathwaysLedBy } from './lead-agencies.ts';
export { packIn, languageOf } from './pack-in-language.ts';

export { denmarkRulePack, englandRulePack };
