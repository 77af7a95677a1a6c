import type { PathwayEvent, PrismaClient } from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';

/** The events that stand (none withdrawn), in the order they were recorded: what a plan replays. */
export function standingEvents(db: PrismaClient | Tx, youngPersonId: string): Promise<PathwayEvent[]> {
  return db.pathwayEvent.findMany({ where: { youngPersonId, withdrawal: { is: null } }, orderBy: { sequence: 'asc' } });
}
