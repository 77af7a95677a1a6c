import type { AgencyType, Pathway, RulePack } from './types.ts';

/**
 * The pathways an agency type leads some milestone of in a rule pack: a school leads education
 * and employment steps, children's health the health transition, children's social care the
 * social care one. Another agency's staff may record events on these pathways, and no others.
 */
export function pathwaysLedBy(pack: RulePack, agencyType: string): ReadonlySet<Pathway> {
  return new Set(
    pack.milestones.filter((rule) => rule.leadAgency === (agencyType as AgencyType)).map((rule) => rule.pathway),
  );
}
