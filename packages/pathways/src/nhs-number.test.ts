import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, ZNhsNumber } from './nhs-number.ts';

describe('isValidNhsNumber', () => {
  it('accepts numbers with a correct check digit, with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });

  it('rejects a wrong check digit, a check digit of 10, and anything that is not 10 digits', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    // 1,2,3,4,5,6,7,8,9 weighted 10..2 sums to 210 ≡ 1 (mod 11): the check digit would be 10.
    expect(isValidNhsNumber('1234567890')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659a9')).toBe(false);
  });

  it('catches every single-digit typing error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const digits = '9434765919'.split('').map(Number);
        digits[position] = ((digits[position] ?? 0) + shift) % 10;
        expect(isValidNhsNumber(digits.join(''))).toBe(false);
      }),
    );
  });

  it('stores the number without spaces', () => {
    expect(ZNhsNumber.parse('943 476 5919')).toBe('9434765919');
    expect(ZNhsNumber.safeParse('943 476 5918').success).toBe(false);
  });
});
