import { englandRulePack, RULE_PACKS, rulesById, type MilestoneStatus, type Pathway } from '@pathways/engine';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { dateColumn, isoDay } from './young-person-profile.ts';

/** The web app loads a whole window at once (virtualised, sorted and grouped in the browser). */
export const CASELOAD_MAX_PAGE = 5000;

export const OPEN_STATUSES = ['overdue', 'due', 'upcoming'] as const;

/** Filters a caseload request may carry (the API adds the area or worker the user may see). */
export const ZCaseloadQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    areaId: z.uuid().optional(),
    namedWorkerId: z.uuid().optional(),
    leadAgency: z.string().max(50).optional(),
    pathway: z.string().max(50).optional(),
    statuses: z.array(z.enum(['done', 'overdue', 'due', 'upcoming', 'not_applicable'])).min(1).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(CASELOAD_MAX_PAGE).default(50),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'must not be after "to"', path: ['from'] });

export type CaseloadRow = {
  youngPersonId: string;
  name: string;
  dateOfBirth: string;
  milestoneId: string;
  pathway: Pathway;
  title: string;
  /** Worked out for `today` from the stored window, so it never goes stale between re-plans. */
  status: MilestoneStatus;
  windowStart: string | null;
  dueDate: string | null;
  leadAgency: string;
  namedWorkerId: string | null;
  namedWorkerName: string | null;
  /** Why: the rule in words and its legal source. */
  rule: string;
  source: string;
};

/**
 * Milestones due in a date window across a caseload, with filters and paging, soonest first.
 * Statuses other than done and not applicable are derived from today's date and the stored
 * window (overdue: past due; due: inside the window; upcoming: before it), so a caseload
 * read tomorrow is right without re-planning everyone tonight.
 */
export async function findCaseload(options: { db: PrismaClient; query: z.input<typeof ZCaseloadQuery>; today: string }) {
  const query = ZCaseloadQuery.parse(options.query);
  const statuses = query.statuses ?? OPEN_STATUSES;
  const today = options.today;
  const open = Prisma.sql`m.status IN ('overdue', 'due', 'upcoming')`;
  const byStatus: Record<MilestoneStatus, Prisma.Sql> = {
    done: Prisma.sql`m.status = 'done'`,
    not_applicable: Prisma.sql`m.status = 'not_applicable'`,
    overdue: Prisma.sql`(${open} AND m."dueDate" < ${today}::date)`,
    due: Prisma.sql`(${open} AND m."dueDate" >= ${today}::date AND (m."windowStart" IS NULL OR m."windowStart" <= ${today}::date))`,
    upcoming: Prisma.sql`(${open} AND m."windowStart" > ${today}::date)`,
  };
  const conditions = [
    Prisma.sql`m."dueDate" BETWEEN ${query.from}::date AND ${query.to}::date`,
    Prisma.sql`(${Prisma.join(statuses.map((status) => byStatus[status]), ' OR ')})`,
    ...(query.areaId ? [Prisma.sql`p."areaId" = ${query.areaId}::uuid`] : []),
    ...(query.namedWorkerId ? [Prisma.sql`p."namedWorkerId" = ${query.namedWorkerId}::uuid`] : []),
    ...(query.leadAgency ? [Prisma.sql`m."leadAgency" = ${query.leadAgency}`] : []),
    ...(query.pathway ? [Prisma.sql`m.pathway = ${query.pathway}`] : []),
  ];
  // One round trip: the page and, beside each row, the total (a window count over the filter).
  const rows = await options.db.$queryRaw<CaseloadQueryRow[]>`
    SELECT m."youngPersonId", m."milestoneId", m.pathway, m.status, m."windowStart", m."dueDate", m."leadAgency",
           p."givenName", p."familyName", p."preferredName", p."dateOfBirth", p.jurisdiction,
           p."namedWorkerId", w.name AS "namedWorkerName",
           count(*) OVER () AS total
      FROM "Milestone" m JOIN "YoungPerson" p ON p.id = m."youngPersonId"
      LEFT JOIN "User" w ON w.id = p."namedWorkerId"
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY m."dueDate", m."youngPersonId", m."milestoneId"
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const total = rows[0] ? Number(rows[0].total) : query.page === 1 ? 0 : Number((await options.db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Milestone" m JOIN "YoungPerson" p ON p.id = m."youngPersonId" WHERE ${Prisma.join(conditions, ' AND ')}`)[0]?.total ?? 0);
  const todayDate = dateColumn(today);
  const items: CaseloadRow[] = rows.map((row) => {
    const pack = RULE_PACKS[row.jurisdiction as keyof typeof RULE_PACKS] ?? englandRulePack;
    const rule = rulesById(pack).get(row.milestoneId);
    return {
      youngPersonId: row.youngPersonId,
      name: `${row.preferredName ?? row.givenName} ${row.familyName}`,
      dateOfBirth: isoDay(row.dateOfBirth),
      milestoneId: row.milestoneId,
      pathway: row.pathway as Pathway,
      title: rule?.title ?? row.milestoneId,
      status: currentStatus(row.status as MilestoneStatus, row.windowStart, row.dueDate, todayDate),
      windowStart: row.windowStart ? isoDay(row.windowStart) : null,
      dueDate: row.dueDate ? isoDay(row.dueDate) : null,
      leadAgency: row.leadAgency,
      namedWorkerId: row.namedWorkerId,
      namedWorkerName: row.namedWorkerName,
      rule: rule?.rule ?? '',
      source: rule ? [rule.source.document, rule.source.section].filter(Boolean).join(', ') : '',
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

type CaseloadQueryRow = {
  youngPersonId: string;
  milestoneId: string;
  pathway: string;
  status: string;
  windowStart: Date | null;
  dueDate: Date | null;
  leadAgency: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: Date;
  jurisdiction: string;
  namedWorkerId: string | null;
  namedWorkerName: string | null;
  total: bigint;
};

function currentStatus(stored: MilestoneStatus, windowStart: Date | null, dueDate: Date | null, today: Date): MilestoneStatus {
  if (stored === 'done' || stored === 'not_applicable' || !dueDate) return stored;
  if (dueDate < today) return 'overdue';
  if (!windowStart || windowStart <= today) return 'due';
  return 'upcoming';
}
