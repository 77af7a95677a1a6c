import type { buildPlanWithState, Plan } from '@pathways/engine';
import type { Prisma } from '../generated/prisma/client.ts';
import { dateColumn } from './young-person-profile.ts';

const asDate = (iso: string | null) => (iso === null ? null : dateColumn(iso));

/** The Milestone rows that store one young person's plan (for caseload and forecast queries). */
export function milestoneRows(youngPersonId: string, plan: Plan, today: string): Prisma.MilestoneCreateManyInput[] {
  return plan.milestones.map((milestone) => ({
    youngPersonId,
    milestoneId: milestone.id,
    pathway: milestone.pathway,
    status: milestone.status,
    windowStart: asDate(milestone.windowStart),
    dueDate: asDate(milestone.dueDate),
    completedOn: asDate(milestone.completedOn),
    leadAgency: milestone.leadAgency,
    plannedAsOf: dateColumn(today),
  }));
}

/** The PathwayState rows: each pathway's persisted machine snapshot with its state in words. */
export function pathwayStateRows(youngPersonId: string, planned: ReturnType<typeof buildPlanWithState>): Prisma.PathwayStateCreateManyInput[] {
  const status = new Map(planned.plan.pathways.map((pathway) => [pathway.pathway, pathway]));
  return planned.pathwayStates.map((state) => ({
    youngPersonId,
    pathway: state.pathway,
    state: status.get(state.pathway)?.state ?? '',
    isEnded: status.get(state.pathway)?.isEnded ?? false,
    snapshot: state as unknown as Prisma.InputJsonValue,
  }));
}
