import { buildPlanWithState, type Plan } from '@pathways/engine';
import type { YoungPerson } from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';
import { engineEventOf, profileOf } from './young-person-profile.ts';

const asDate = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/**
 * Re-plans one young person from their whole event log and stores the result: each
 * pathway's persisted machine snapshot, and every milestone for caseload queries. A caller
 * that has just planned the same log passes that plan in rather than planning twice.
 */
export async function materialisePlan(tx: Tx, person: YoungPerson, today: string, planned?: ReturnType<typeof buildPlanWithState>): Promise<Plan> {
  let result = planned;
  if (!result) {
    const rows = await tx.pathwayEvent.findMany({ where: { youngPersonId: person.id }, orderBy: { sequence: 'asc' } });
    result = buildPlanWithState(profileOf(person), rows.map(engineEventOf), { asOf: today });
  }
  const { plan, pathwayStates } = result;
  const statusByPathway = new Map(plan.pathways.map((pathway) => [pathway.pathway, pathway]));

  await tx.pathwayState.deleteMany({ where: { youngPersonId: person.id } });
  await tx.pathwayState.createMany({
    data: pathwayStates.map((state) => ({
      youngPersonId: person.id,
      pathway: state.pathway,
      state: statusByPathway.get(state.pathway)?.state ?? '',
      isEnded: statusByPathway.get(state.pathway)?.isEnded ?? false,
      snapshot: JSON.parse(JSON.stringify(state)),
    })),
  });
  await tx.milestone.deleteMany({ where: { youngPersonId: person.id } });
  await tx.milestone.createMany({
    data: plan.milestones.map((milestone) => ({
      youngPersonId: person.id,
      milestoneId: milestone.id,
      pathway: milestone.pathway,
      status: milestone.status,
      windowStart: asDate(milestone.windowStart),
      dueDate: asDate(milestone.dueDate),
      completedOn: asDate(milestone.completedOn),
      leadAgency: milestone.leadAgency,
      plannedAsOf: asDate(today) as Date,
    })),
  });
  return plan;
}
