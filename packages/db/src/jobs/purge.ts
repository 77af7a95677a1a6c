import type { PrismaClient } from '../generated/prisma/client.ts';
import { runDailyJob, type DailyJobResult } from './daily-job.ts';

export const PURGE_JOB = 'purge';

/** How long the record of each sign-in attempt is kept: long enough to look into an incident. */
export const SIGN_IN_RECORD_DAYS = 90;

/**
 * Once a day: removes sessions that have expired or gone idle (a lookup already refuses
 * them; this stops the table holding dead secrets), sign-in attempts older than
 * SIGN_IN_RECORD_DAYS, and sign-in throttles nobody has touched for a day.
 */
export async function runPurge(options: {
  db: PrismaClient;
  today: string;
  now: Date;
  idleMinutes: number;
}): Promise<DailyJobResult<{ sessions: number; signInAttempts: number; throttles: number }>> {
  const { now } = options;
  return runDailyJob({
    db: options.db,
    job: PURGE_JOB,
    day: options.today,
    work: async (tx) => {
      const sessions = await tx.session.deleteMany({
        where: {
          OR: [
            { expiresAt: { lte: now } },
            { lastSeenAt: { lt: new Date(now.getTime() - options.idleMinutes * 60_000) } },
          ],
        },
      });
      const signInAttempts = await tx.loginAttempt.deleteMany({
        where: { at: { lt: new Date(now.getTime() - SIGN_IN_RECORD_DAYS * 86_400_000) } },
      });
      const throttles = await tx.signInThrottle.deleteMany({
        where: { updatedAt: { lt: new Date(now.getTime() - 86_400_000) } },
      });
      return { sessions: sessions.count, signInAttempts: signInAttempts.count, throttles: throttles.count };
    },
  });
}
