import { describe, expect, it } from 'vitest';
import { denmarkRulePack, englandRulePack } from './index.ts';
import { pathwaysLedBy } from './lead-agencies.ts';

describe('pathwaysLedBy', () => {
  it('gives each English agency the pathways whose steps it leads', () => {
    expect([...pathwaysLedBy(englandRulePack, 'school')].sort()).toEqual(['education', 'employment']);
    expect([...pathwaysLedBy(englandRulePack, 'nhs_childrens')]).toContain('health');
    expect([...pathwaysLedBy(englandRulePack, 'childrens_social_care')]).toEqual(['social_care']);
  });

  it('gives an agency that leads nothing, or an unknown type, no pathway', () => {
    expect(pathwaysLedBy(englandRulePack, 'dwp').has('education')).toBe(false);
    expect(pathwaysLedBy(englandRulePack, 'not_an_agency').size).toBe(0);
    expect(pathwaysLedBy(denmarkRulePack, 'school').size).toBe(0);
  });
});
