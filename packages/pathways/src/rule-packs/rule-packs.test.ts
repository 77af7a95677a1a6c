import { describe, expect, it } from 'vitest';
import { citationOf, denmarkRulePack, englandRulePack, milestoneRule, RULE_PACKS } from './index.ts';

describe('rule packs together', () => {
  it('never give two milestones the same id, even across jurisdictions', () => {
    // Stored milestones and the caseload's reasons are keyed by milestone id alone.
    const ids = Object.values(RULE_PACKS).flatMap((pack) => pack.milestones.map((milestone) => milestone.id));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('find any milestone’s rule by its id alone, and cite its source on one line', () => {
    expect(milestoneRule('post16_transfer')).toBe(
      englandRulePack.milestones.find((rule) => rule.id === 'post16_transfer'),
    );
    expect(milestoneRule('dk_stu')).toBe(denmarkRulePack.milestones.find((rule) => rule.id === 'dk_stu'));
    expect(milestoneRule('no_such_milestone')).toBeUndefined();
    expect(citationOf({ document: 'SEND Regulations 2014', section: 'reg. 18(1)(a)' })).toBe(
      'SEND Regulations 2014, reg. 18(1)(a)',
    );
    expect(citationOf({ document: 'NICE NG43' })).toBe('NICE NG43');
  });
});
