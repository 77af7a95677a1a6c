import { englandRulePack, RULE_PACKS, rulesById, type MilestoneStatus, type Pathway } from '@pathways/engine';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { isoDay } from './young-person-profile.ts';

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
    pageSize: z.number().int().min(1).max(500).default(50),
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
  const today = new Date(`${options.today}T00:00:00Z`);
  const statuses = query.statuses ?? OPEN_STATUSES;
  const byStatus: Record<MilestoneStatus, Prisma.MilestoneWhereInput> = {
    done: { status: 'done' },
    not_applicable: { status: 'not_applicable' },
    overdue: { status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } },
    due: { status: { in: [...OPEN_STATUSES] }, dueDate: { gte: today }, OR: [{ windowStart: null }, { windowStart: { lte: today } }] },
    upcoming: { status: { in: [...OPEN_STATUSES] }, windowStart: { gt: today } },
  };
  const where: Prisma.MilestoneWhereInput = {
    dueDate: { gte: new Date(`${query.from}T00:00:00Z`), lte: new Date(`${query.to}T00:00:00Z`) },
    leadAgency: query.leadAgency,
    pathway: query.pathway,
    youngPerson: { areaId: query.areaId, namedWorkerId: query.namedWorkerId },
    OR: statuses.map((status) => byStatus[status]),
  };
  const [total, rows] = await Promise.all([
    options.db.milestone.count({ where }),
    options.db.milestone.findMany({
      where,
      orderBy: [{ dueDate: 'asc' }, { youngPersonId: 'asc' }, { milestoneId: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { youngPerson: { select: { givenName: true, familyName: true, preferredName: true, dateOfBirth: true, jurisdiction: true } } },
    }),
  ]);
  const items: CaseloadRow[] = rows.map((row) => {
    const pack = RULE_PACKS[row.youngPerson.jurisdiction as keyof typeof RULE_PACKS] ?? englandRulePack;
    const rule = rulesById(pack).get(row.milestoneId);
    return {
      youngPersonId: row.youngPersonId,
      name: `${row.youngPerson.preferredName ?? row.youngPerson.givenName} ${row.youngPerson.familyName}`,
      dateOfBirth: isoDay(row.youngPerson.dateOfBirth),
      milestoneId: row.milestoneId,
      pathway: row.pathway as Pathway,
      title: rule?.title ?? row.milestoneId,
      status: currentStatus(row.status as MilestoneStatus, row.windowStart, row.dueDate, today),
      windowStart: row.windowStart ? isoDay(row.windowStart) : null,
      dueDate: row.dueDate ? isoDay(row.dueDate) : null,
      leadAgency: row.leadAgency,
      rule: rule?.rule ?? '',
      source: rule ? [rule.source.document, rule.source.section].filter(Boolean).join(', ') : '',
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

function currentStatus(stored: MilestoneStatus, windowStart: Date | null, dueDate: Date | null, today: Date): MilestoneStatus {
  if (stored === 'done' || stored === 'not_applicable' || !dueDate) return stored;
  if (dueDate < today) return 'overdue';
  if (!windowStart || windowStart <= today) return 'due';
  return 'upcoming';
}
