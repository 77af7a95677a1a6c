import { denmarkRulePack } from './denmark.ts';
import { englandRulePack } from './england.ts';
import type { Jurisdiction, RulePack } from './types.ts';

/** Every jurisdiction's rule pack. A new jurisdiction is a new entry here and a data file. */
export const RULE_PACKS: Record<Jurisdiction, RulePack> = {
  england: englandRulePack,
  denmark: denmarkRulePack,
};

export { denmarkRulePack, englandRulePack };
