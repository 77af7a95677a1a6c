import type { PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_TASK_SQL } from '../repositories/stored-statuses.ts';
import { lastRunBefore, runDailyJob } from './daily-job.ts';

export const REMINDERS_JOB = 'reminders';

/**
 * The daily reminders: every live task (not missed, not a legal fact) whose window opened, or that became late, since
 * the last run (today only, the first time, rather than a flood of old news) becomes an in-app
 * notification to the young person's named worker, or to the area's team managers when
 * nobody is named. Runs once a day across all processes; never notifies twice for the same
 * milestone, kind and date.
 */
export async function runReminders(options: { db: PrismaClient; today: string }) {
  return runDailyJob({
    db: options.db,
    job: REMINDERS_JOB,
    day: options.today,
    work: async (tx) => {
      const since = await lastRunBefore(tx, REMINDERS_JOB, options.today);
      // Days after the last run up to today: a window opening on one of them, or a due date the
      // day before one of them (the first day it is late).
      const created = await tx.$executeRaw`
        WITH happened AS (
          SELECT m."youngPersonId", m."milestoneId", m."areaId", m."namedWorkerId", 'window_opens' AS kind, m."windowStart" AS "onDate"
            FROM "Milestone" m
           WHERE m.status IN (${OPEN_TASK_SQL})
             AND (m."closesOn" IS NULL OR m."closesOn" >= ${options.today}::date)
             AND m."windowStart" <= ${options.today}::date AND m."windowStart" > coalesce(${since}::date, ${options.today}::date - 1)
             AND m."dueDate" >= m."windowStart"
          UNION ALL
          SELECT m."youngPersonId", m."milestoneId", m."areaId", m."namedWorkerId", 'overdue', m."dueDate"
            FROM "Milestone" m
           WHERE m.status IN (${OPEN_TASK_SQL})
             AND (m."closesOn" IS NULL OR m."closesOn" >= ${options.today}::date)
             AND m."dueDate" < ${options.today}::date AND m."dueDate" >= coalesce(${since}::date, ${options.today}::date - 1)
        )
        INSERT INTO "Notification" (id, "userId", "youngPersonId", "milestoneId", kind, "onDate")
        SELECT gen_random_uuid(), coalesce(h."namedWorkerId", manager.id), h."youngPersonId", h."milestoneId", h.kind, h."onDate"
          FROM happened h
          LEFT JOIN "User" manager ON h."namedWorkerId" IS NULL AND manager."areaId" = h."areaId" AND manager.role = 'team_manager' AND manager."disabledAt" IS NULL
         WHERE coalesce(h."namedWorkerId", manager.id) IS NOT NULL
        ON CONFLICT DO NOTHING`;
      return { since, notificationsCreated: created };
    },
  });
}
