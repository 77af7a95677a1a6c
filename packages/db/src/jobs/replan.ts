import { createHash } from 'node:crypto';
import { RULE_PACKS } from '@pathways/engine';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { replanEveryone, type ReplanResult } from '../bulk/replan-everyone.ts';
import { dateColumn } from '../repositories/young-person-profile.ts';
import type { DailyJobResult } from './daily-job.ts';

/**
 * The rule packs this build plans with, as a short digest. The re-plan job is named after it,
 * so a deployment with changed rules re-plans everyone on its first tick instead of waiting
 * for tomorrow.
 */
export const RULES_DIGEST = createHash('sha1').update(JSON.stringify(RULE_PACKS)).digest('hex').slice(0, 12);

export const REPLAN_JOB = `replan:${RULES_DIGEST}`;

/**
 * Once a day, and at once after a rule change: re-plans every young person, so dates that
 * follow from time alone (a pathway that ends at 25) and changed rules reach the stored
 * caseload. Claimed in its own short transaction (one process runs it) and then done in
 * batches outside it, so requests keep being served; if it fails the claim is released and
 * the next tick tries again. Re-planning is idempotent, so a run cut short loses nothing.
 */
export async function runReplan(options: { db: PrismaClient; today: string }): Promise<DailyJobResult<ReplanResult>> {
  const day = dateColumn(options.today);
  const claimed = await options.db
    .$executeRaw`INSERT INTO "JobRun" (job, day) VALUES (${REPLAN_JOB}, ${day}::date) ON CONFLICT DO NOTHING`;
  if (claimed === 0) return { ran: false };
  try {
    const summary = await replanEveryone({ db: options.db, today: options.today });
    await options.db.jobRun.update({
      where: { job_day: { job: REPLAN_JOB, day } },
      data: { summary, finishedAt: new Date() },
    });
    return { ran: true, summary };
  } catch (error) {
    await options.db.jobRun.delete({ where: { job_day: { job: REPLAN_JOB, day } } });
    throw error;
  }
}
