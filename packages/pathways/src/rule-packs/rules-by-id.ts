import type { MilestoneRule, RulePack } from './types.ts';

const RULE_INDEX = new WeakMap<RulePack, Map<string, MilestoneRule>>();

/** A pack's milestone rules by id, built once per pack. */
export function rulesById(pack: RulePack): Map<string, MilestoneRule> {
  let index = RULE_INDEX.get(pack);
  if (!index) {
    index = new Map(pack.milestones.map((rule) => [rule.id, rule]));
    RULE_INDEX.set(pack, index);
  }
  return index;
}
