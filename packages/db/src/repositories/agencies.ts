import type { Agency, LocalArea, PrismaClient } from '../generated/prisma/client.ts';

/** An agency as a local offer describes it: matched to ours by its id in that offer. */
export type AgencyFromOffer = Pick<
  Agency,
  'externalId' | 'name' | 'type' | 'email' | 'phone' | 'website' | 'services' | 'minAge' | 'maxAge'
> & { externalId: string };

/** An agency by id, or null. */
export async function findAgency(db: PrismaClient, id: string): Promise<Agency | null> {
  return db.agency.findUnique({ where: { id } });
}

/** The directory: agencies by type then name, of one area and one type when given. */
export async function listAgencies(db: PrismaClient, filter: { areaId?: string; type?: string }): Promise<Agency[]> {
  return db.agency.findMany({ where: filter, orderBy: [{ type: 'asc' }, { name: 'asc' }] });
}

/** Every local area, by name. */
export async function listLocalAreas(
  db: PrismaClient,
): Promise<Pick<LocalArea, 'id' | 'code' | 'name' | 'jurisdiction'>[]> {
  return db.localArea.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, code: true, name: true, jurisdiction: true },
  });
}

/** Whether a local area exists. */
export async function localAreaExists(db: PrismaClient, id: string): Promise<boolean> {
  return (await db.localArea.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/**
 * Creates or updates an area's agencies from a local offer, all or nothing. Each is matched on
 * its id in the offer, never on its name (a line named like the statutory adult social care
 * team must not overwrite that team's details); an update keeps the services already listed.
 */
export async function importAgencies(
  db: PrismaClient,
  areaId: string,
  agencies: readonly AgencyFromOffer[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    for (const agency of agencies) {
      const existing = await tx.agency.findFirst({ where: { areaId, externalId: agency.externalId } });
      if (existing) {
        await tx.agency.update({
          where: { id: existing.id },
          data: { ...agency, services: [...new Set([...existing.services, ...agency.services])] },
        });
        updated++;
      } else {
        await tx.agency.create({ data: { ...agency, areaId } });
        created++;
      }
    }
  });
  return { created, updated };
}
