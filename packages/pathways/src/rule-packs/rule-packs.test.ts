import { describe, expect, it } from 'vitest';
import { citationOf, denmarkRulePack, englandRulePack, milestoneRule, RULE_PACKS } from './index.ts';
import { validateRulePack } from './validate-rule-pack.ts';

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

  it('check every review kind: its events, its steps’ order and the milestones they name', () => {
    for (const pack of Object.values(RULE_PACKS)) expect(validateRulePack(pack)).toEqual([]);
    const [annual] = englandRulePack.reviews.kinds;
    if (!annual) throw new Error('England has review kinds');
    const broken = {
      ...annual,
      events: { held: 'education.no_such_event' },
      steps: [...annual.steps]
        .reverse()
        .map((step) => (step.id === 'report' ? { ...step, milestoneId: 'nope' } : step)),
    };
    const problems = validateRulePack({
      ...englandRulePack,
      reviews: { ...englandRulePack.reviews, kinds: [annual, broken] },
    });
    expect(problems).toEqual([
      'review ehc_annual_review: duplicate review kind id',
      'review ehc_annual_review: records unknown event "education.no_such_event"',
      'review ehc_annual_review: steps must be unique and in the order they happen',
      'review ehc_annual_review: step report refers to unknown milestone "nope"',
    ]);
  });
});
