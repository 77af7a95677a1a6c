import type { PrismaClient } from '../generated/prisma/client.ts';
import { runDailyJob, type DailyJobResult } from './daily-job.ts';

export const PURGE_JOB = 'purge';

/** How long the record of each sign-in attempt is kept: long enough to look into an incident. */
export const SIGN_IN_RECORD_DAYS = 90;

/** How long an import's report (it names the young people of each row) is kept: long enough to follow up its bad rows. */
export const IMPORT_REPORT_DAYS = 30;

/**
 * Once a day: removes sessions that have expired or gone idle (a lookup already refuses
 * them; this stops the table holding dead secrets), sign-in attempts older than
 * SIGN_IN_RECORD_DAYS, sign-in throttles nobody has touched for a day, and imports (with
 * their reports by row) older than IMPORT_REPORT_DAYS.
 */
export async function runPurge(options: {
  db: PrismaClient;
  today: string;
  now: Date;
  idleMinutes: number;
}): Promise<DailyJobResult<{ sessions: number; signInAttempts: number; throttles: number; imports: number }>> {
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
      const imports = await tx.importRun.deleteMany({
        where: { startedAt: { lt: new Date(now.getTime() - IMPORT_REPORT_DAYS * 86_400_000) } },
      });
      return {
        sessions: sessions.count,
        signInAttempts: signInAttempts.count,
        throttles: throttles.count,
        imports: imports.count,
      };
    },
  });
}
