import { z } from 'zod';

/**
 * Whether a 10-digit NHS number's last digit is its modulus-11 check digit: weights 10 to 2
 * on the first nine digits, 11 minus the remainder (11 becomes 0; 10 is never valid).
 * Spaces are allowed as written on letters ("943 476 5919").
 *
 * @example
 * isValidNhsNumber('943 476 5919') //=> true
 * isValidNhsNumber('9434765918')   //=> false
 */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replaceAll(' ', '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** An NHS number, stored without spaces. */
export const ZNhsNumber = z
  .string()
  .refine(isValidNhsNumber, 'is not a valid NHS number (10 digits with a correct check digit)')
  .transform((text) => text.replaceAll(' ', ''));
