import type { Agency, Handover, PathwayEvent, PrismaClient, User, YoungPerson } from '../generated/prisma/client.ts';
import type { GoalWithNotes } from './goals.ts';
import { standingEvents } from './standing-events.ts';

/** What an export of one young person's plan (FHIR) is made from. */
export type PlanExportSources = {
  events: PathwayEvent[];
  goals: GoalWithNotes[];
  namedWorker: Pick<User, 'id' | 'name' | 'email'> | null;
  agencies: Agency[];
  handover?: Handover & { toAgency: Agency };
};

/**
 * Gathers, in parallel, what an export of a young person's plan is made from: their event log
 * in recorded order, their goals with notes (only when `withGoals`: the caller decides which
 * parts may leave), their named worker, their area's agencies, and the handover it goes with.
 */
export async function gatherPlanExport(
  db: PrismaClient,
  person: YoungPerson,
  options: { withGoals: boolean; handoverId?: string },
): Promise<PlanExportSources> {
  const [events, goals, namedWorker, agencies, handover] = await Promise.all([
    standingEvents(db, person.id),
    options.withGoals
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
    options.handoverId
      ? db.handover.findUnique({ where: { id: options.handoverId }, include: { toAgency: true } })
      : null,
  ]);
  return { events, goals, namedWorker, agencies, handover: handover ?? undefined };
}
