import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from './index.ts';

describe('rule packs together', () => {
  it('never give two milestones the same id, even across jurisdictions', () => {
    // Stored milestones and the caseload's reasons are keyed by milestone id alone.
    const ids = Object.values(RULE_PACKS).flatMap((pack) => pack.milestones.map((milestone) => milestone.id));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
