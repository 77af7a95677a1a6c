import { engineEventOf, profileOf, type PrismaClient, type YoungPerson } from '@pathways/db';
import { buildPlan } from '@pathways/engine';
import type { Bundle } from 'fhir/r4';
import { planBundle } from './plan-bundle.ts';

/** Gathers what the FHIR export of one young person's plan (or a handover of it) needs. */
export async function loadPlanBundle(db: PrismaClient, person: YoungPerson, today: string, now: Date, handoverId?: string): Promise<Bundle> {
  const [events, goals, namedWorker, agencies, handover] = await Promise.all([
    db.pathwayEvent.findMany({ where: { youngPersonId: person.id }, orderBy: { sequence: 'asc' } }),
    db.goal.findMany({ where: { youngPersonId: person.id }, include: { notes: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } }),
    person.namedWorkerId ? db.user.findUnique({ where: { id: person.namedWorkerId }, select: { id: true, name: true, email: true } }) : null,
    db.agency.findMany({ where: { areaId: person.areaId } }),
    handoverId ? db.handover.findUnique({ where: { id: handoverId }, include: { toAgency: true } }) : undefined,
  ]);
  const plan = buildPlan(profileOf(person), events.map(engineEventOf), { asOf: today });
  return planBundle({ person, plan, goals, namedWorker, agencies, handover: handover ?? undefined, generatedAt: now });
}
