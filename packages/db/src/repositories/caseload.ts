import {
  citationOf,
  LIVE_STATUSES,
  MILESTONE_STATUSES,
  milestoneRule,
  openStatus,
  PERIOD_STATUSES,
  periodStatus,
  type MilestoneStatus,
  type Pathway,
  type PlanLanguage,
} from '@pathways/engine';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_TASK_SQL, OPEN_TASK_STATUSES, PERIOD_SQL } from './stored-statuses.ts';

/** The web app loads a whole window at once (virtualised, sorted and grouped in the browser). */
export const CASELOAD_MAX_PAGE = 5000;

/** The caseload's usual question: work still to do (due, late, coming up). */
export const OPEN_STATUSES = LIVE_STATUSES;

/** Filters a caseload request may carry (the API adds the area or worker the user may see). */
export const ZCaseloadQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    areaId: z.uuid().optional(),
    namedWorkerId: z.uuid().optional(),
    leadAgency: z.string().max(50).optional(),
    pathway: z.string().max(50).optional(),
    statuses: z.array(z.enum(MILESTONE_STATUSES)).min(1).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(CASELOAD_MAX_PAGE).default(50),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'must not be after "to"', path: ['from'] });

/**
 * One milestone due for one young person. What the milestone is and why it is due, and who
 * the young person is, are the same on many rows: they are sent once, in `milestones` and
 * `people`, so a window of thousands of rows stays small.
 */
export type CaseloadRow = {
  youngPersonId: string;
  milestoneId: string;
  /** Worked out for `today` from the stored window, so it never goes stale between re-plans. */
  status: MilestoneStatus;
  windowStart: string | null;
  dueDate: string | null;
  /** A task's last possible day (missed after it); a fact's or duty's last day. */
  closesOn: string | null;
  leadAgency: string;
};

export type CaseloadPerson = {
  name: string;
  dateOfBirth: string;
  namedWorkerId: string | null;
  namedWorkerName: string | null;
};

/** What a milestone is, and why it is due: the rule in words and its legal source. */
export type CaseloadMilestone = { pathway: Pathway; title: string; rule: string; source: string };

export type CaseloadPage = {
  items: CaseloadRow[];
  /** Every young person on the page, by id. */
  people: Record<string, CaseloadPerson>;
  /** Every milestone on the page, by id (ids are unique across rule packs). */
  milestones: Record<string, CaseloadMilestone>;
  total: number;
  page: number;
  pageSize: number;
};

/**
 * Milestones due in a date window across a caseload, with filters and paging, soonest first.
 * Statuses other than done and not applicable are derived from today's date and the stored
 * window (overdue: past due; due: inside the window; upcoming: before it), so a caseload
 * read tomorrow is right without re-planning everyone tonight.
 */
