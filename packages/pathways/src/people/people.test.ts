import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../rule-packs/index.ts';
import { ageInYears, birthday } from './birthdays.ts';
import { displayName, shortName } from './names.ts';

describe('a young person’s name', () => {
  it('is the name they go by, then their family name', () => {
    expect(displayName({ preferredName: null, givenName: 'Margaret', familyName: 'Hill' })).toBe('Margaret Hill');
    expect(displayName({ preferredName: 'Maya', givenName: 'Margaret', familyName: 'Hill' })).toBe('Maya Hill');
    expect(shortName({ preferredName: 'Maya', givenName: 'Margaret', familyName: 'Hill' })).toBe('Maya H.');
  });
});

describe('birthdays, as the jurisdiction counts 29 February', () => {
  it('follows the rule pack’s setting', () => {
    for (const pack of Object.values(RULE_PACKS)) expect(pack.settings.leapDayBirthday).toBe('march_1');
    expect(birthday('2008-02-29', 'england', 18)).toBe('2026-03-01');
    expect(birthday('2008-02-29', 'denmark', 16)).toBe('2024-02-29');
    expect(birthday('2010-06-01', 'england', 16)).toBe('2026-06-01');
    expect(ageInYears('2008-02-29', 'england', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', 'england', '2026-03-01')).toBe(18);
    // An unknown jurisdiction is counted as England's.
    expect(birthday('2008-02-29', 'atlantis', 18)).toBe('2026-03-01');
  });
});
