import { engineEventOf, profileOf, type PrismaClient, type YoungPerson } from '@pathways/db';
import { buildPlan } from '@pathways/engine';
import type { Bundle } from 'fhir/r4';
import { planWithin, type VisibleParts } from '../sharing.ts';
import { planBundle } from './plan-bundle.ts';

/**
 * Gathers what the FHIR export of one young person's plan (or a handover of it) needs, within
 * the parts the caller may see: no CarePlan of a pathway outside them, no Goals without `goals`.
 */
export async function loadPlanBundle(
  db: PrismaClient,
  person: YoungPerson,
  parts: VisibleParts,
  today: string,
  now: Date,
  options: { handoverId?: string; codeSystemBase?: string } = {},
): Promise<Bundle> {
  const { handoverId, codeSystemBase } = options;
  const [events, goals, namedWorker, agencies, handover] = await Promise.all([
    db.pathwayEvent.findMany({ where: { youngPersonId: person.id }, orderBy: { sequence: 'asc' } }),
    parts.has('goals')
      ? db.goal.findMany({
          where: { youngPersonId: person.id },
          include: { notes: { orderBy: { createdAt: 'asc' } } },
          orderBy: { createdAt: 'asc' },
        })
      : [],
    person.namedWorkerId
      ? db.user.findUnique({ where: { id: person.namedWorkerId }, select: { id: true, name: true, email: true } })
      : null,
    db.agency.findMany({ where: { areaId: person.areaId } }),
    handoverId ? db.handover.findUnique({ where: { id: handoverId }, include: { toAgency: true } }) : undefined,
  ]);
  const plan = planWithin(buildPlan(profileOf(person), events.map(engineEventOf), { asOf: today }), parts);
  return planBundle({
    person,
    plan,
    goals,
    namedWorker,
    agencies,
    handover: handover ?? undefined,
    generatedAt: now,
    codeSystemBase,
  });
}
