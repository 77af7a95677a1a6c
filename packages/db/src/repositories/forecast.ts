import { milestoneRule, type PlanLanguage } from '@pathways/engine';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { dateColumn } from './young-person-profile.ts';
import { OPEN_TASK_SQL } from './stored-statuses.ts';

/** Counts below this are suppressed, as in published statistics (disclosure control). */
export const SUPPRESS_BELOW = 5;

export type ForecastRow = {
  /**
   * `YYYY-MM` the milestones fall due in; `late` for work past due and not done that can still
   * be done; `missed` for those that can no longer be done as such (not demand to plan for).
   */
  month: string;
  areaCode: string;
  areaName: string;
  pathway: string;
  leadAgency: string;
  milestoneId: string;
  milestoneTitle: string;
  /** Null when suppressed. */
  count: number | null;
  isSuppressed: boolean;
};

export type Forecast = {
  generatedOn: string;
  fromMonth: string;
  toMonth: string;
  suppressBelow: number;
  rows: ForecastRow[];
};

type Group = {
  month: string;
  area_code: string;
  area_name: string;
  pathway: string;
  lead_agency: string;
  milestone_id: string;
  count: bigint | number;
};

/**
 * Demand coming to each service: live tasks (not done, still applicable, not missed) counted
 * by month due, local area, pathway, lead agency type and milestone, for the next `months`
 * months, plus those already late, and apart from both the missed ones. One council's own
 * young people when `areaId` is given. Aggregates only — no name, date of birth or NHS
 * number leaves the query — and counts under 5 are suppressed.
 */
export async function forecastDemand(options: {
  db: PrismaClient;
  today: string;
  months?: number;
  areaId?: string;
}): Promise<Forecast> {
  const months = options.months ?? 24;
  const today = dateColumn(options.today);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, 1));
  const area = options.areaId ? Prisma.sql`AND m."areaId" = ${options.areaId}::uuid` : Prisma.empty;
  const groups = await options.db.$queryRaw<Group[]>`
    SELECT CASE WHEN m."closesOn" < ${today}::date THEN 'missed'
                WHEN m."dueDate" < ${today}::date THEN 'late'
                ELSE to_char(m."dueDate", 'YYYY-MM') END AS month,
           a.code AS area_code, a.name AS area_name, m.pathway, m."leadAgency" AS lead_agency, m."milestoneId" AS milestone_id,
           count(*) AS count
      FROM "Milestone" m
      JOIN "LocalArea" a ON a.id = m."areaId"
     WHERE m.status IN (${OPEN_TASK_SQL})
       AND m."dueDate" < ${end}::date
       ${area}
     GROUP BY 1, 2, 3, 4, 5, 6
     ORDER BY 1, 2, 4, 5, 6`;
  const rows = groups.map((group): ForecastRow => {
    const count = Number(group.count);
    const isSuppressed = count < SUPPRESS_BELOW;
    return {
      month: group.month,
      areaCode: group.area_code,
      areaName: group.area_name,
      pathway: group.pathway,
      leadAgency: group.lead_agency,
      milestoneId: group.milestone_id,
      milestoneTitle: milestoneRule(group.milestone_id)?.staffTitle ?? group.milestone_id,
      count: isSuppressed ? null : count,
      isSuppressed,
    };
  });
  const monthOf = (date: Date) => date.toISOString().slice(0, 7);
  return {
    generatedOn: options.today,
    fromMonth: monthOf(start),
    toMonth: monthOf(new Date(end.getTime() - 86_400_000)),
    suppressBelow: SUPPRESS_BELOW,
    rows,
  };
}

const CSV_COLUMNS = [
  'month',
  'areaCode',
  'areaName',
  'pathway',
  'leadAgency',
  'milestoneId',
  'milestoneTitle',
  'count',
] as const;

/** The forecast as CSV (RFC 4180); a suppressed count is written `<5`. */
/** The forecast with each milestone's staff title in `language`, where its pack has it. */
export function forecastIn<F extends Forecast>(forecast: F, language: PlanLanguage | undefined): F {
  if (!language) return forecast;
  return {
    ...forecast,
    rows: forecast.rows.map((row) => ({
      ...row,
      milestoneTitle: milestoneRule(row.milestoneId, language)?.staffTitle ?? row.milestoneTitle,
    })),
  };
}

export function forecastCsv(forecast: Forecast): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = forecast.rows.map((row) =>
    CSV_COLUMNS.map((column) =>
      column === 'count'
        ? row.isSuppressed
          ? `<${forecast.suppressBelow}`
          : String(row.count)
        : cell(String(row[column])),
    ).join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/**
 * Live tasks (not done, still applicable, not missed) due within `months` or already late, in
 * one area, counted by milestone: the demand a kind of service is set beside. Unsuppressed:
 * the caller adds them up by kind of service and suppresses the totals.
 */
export async function openStepsByMilestone(options: {
  db: PrismaClient;
  today: string;
  months: number;
  areaId: string;
}): Promise<{ milestoneId: string; pathway: string; count: number }[]> {
  const today = dateColumn(options.today);
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + options.months, 1));
  const groups = await options.db.$queryRaw<{ milestone_id: string; pathway: string; count: bigint | number }[]>`
    SELECT m."milestoneId" AS milestone_id, m.pathway, count(*) AS count
      FROM "Milestone" m
     WHERE m.status IN (${OPEN_TASK_SQL})
       AND m."areaId" = ${options.areaId}::uuid
       AND m."dueDate" < ${end}::date
       AND (m."closesOn" IS NULL OR m."closesOn" >= ${today}::date)
     GROUP BY 1, 2`;
  return groups.map((group) => ({
    milestoneId: group.milestone_id,
    pathway: group.pathway,
    count: Number(group.count),
  }));
}
