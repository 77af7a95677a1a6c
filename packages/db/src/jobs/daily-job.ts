import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Tx } from '../repositories/actor.ts';
import { dateColumn } from '../repositories/young-person-profile.ts';

export type DailyJobResult<Summary> = { ran: true; summary: Summary } | { ran: false };

/**
 * Runs a daily job at most once for `day`, however many API processes try at the same time.
 * The JobRun row is inserted first, in the job's own transaction: a second process's insert
 * waits for the first transaction, then finds the row and does nothing; a run that fails or
 * whose process dies rolls back, row and all, so the next try runs it again.
 */
export async function runDailyJob<Summary extends Prisma.InputJsonObject>(options: {
  db: PrismaClient;
  job: string;
  day: string;
  work: (tx: Tx) => Promise<Summary>;
}): Promise<DailyJobResult<Summary>> {
  return options.db.$transaction(
    async (tx) => {
      const claimed =
        await tx.$executeRaw`INSERT INTO "JobRun" (job, day) VALUES (${options.job}, ${options.day}::date) ON CONFLICT DO NOTHING`;
      if (claimed === 0) return { ran: false } as const;
      const summary = await options.work(tx);
      await tx.jobRun.update({
        where: { job_day: { job: options.job, day: dateColumn(options.day) } },
        data: { summary, finishedAt: new Date() },
      });
      return { ran: true, summary } as const;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/** The last day before `day` a job ran, or null if it never has. */
export async function lastRunBefore(tx: Tx, job: string, day: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<
    { day: string | null }[]
  >`SELECT max(day)::text AS day FROM "JobRun" WHERE job = ${job} AND day < ${day}::date`;
  return row?.day ?? null;
}
