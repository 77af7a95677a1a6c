import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { HttpError } from '../errors.ts';

/** scrypt at OWASP's recommended cost (N = 2^17, r = 8, p = 1): 128 MiB and a noticeable pause per guess. */
const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/**
 * Hashes run at most one per core at a time (each takes 128 MiB and ~0.1–0.2 s of a core), and
 * at most MAX_WAITING wait for a turn: a flood of sign-ins is answered "busy" at once instead
 * of making everyone, the genuine person included, wait behind it.
 */
const hashing = pLimit(Math.max(2, availableParallelism()));
const MAX_WAITING = 8;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  if (hashing.pendingCount >= MAX_WAITING) {
    return Promise.reject(
      new HttpError(503, 'busy', 'Pathways is busy signing people in. Please try again in a moment.', {
        'Retry-After': '2',
      }),
    );
  }
  const options: ScryptOptions = { ...cost, maxmem: 256 * 1024 * 1024 };
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash, so the cost can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: compared against when an email is unknown, so timing does not reveal which emails exist. */
export const DECOY_HASH = hashPassword(randomBytes(16).toString('hex'));
