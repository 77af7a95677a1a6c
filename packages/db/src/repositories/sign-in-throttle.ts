import type { PrismaClient, User } from '../generated/prisma/client.ts';

/** Failures further back than this are forgotten. */
export const WINDOW_MINUTES = 15;
/** The longest wait between two attempts. */
const MAX_DELAY_SECONDS = 15 * 60;
/** The first wait once the free attempts are used; each further failure doubles it. */
const FIRST_DELAY_SECONDS = 15;

/**
 * How many failures in a row are free before waits begin: a few typing mistakes for one
 * account; more for one address, which an office or a school may share behind one router.
 */
export const FREE_FAILURES = { account: 3, address: 20 } as const;

/** Seconds to wait after the n-th failure in a row (0 while the free attempts last): 15 s, 30 s, 1 min … 15 min. */
export function delayAfter(failures: number, free: number): number {
  return failures <= free ? 0 : Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - free - 1));
}

export type Reservation = { allowed: true; failures: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Reserves one sign-in attempt for a key (an account or an address) before any password is
 * checked, in one statement: it counts the attempt as a failure and sets when the next may
 * come, or refuses it if that time has not come. PostgreSQL takes the row's lock for the
 * upsert, so parallel guesses queue on it and each sees the ones before: no more than the
 * free attempts get through at once, however many arrive together (across processes too).
 * A success then clears the account's count (`signInSucceeded`).
 */
export async function reserveAttempt(db: PrismaClient, key: string, free: number, now: Date): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  // The failure count this attempt makes: one more, or a fresh start once the window has passed.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (key, failures, "nextAllowedAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."updatedAt" < ${windowStart} THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "nextAllowedAt" = ${now}::timestamptz + make_interval(secs => CASE
        WHEN (CASE WHEN "SignInThrottle"."updatedAt" < ${windowStart} THEN 1 ELSE "SignInThrottle".failures + 1 END) <= ${free} THEN 0
        ELSE LEAST(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, (CASE WHEN "SignInThrottle"."updatedAt" < ${windowStart} THEN 1 ELSE "SignInThrottle".failures + 1 END) - ${free} - 1))
      END),
      "updatedAt" = ${now}
    WHERE "SignInThrottle"."nextAllowedAt" <= ${now}
    RETURNING failures`;
  if (rows[0]) return { allowed: true, failures: rows[0].failures };
  const held = await db.signInThrottle.findUnique({ where: { key } });
  const waitMs = (held?.nextAllowedAt.getTime() ?? now.getTime()) - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * A right password: the account starts afresh, and the address's reserved attempt is given
 * back with the wait it set (people behind one office router must not lock each other out;
 * each account keeps its own limit).
 */
export async function signInSucceeded(
  db: PrismaClient,
  accountKey: string,
  addressKey: string,
  now: Date,
): Promise<void> {
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: accountKey } }),
    db.signInThrottle.updateMany({
      where: { key: addressKey, failures: { gt: 0 } },
      data: { failures: { decrement: 1 }, nextAllowedAt: now },
    }),
  ]);
}

/** Every sign-in attempt is kept (for the security record), succeeded or not. */
export async function recordSignInAttempt(
  db: PrismaClient,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db.loginAttempt.create({ data: attempt });
}

/** The account an e-mail address signs in to (with its password hash), or null. */
export async function findAccountByEmail(db: PrismaClient, email: string): Promise<User | null> {
  return db.user.findUnique({ where: { email } });
}
