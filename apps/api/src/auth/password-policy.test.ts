import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const person = { email: 'nia.newman@northshire.gov.uk', name: 'Nia Newman' };
const reason = (password: string) => passwordProblem(password, person)?.reason ?? null;

describe('a new password (NCSC, OWASP ASVS: length and a breached-password list, no composition rules)', () => {
  it('accepts a long passphrase of ordinary words, with no digits or symbols required', () => {
    expect(reason('a quiet lighthouse by the bay')).toBeNull();
    expect(reason('æbler og pærer i haven')).toBeNull();
  });

  it('counts characters, not bytes: 12 letters of any script is long enough', () => {
    expect(reason('søde æbler å')).toBeNull();
    expect(reason('søde æbler å'.slice(0, 11))).toBe('too_short');
    expect(reason('x'.repeat(129))).toBe('too_long');
  });

  it('refuses passwords found in breaches, whatever their case and whatever is added at the end', () => {
    expect(reason('qwertyuiop123')).toBe('common');
    expect(reason('Password1234')).toBe('common');
    expect(reason('football2024!!')).toBe('common');
  });

  it('refuses one that repeats a few characters, or holds the person’s name or e-mail', () => {
    expect(reason('abababababababab')).toBe('repetitive');
    expect(reason('hello nia newman 77')).toBe('personal');
    expect(reason('nia.newman is my name')).toBe('personal');
  });
});
