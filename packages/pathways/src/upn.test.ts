import { describe, expect, it } from 'vitest';
import { isValidUpn, ZUpn } from './upn.ts';

describe('Unique Pupil Numbers', () => {
  it('accepts the DfE guidance’s example and its check letter only', () => {
    expect(isValidUpn('H801200001001')).toBe(true);
    for (const letter of 'ABCDEFGJKLMNPQRTUVWXYZ') expect(isValidUpn(`${letter}801200001001`)).toBe(false);
  });

  it('works the check letter out from every weighted character', () => {
    // 8·2 + 0·3 + 1·4 + 2·5 + 0·6 + 0·7 + 0·8 + 0·9 + 1·10 + 0·11 + 0·12 + 2·13 = 66; 66 mod 23 = 20: X.
    expect(isValidUpn('X801200001002')).toBe(true);
    // A temporary UPN ends in a letter, counted by its place among the check letters (B = 1, as 1).
    expect(isValidUpn('H80120000100B')).toBe(true);
    expect(isValidUpn('H80120000100I')).toBe(false);
  });

  it('refuses the wrong shape and stores capitals', () => {
    for (const wrong of ['', 'H80120000100', 'H8012000010011', '1801200001001', 'H80120000A001']) {
      expect(isValidUpn(wrong)).toBe(false);
    }
    expect(ZUpn.parse(' h801200001001 ')).toBe('H801200001001');
    expect(ZUpn.safeParse('H801200001002').success).toBe(false);
  });
});
