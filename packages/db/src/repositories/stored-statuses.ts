import { LIVE_STATUSES, PERIOD_STATUSES, type MilestoneStatus } from '@pathways/engine';
import { Prisma } from '../generated/prisma/client.ts';

/** A status list written into SQL as literals: the planner sees constants, as it would in hand-written SQL. */
const literals = (statuses: readonly string[]) => Prisma.raw(statuses.map((status) => `'${status}'`).join(', '));

/**
 * Stored statuses of a task not done: live work, or missed. A row's status was right when it
 * was planned; which of these it is today is re-derived from its dates (`closesOn`, `dueDate`,
 * `windowStart`), so the caseload, the reminders and the forecast all select this set.
 */
export const OPEN_TASK_STATUSES: readonly MilestoneStatus[] = [...LIVE_STATUSES, 'missed'];
export const OPEN_TASK_SQL = literals(OPEN_TASK_STATUSES);

/** Stored statuses of a legal fact or continuing duty (before, during or after its period), in SQL. */
export const PERIOD_SQL = literals(PERIOD_STATUSES);
