import type { Milestone, PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_STATUSES } from './caseload.ts';

/**
 * The stored milestones still live on `today` (overdue, due or upcoming, not missed) of these
 * young people that fall due by a date, earliest first; only those a lead agency leads, when
 * one is given.
 */
export async function listOpenMilestonesDueBy(
  db: PrismaClient,
  query: { youngPersonIds: readonly string[]; today: Date; dueBy: Date; leadAgency?: string },
): Promise<Milestone[]> {
  return db.milestone.findMany({
    where: {
      youngPersonId: { in: [...query.youngPersonIds] },
      status: { in: [...OPEN_STATUSES, 'missed'] },
      OR: [{ closesOn: null }, { closesOn: { gte: query.today } }],
      dueDate: { lte: query.dueBy },
      leadAgency: query.leadAgency,
    },
    orderBy: [{ dueDate: 'asc' }],
  });
}

/** The due dates a young person's stored plan has for these milestones (those it has a date for). */
export async function storedDueDates(
  db: PrismaClient,
  youngPersonId: string,
  milestoneIds: string[],
): Promise<Map<string, string>> {
  const rows = await db.milestone.findMany({
    where: { youngPersonId, milestoneId: { in: milestoneIds }, dueDate: { not: null } },
    select: { milestoneId: true, dueDate: true },
  });
  return new Map(rows.map((row) => [row.milestoneId, (row.dueDate as Date).toISOString().slice(0, 10)]));
}
