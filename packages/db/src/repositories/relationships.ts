import type { Agency, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { FAMILY_ACCESS } from './consents.ts';

/**
 * The facts the access rules ask about a young person and a caller: the record itself, a
 * parent's or carer's link, the young person's agreements, and handovers sent. Whether those
 * facts let the caller in is decided in one place, in the API (`access.ts`); this module only
 * reads them.
 */

/** A young person's record by id, or null. */
export async function findYoungPerson(db: PrismaClient, id: string): Promise<YoungPerson | null> {
  return db.youngPerson.findUnique({ where: { id } });
}

/** The record a young person's own account is linked to, as a list: empty when it is linked to none. */
export async function ownRecord(db: PrismaClient, youngPersonId: string | null): Promise<YoungPerson[]> {
  const person = youngPersonId ? await findYoungPerson(db, youngPersonId) : null;
  return person ? [person] : [];
}

/** Whether a user is linked to a young person as their parent or carer. */
export async function isLinkedCarer(db: PrismaClient, userId: string, youngPersonId: string): Promise<boolean> {
  const link = await db.carerLink.findUnique({ where: { userId_youngPersonId: { userId, youngPersonId } } });
  return link !== null;
}

/** Whether a young person has agreed (and not withdrawn) that their family may see their plan. */
export async function hasFamilyAccessAgreement(db: PrismaClient, youngPersonId: string): Promise<boolean> {
  const consent = await db.consent.findFirst({ where: { youngPersonId, scope: FAMILY_ACCESS, withdrawnAt: null } });
  return consent !== null;
}

/** Whether a handover of a young person has been sent (not a draft) to an agency that serves their own area. */
export async function hasHandoverSentTo(db: PrismaClient, person: YoungPerson, agencyId: string): Promise<boolean> {
  const sent = await db.handover.count({
    where: {
      youngPersonId: person.id,
      toAgencyId: agencyId,
      toAgency: { areaId: person.areaId },
      status: { not: 'draft' },
    },
  });
  return sent > 0;
}

/**
 * The sharing agreements in force between these young people and an agency: agreements to
 * it or to every agency, of the given scopes, not withdrawn (one query, for an inbox or a feed).
 */
export async function agreementsWith(
  db: PrismaClient,
  youngPersonIds: readonly string[],
  agencyId: string,
  scopes: readonly string[],
): Promise<{ youngPersonId: string; scope: string }[]> {
  return db.consent.findMany({
    where: {
      youngPersonId: { in: [...youngPersonIds] },
      withdrawnAt: null,
      scope: { in: [...scopes] },
      OR: [{ agencyId }, { agencyId: null }],
    },
    select: { youngPersonId: true, scope: true },
  });
}

/** The young people a worker is the named worker of, in their own area. */
export async function youngPeopleOfNamedWorker(
  db: PrismaClient,
  userId: string,
  areaId: string,
): Promise<YoungPerson[]> {
  return db.youngPerson.findMany({ where: { namedWorkerId: userId, areaId } });
}

/** The young people a parent or carer is linked to, by first name (whether they may still see each is the access rules' call). */
export async function youngPeopleLinkedToCarer(db: PrismaClient, userId: string): Promise<YoungPerson[]> {
  const links = await db.carerLink.findMany({
    where: { userId },
    include: { youngPerson: true },
    orderBy: { youngPerson: { givenName: 'asc' } },
  });
  return links.map((link) => link.youngPerson);
}

/** The young people whose handover has been sent to an agency, of the agency's own area. */
export async function youngPeopleHandedOverTo(db: PrismaClient, agency: Agency): Promise<YoungPerson[]> {
  const handovers = await db.handover.findMany({
    where: { toAgencyId: agency.id, status: { not: 'draft' }, youngPerson: { areaId: agency.areaId } },
    include: { youngPerson: true },
  });
  return handovers.map((handover) => handover.youngPerson);
}
