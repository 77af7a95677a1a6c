import { AppError } from '../errors.ts';
import type { Agency, LocalArea, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';

/** An agency by id, or null. */
export async function findAgency(db: PrismaClient, id: string): Promise<Agency | null> {
  return db.agency.findUnique({ where: { id } });
}

/** The directory: agencies by type then name, of one area and one type when given, within the caller's areas (null: every area). */
export async function listAgencies(
  db: PrismaClient,
  filter: { areaId?: string; type?: string; withinAreas: readonly string[] | null },
): Promise<Agency[]> {
  const { withinAreas, ...where } = filter;
  return db.agency.findMany({
    where: { ...where, ...(withinAreas ? { AND: [{ areaId: { in: [...withinAreas] } }] } : {}) },
    orderBy: [{ type: 'asc' }, { name: 'asc' }],
  });
}

/** The local areas, by name: these only, or (null) every one. */
export async function listLocalAreas(
  db: PrismaClient,
  withinAreas: readonly string[] | null = null,
): Promise<Pick<LocalArea, 'id' | 'code' | 'name' | 'jurisdiction'>[]> {
  return db.localArea.findMany({
    where: withinAreas ? { id: { in: [...withinAreas] } } : {},
    orderBy: { name: 'asc' },
    select: { id: true, code: true, name: true, jurisdiction: true },
  });
}

/** Whether a local area exists. */
export async function localAreaExists(db: PrismaClient, id: string): Promise<boolean> {
  return (await db.localArea.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** What a person types about an agency in the directory. */
export type AgencyDetails = Pick<
  Agency,
  'name' | 'type' | 'odsCode' | 'email' | 'phone' | 'address' | 'website' | 'services' | 'minAge' | 'maxAge'
>;

/** Adds an agency to an area's directory by hand (it has no id in any feed, so no import overwrites it). */
export async function createAgency(
  db: PrismaClient,
  actor: Actor,
  areaId: string,
  details: AgencyDetails,
): Promise<Agency> {
  if (!(await localAreaExists(db, areaId)))
    throw new AppError('invalid', 'areaId: no such local area', { field: 'areaId' });
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.create({ data: { ...details, areaId } });
    await audit(tx, actor, { action: 'create', entityType: 'Agency', entityId: agency.id, detail: { areaId } });
    return agency;
  });
}

/**
 * Changes an agency's details; `not_found` for an agency outside `areaId` (when given: an
 * area's own administrator). An agency from a feed keeps its id there, so the next import
 * still finds it (and then updates what the feed says).
 */
export async function updateAgency(
  db: PrismaClient,
  actor: Actor,
  areaId: string | null,
  id: string,
  changes: Partial<AgencyDetails>,
): Promise<Agency> {
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findFirst({ where: { id, ...(areaId ? { areaId } : {}) } });
    if (!agency) throw new AppError('not_found', 'No such agency.');
    const changed = await tx.agency.update({ where: { id }, data: changes });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'Agency',
      entityId: id,
      detail: { fields: Object.keys(changes) },
    });
    return changed;
  });
}
