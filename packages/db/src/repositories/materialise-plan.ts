import { buildPlanWithState, type Plan } from '@pathways/engine';
import type { YoungPerson } from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';
import { milestoneRows, pathwayStateRows } from './plan-rows.ts';
import { engineEventOf, profileOf } from './young-person-profile.ts';

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
  await tx.pathwayState.deleteMany({ where: { youngPersonId: person.id } });
  await tx.pathwayState.createMany({ data: pathwayStateRows(person.id, result) });
  await tx.milestone.deleteMany({ where: { youngPersonId: person.id } });
  await tx.milestone.createMany({ data: milestoneRows(person.id, result.plan, today) });
  return result.plan;
}
