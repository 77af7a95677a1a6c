import { engineEventOf, listPathwayEvents, profileOf, type PrismaClient, type YoungPerson } from '@pathways/db';
import { buildPlan, LIVE_STATUSES, type PlannedMilestone } from '@pathways/engine';
import { planWithin, type VisibleParts } from '../sharing.ts';

/**
 * The steps of a young person's plan still to do today (live tasks: not a legal fact or duty,
 * not done, missed or not applying) within the parts a reader may see: what services can help
 * with, what a referral can be for, what a referral letter lists.
 */
export async function openSteps(
  db: PrismaClient,
  person: YoungPerson,
  parts: VisibleParts,
  day: string,
): Promise<PlannedMilestone[]> {
  const log = await listPathwayEvents(db, person.id, 'recorded');
  const plan = planWithin(buildPlan(profileOf(person), log.map(engineEventOf), { asOf: day }), parts);
  return plan.milestones.filter(
    (milestone) => milestone.nature === 'task' && (LIVE_STATUSES as readonly string[]).includes(milestone.status),
  );
}
