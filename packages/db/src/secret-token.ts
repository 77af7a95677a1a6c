import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (256 bits), for a cookie or a private address. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret token: its SHA-256, never the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
