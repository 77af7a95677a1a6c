import { buildScheduleWithState } from '@pathways/engine';
import type { YoungPerson } from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';
import { storedPlanOf, type StoredPlanSource } from './plan-rows.ts';
import { standingEvents } from './standing-events.ts';
import { writeStoredPlans } from './plan-store.ts';
import { engineEventOf, profileOf } from './young-person-profile.ts';

/**
 * Re-plans one young person from their whole event log and stores the result: each
 * pathway's persisted machine snapshot, and every milestone for caseload queries (only the
 * rows that changed are written). A caller that has just planned the same log passes that
 * plan in rather than planning twice.
 */
export async function materialisePlan(
  tx: Tx,
  person: YoungPerson,
  today: string,
  planned?: StoredPlanSource,
): Promise<void> {
  let result = planned;
  if (!result) {
    const rows = await standingEvents(tx, person.id);
    result = buildScheduleWithState(profileOf(person), rows.map(engineEventOf), { asOf: today });
  }
  await writeStoredPlans(tx, [storedPlanOf(person, result)]);
}