export async function findCaseload(options: {
  db: PrismaClient;
  query: z.input<typeof ZCaseloadQuery>;
  today: string;
  /** The language of milestone titles and rules, where the pack has it (default: each pack's own). */
  language?: PlanLanguage;
}): Promise<CaseloadPage> {
  const query = ZCaseloadQuery.parse(options.query);
  const [result] = await options.db.$queryRaw<{ total: bigint; rows: string }[]>(caseloadSql(query, options.today));
  const rows = JSON.parse(result?.rows ?? '[]') as PageRow[];
  const items: CaseloadRow[] = [];
  const people: Record<string, CaseloadPerson> = {};
  const milestones: Record<string, CaseloadMilestone> = {};
  for (const [
    youngPersonId,
    name,
    dateOfBirth,
    milestoneId,
    pathway,
    storedStatus,
    windowStart,
    dueDate,
    closesOn,
    leadAgency,
    namedWorkerId,
    namedWorkerName,
  ] of rows) {
    people[youngPersonId] ??= { name, dateOfBirth, namedWorkerId, namedWorkerName };
    milestones[milestoneId] ??= milestoneOf(milestoneId, pathway as Pathway, options.language);
    items.push({
      youngPersonId,
      milestoneId,
      status: currentStatus(storedStatus as MilestoneStatus, windowStart, dueDate, closesOn, options.today),
      windowStart,
      dueDate,
      closesOn,
      leadAgency,
    });
  }
  return { items, people, milestones, total: Number(result?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

function milestoneOf(milestoneId: string, pathway: Pathway, language: PlanLanguage | undefined): CaseloadMilestone {
  const rule = milestoneRule(milestoneId, language);
  return {
    pathway,
    title: rule?.staffTitle ?? milestoneId,
    rule: rule?.rule ?? '',
    source: rule ? citationOf(rule.source) : '',
  };
}

/**
 * The caseload query: one round trip, one row. The milestones carry their area and named
 * worker, so both the count and the page are index ranges on Milestone alone; names are
 * joined for the page's rows only. The page comes back as one JSON array of arrays: for
 * thousands of rows that is several times faster to read (above all from PGlite) than as
 * many result rows. (Exported so the benchmark runs exactly this SQL without the API.)
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
    SELECT (SELECT count(*) FROM "Milestone" m WHERE ${where}) AS total,
           coalesce(json_agg(json_build_array(
             page."youngPersonId", coalesce(p."preferredName", p."givenName") || ' ' || p."familyName", p."dateOfBirth",
             page."milestoneId", page.pathway, page.status, page."windowStart", page."dueDate", page."closesOn", page."leadAgency", p."namedWorkerId", w.name
           ) ORDER BY page."dueDate", page."youngPersonId", page."milestoneId"), '[]')::text AS rows
      FROM (SELECT m."youngPersonId", m."milestoneId", m.pathway, m.status, m."windowStart", m."dueDate", m."closesOn", m."leadAgency" FROM "Milestone" m WHERE ${where}
             ORDER BY m."dueDate", m."youngPersonId", m."milestoneId"
             LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) page
      JOIN "YoungPerson" p ON p.id = page."youngPersonId"
      LEFT JOIN "User" w ON w.id = p."namedWorkerId"`;
}

/** One row of the page as the query's JSON array has it (dates as ISO days). */
type PageRow = [
  youngPersonId: string,
  name: string,
  dateOfBirth: string,
  milestoneId: string,
  pathway: string,
  status: string,
  windowStart: string | null,
  dueDate: string | null,
  closesOn: string | null,
  leadAgency: string,
  namedWorkerId: string | null,
  namedWorkerName: string | null,
];

/**
 * Which milestones have the asked-for statuses today: `openStatus` and `periodStatus` in SQL
 * (caseload-status.test.ts holds them together). A stored open task or period is re-derived
 * from today and its stored dates; done, not known and not applicable stay as stored. The
 * usual caseload (the three live statuses) is one status range and one date test.
 */
function statusCondition(statuses: readonly MilestoneStatus[], today: string): Prisma.Sql {
  const openTask = Prisma.sql`m.status IN (${OPEN_TASK_SQL})`;
  const period = Prisma.sql`m.status IN (${PERIOD_SQL})`;
  const stillOpen = Prisma.sql`(m."closesOn" IS NULL OR m."closesOn" >= ${today}::date)`;
  const byStatus: Record<MilestoneStatus, Prisma.Sql> = {
    done: Prisma.sql`m.status = 'done'`,
    not_applicable: Prisma.sql`m.status = 'not_applicable'`,
    not_known: Prisma.sql`m.status = 'not_known'`,
    missed: Prisma.sql`(${openTask} AND m."closesOn" < ${today}::date)`,
    overdue: Prisma.sql`(${openTask} AND ${stillOpen} AND m."dueDate" < ${today}::date)`,
    due: Prisma.sql`(${openTask} AND ${stillOpen} AND m."dueDate" >= ${today}::date AND (m."windowStart" IS NULL OR m."windowStart" <= ${today}::date))`,
    upcoming: Prisma.sql`(${openTask} AND ${stillOpen} AND m."windowStart" > ${today}::date)`,
    starts_later: Prisma.sql`(${period} AND m."dueDate" > ${today}::date)`,
    in_effect: Prisma.sql`(${period} AND m."dueDate" <= ${today}::date AND ${stillOpen})`,
    ended: Prisma.sql`(${period} AND m."closesOn" < ${today}::date)`,
  };
  const allLive = OPEN_STATUSES.every((status) => statuses.includes(status));
  const parts = allLive
    ? [
        Prisma.sql`(${openTask} AND ${stillOpen})`,
        ...statuses
          .filter((status) => !(OPEN_STATUSES as readonly string[]).includes(status))
          .map((status) => byStatus[status]),
      ]
    : statuses.map((status) => byStatus[status]);
  return Prisma.sql`(${Prisma.join(parts, ' OR ')})`;
}

/** Stored statuses worked out again for today: an open task's and a period's (the engine's lists). */
const OPEN_TASK = new Set<MilestoneStatus>(OPEN_TASK_STATUSES);
const PERIOD = new Set<MilestoneStatus>(PERIOD_STATUSES);

/** A stored status as of today: an open task or a period is re-derived (the engine's rules); the others stay. */
function currentStatus(
  stored: MilestoneStatus,
  windowStart: string | null,
  dueDate: string | null,
  closesOn: string | null,
  today: string,
): MilestoneStatus {
  if (!dueDate) return stored;
  if (OPEN_TASK.has(stored)) return openStatus(windowStart, dueDate, today, closesOn);
  if (PERIOD.has(stored)) return periodStatus(dueDate, closesOn, today);
  return stored;
}
