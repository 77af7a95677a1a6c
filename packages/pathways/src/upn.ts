import { z } from 'zod';

/** The 23 letters of a UPN's check character, by remainder (no I, O or S: they look like digits). */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * Whether a Unique Pupil Number (DfE) is well formed: a check letter, the local authority's
 * 3 digits, the school's 4, the year's 2 and a 3-character serial whose last character is a
 * letter in a temporary UPN. The check letter is the sum of characters 2–13 weighted 2 to 13
 * (a letter counted by its place in the check letters), modulo 23, read as a check letter.
 *
 * @example
 * isValidUpn('H801200001001') //=> true
 * isValidUpn('A801200001001') //=> false
 */
export function isValidUpn(text: string): boolean {
  const upn = text.trim().toUpperCase();
  if (!/^[A-Z]\d{11}[\dA-Z]$/.test(upn)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const character = upn[i] as string;
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character);
    if (value < 0) return false;
    sum += value * (i + 1);
  }
  return CHECK_LETTERS[sum % 23] === upn[0];
}

/** A Unique Pupil Number, stored in capitals. */
export const ZUpn = z
  .string()
  .refine(isValidUpn, 'is not a valid UPN (a check letter and 12 more characters)')
  .transform((text) => text.trim().toUpperCase());
