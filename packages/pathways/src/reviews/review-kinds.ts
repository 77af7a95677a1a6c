import { RULE_PACKS } from '../rule-packs/index.ts';
import type { Jurisdiction } from '../rule-packs/types.ts';
import type { ReviewKind, ReviewRules } from '../rule-packs/types.ts';

/** A jurisdiction's reviews and meetings, and how advice for them is followed up. */
export function reviewRulesOf(jurisdiction: string): ReviewRules | undefined {
  return RULE_PACKS[jurisdiction as Jurisdiction]?.reviews;
}

/** One kind of review in a jurisdiction's pack, or undefined if it has no such kind. */
export function reviewKindOf(jurisdiction: string, kindId: string): ReviewKind | undefined {
  return reviewRulesOf(jurisdiction)?.kinds.find((kind) => kind.id === kindId);
}
