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
  const rows = await options.db.$queryRaw<CaseloadQueryRow[]>(caseloadSql(query, options.today));
  const total = Number(rows[0]?.total ?? 0);
  const todayDate = dateColumn(options.today);
  const items: CaseloadRow[] = rows.filter((row): row is PageRow => row.youngPersonId !== null).map((row) => {
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

/**
 * The caseload query: one round trip. The milestones carry their area and named worker, so
 * both the count and the page are index ranges on Milestone alone; names are joined for the
 * page's rows only. (Exported so the benchmark runs exactly this SQL without the API.)
 */
export function caseloadSql(query: z.output<typeof ZCaseloadQuery>, today: string): Prisma.Sql {
  const statuses = query.statuses ?? OPEN_STATUSES;
  const conditions = [
    Prisma.sql`m."dueDate" BETWEEN ${query.from}::date AND ${query.to}::date`,
    statusCondition(statuses, today),
    ...(query.areaId ? [Prisma.sql`m."areaId" = ${query.areaId}::uuid`] : []),
    ...(query.namedWorkerId ? [Prisma.sql`m."namedWorkerId" = ${query.namedWorkerId}::uuid`] : []),
    ...(query.leadAgency ? [Prisma.sql`m."leadAgency" = ${query.leadAgency}`] : []),
    ...(query.pathway ? [Prisma.sql`m.pathway = ${query.pathway}`] : []),
  ];
  const where = Prisma.join(conditions, ' AND ');
  return Prisma.sql`
    SELECT t.total, page."youngPersonId", page."milestoneId", page.pathway, page.status, page."windowStart", page."dueDate", page."leadAgency",
           p."givenName", p."familyName", p."preferredName", p."dateOfBirth", p.jurisdiction, p."namedWorkerId", w.name AS "namedWorkerName"
      FROM (SELECT count(*) AS total FROM "Milestone" m WHERE ${where}) t
      LEFT JOIN (SELECT m.* FROM "Milestone" m WHERE ${where}
                  ORDER BY m."dueDate", m."youngPersonId", m."milestoneId"
                  LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) page ON true
      LEFT JOIN "YoungPerson" p ON p.id = page."youngPersonId"
      LEFT JOIN "User" w ON w.id = p."namedWorkerId"
     ORDER BY page."dueDate", page."youngPersonId", page."milestoneId"`;
}

type PageRow = {
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

/** A page row, or the one row of nulls beside the total when the page is empty. */
type CaseloadQueryRow = PageRow | ({ [Key in keyof PageRow]: null } & { total: bigint });

/**
 * Which milestones have the asked-for statuses today. Stored statuses other than done and
 * not applicable are re-derived from today and the stored window; asking for all three open
 * ones (the usual caseload) needs no dates, so the index on status answers it alone.
 */
function statusCondition(statuses: readonly MilestoneStatus[], today: string): Prisma.Sql {
  const open = Prisma.sql`m.status IN ('overdue', 'due', 'upcoming')`;
  const byStatus: Record<MilestoneStatus, Prisma.Sql> = {
    done: Prisma.sql`m.status = 'done'`,
    not_applicable: Prisma.sql`m.status = 'not_applicable'`,
    overdue: Prisma.sql`(${open} AND m."dueDate" < ${today}::date)`,
    due: Prisma.sql`(${open} AND m."dueDate" >= ${today}::date AND (m."windowStart" IS NULL OR m."windowStart" <= ${today}::date))`,
    upcoming: Prisma.sql`(${open} AND m."windowStart" > ${today}::date)`,
  };
  const allOpen = OPEN_STATUSES.every((status) => statuses.includes(status));
  const parts = allOpen ? [open, ...statuses.filter((status) => !(OPEN_STATUSES as readonly string[]).includes(status)).map((status) => byStatus[status])] : statuses.map((status) => byStatus[status]);
  return Prisma.sql`(${Prisma.join(parts, ' OR ')})`;
}

function currentStatus(stored: MilestoneStatus, windowStart: Date | null, dueDate: Date | null, today: Date): MilestoneStatus {
  if (stored === 'done' || stored === 'not_applicable' || !dueDate) return stored;
  if (dueDate < today) return 'overdue';
  if (!windowStart || windowStart <= today) return 'due';
  return 'upcoming';
}
