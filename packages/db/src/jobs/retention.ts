import type { PrismaClient } from '../generated/prisma/client.ts';
import { eraseClaimed } from '../repositories/young-people.ts';
import { runDailyJob } from './daily-job.ts';

export const RETENTION_JOB = 'retention';

/** The age the plan runs to: the transition to adulthood ends at 25 (EHC plans end by then). */
const PLAN_END_AGE = 25;

/**
 * The daily retention job: erases every young person whose plan ended more than
 * `retentionYears` ago, the plan ending on their 25th birthday or, if earlier, the day they
 * died. Its run (JobRun.summary) and one ErasureRecord per person prove what it erased, by
 * pseudonymous id and row counts; the application log says the same.
 */
export async function runRetention(options: { db: PrismaClient; today: string; retentionYears: number }) {
  return runDailyJob({
    db: options.db,
    job: RETENTION_JOB,
    day: options.today,
    work: async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT p.id FROM "YoungPerson" p
         WHERE least(p."dateOfBirth" + make_interval(years => ${PLAN_END_AGE}::int),
                     (SELECT min(e.date) FROM "PathwayEvent" e WHERE e."youngPersonId" = p.id AND e.type = 'person.died'
                        AND NOT EXISTS (SELECT 1 FROM "PathwayEventWithdrawal" w WHERE w."eventId" = e.id)))
               + make_interval(years => ${options.retentionYears}::int) <= ${options.today}::date
         ORDER BY p.id
         FOR UPDATE`;
      const erased: { youngPersonId: string; rows: Record<string, number> }[] = [];
      for (const { id } of due)
        erased.push({
          youngPersonId: id,
          rows: await eraseClaimed(tx, { userId: null, role: 'system' }, id, 'retention'),
        });
      return { retentionYears: options.retentionYears, erased };
    },
  });
}
