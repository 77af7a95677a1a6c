import type { PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_TASK_SQL } from '../repositories/stored-statuses.ts';
import { lastRunBefore, runDailyJob } from './daily-job.ts';

export const REMINDERS_JOB = 'reminders';

/**
 * The daily reminders: every live task (not missed, not a legal fact) whose window opened, or that became late, since
 * the last run (today only, the first time, rather than a flood of old news) becomes an in-app
 * notification to the young person's named worker, or to the area's team managers when
 * nobody is named, and to the people of the milestone's lead agency linked to the young person. Runs once a day across all processes; never notifies twice for the same
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
          SELECT m."youngPersonId", m."milestoneId", m."areaId", m."namedWorkerId", m.pathway, m."leadAgency", 'window_opens' AS kind, m."windowStart" AS "onDate"
            FROM "Milestone" m
           WHERE m.status IN (${OPEN_TASK_SQL})
             AND (m."closesOn" IS NULL OR m."closesOn" >= ${options.today}::date)
             AND m."windowStart" <= ${options.today}::date AND m."windowStart" > coalesce(${since}::date, ${options.today}::date - 1)
             AND m."dueDate" >= m."windowStart"
          UNION ALL
          SELECT m."youngPersonId", m."milestoneId", m."areaId", m."namedWorkerId", m.pathway, m."leadAgency", 'overdue', m."dueDate"
            FROM "Milestone" m
           WHERE m.status IN (${OPEN_TASK_SQL})
             AND (m."closesOn" IS NULL OR m."closesOn" >= ${options.today}::date)
             AND m."dueDate" < ${options.today}::date AND m."dueDate" >= coalesce(${since}::date, ${options.today}::date - 1)
        ),
        recipients AS (
          SELECT coalesce(h."namedWorkerId", manager.id) AS "userId", h.*
            FROM happened h
            LEFT JOIN "User" manager ON h."namedWorkerId" IS NULL AND manager."areaId" = h."areaId" AND manager.role = 'team_manager' AND manager."disabledAt" IS NULL
          UNION ALL
          -- The lead agency's own people linked to the young person, while the young person shares
          -- that part of their plan with the agency (health pathways: the health agreement; see
          -- the API's sharing.ts).
          SELECT contributor.id, h.*
            FROM happened h
            JOIN "ContributorLink" link ON link."youngPersonId" = h."youngPersonId"
            JOIN "User" contributor ON contributor.id = link."userId" AND contributor."disabledAt" IS NULL
            JOIN "Agency" agency ON agency.id = contributor."agencyId" AND agency.type = h."leadAgency" AND agency."areaId" = h."areaId"
           WHERE EXISTS (
             SELECT 1 FROM "Consent" c
              WHERE c."youngPersonId" = h."youngPersonId" AND c."withdrawnAt" IS NULL
                AND (c."agencyId" IS NULL OR c."agencyId" = agency.id)
                AND c.scope = CASE WHEN h.pathway IN ('health', 'palliative') THEN 'health' ELSE 'plan' END)
        )
        INSERT INTO "Notification" (id, "userId", "youngPersonId", "milestoneId", kind, "onDate")
        SELECT gen_random_uuid(), r."userId", r."youngPersonId", r."milestoneId", r.kind, r."onDate"
          FROM recipients r
         WHERE r."userId" IS NOT NULL
        ON CONFLICT DO NOTHING`;
      const actionsLate = await tx.$executeRaw`
        INSERT INTO "Notification" (id, "userId", "youngPersonId", "reviewActionId", kind, "onDate")
        SELECT gen_random_uuid(), a."ownerUserId", a."youngPersonId", a.id, 'action_late', a."dueOn"
          FROM "ReviewAction" a
         WHERE a.status <> 'done' AND a."ownerUserId" IS NOT NULL
           AND a."dueOn" < ${options.today}::date AND a."dueOn" >= coalesce(${since}::date, ${options.today}::date - 1)
        ON CONFLICT DO NOTHING`;
      // Late advice is the worker's to chase (the mail run chases the adviser).
      const adviceLate = await tx.$executeRaw`
        INSERT INTO "Notification" (id, "userId", "youngPersonId", "reviewId", kind, "onDate")
        SELECT DISTINCT ON (worker, r.id, i."adviceDueOn") gen_random_uuid(), worker, r."youngPersonId", r.id, 'advice_late', i."adviceDueOn"
          FROM "ReviewInvitation" i
          JOIN "Review" r ON r.id = i."reviewId"
          JOIN "YoungPerson" y ON y.id = r."youngPersonId"
          CROSS JOIN LATERAL (SELECT coalesce(y."namedWorkerId", r."createdById") AS worker) w
         WHERE i."adviceRequested" AND i."adviceSubmittedAt" IS NULL AND i."withdrawnAt" IS NULL
           AND r.status = 'planned' AND worker IS NOT NULL
           AND i."adviceDueOn" < ${options.today}::date AND i."adviceDueOn" >= coalesce(${since}::date, ${options.today}::date - 1)
        ON CONFLICT DO NOTHING`;
      return { since, notificationsCreated: created + actionsLate + adviceLate };
    },
  });
}
