import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '@pathways/db';

/**
 * A new password's rules, after NCSC's password guidance and OWASP ASVS (v4.0.3 2.1): long
 * enough, not absurdly long, not on a list of passwords that are common or known from
 * breaches, not the person's own e-mail or name. No composition rules (no "must contain a
 * symbol"): they make passwords harder to remember without making them harder to guess.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** About 50,000 passwords most often found in breaches (the zxcvbn-ts list), compared without case. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  return common;
}

/** What is wrong with a new password (the code an interface translates), and in English. */
export type PasswordProblem = {
  reason: 'too_short' | 'too_long' | 'common' | 'repetitive' | 'personal';
  message: string;
};

/** Why a new password will not do; null when it is fine. */
export function passwordProblem(password: string, person: { email: string; name: string }): PasswordProblem | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN_LENGTH)
    return { reason: 'too_short', message: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters long.` };
  if (length > PASSWORD_MAX_LENGTH)
    return { reason: 'too_long', message: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer.` };
  const lower = password.toLowerCase();
  // Also without what people add at the end to pass composition rules ("monkey123!").
  if (commonPasswords().has(lower) || commonPasswords().has(lower.replace(/[\d\W_]+$/u, '')))
    return {
      reason: 'common',
      message: 'This password is one of the most common passwords, so it is easy to guess. Choose another.',
    };
  if (new Set(lower).size < 4)
    return { reason: 'repetitive', message: 'This password repeats too few characters. Choose another.' };
  const own = [person.email.toLowerCase(), person.email.toLowerCase().split('@')[0] ?? '', person.name.toLowerCase()];
  if (own.some((part) => part.length >= 4 && lower.includes(part)))
    return { reason: 'personal', message: 'Your password must not contain your e-mail address or your name.' };
  return null;
}

/** Throws a 400 naming the `password` field (and the reason) when the new password will not do. */
export function checkNewPassword(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError('invalid', problem.message, { field: 'password', reason: problem.reason });
}
