import type { PrismaClient } from '@pathways/db';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Whether sign-in is allowed now, from recent failures stored in the database (so the limit
 * holds across every API process): 5 per account and 30 per address in 15 minutes.
 */
export async function signInAllowed(db: PrismaClient, email: string, ip: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, succeeded: false, at: { gt: since } }, orderBy: { at: 'asc' }, select: { at: true } }),
    db.loginAttempt.count({ where: { ip, succeeded: false, at: { gt: since } } }),
  ]);
  if (byEmail.length < MAX_FAILURES_PER_EMAIL && byIp < MAX_FAILURES_PER_IP) return { allowed: true, retryAfterSeconds: 0 };
  const oldest = byEmail[0]?.at ?? since;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000)) };
}

export async function recordSignIn(db: PrismaClient, email: string, ip: string, succeeded: boolean, now: Date): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded, at: now } });
}
