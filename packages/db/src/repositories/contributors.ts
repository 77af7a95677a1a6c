import { AppError } from '../errors.ts';
import type { PrismaClient, Role, YoungPerson } from '../generated/prisma/client.ts';
import { CONTRIBUTOR_ROLES, isContributorRole } from './accounts.ts';
import { audit, type Actor } from './actor.ts';

/** Someone from another agency linked to a young person, as the young person's staff see them. */
export type Contributor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  agencyType: string | null;
  /** When they were linked to this young person; null in a list of the area's contributors. */
  linkedAt: Date | null;
};

/** Whether a contributor is linked to a young person. */
export async function isLinkedContributor(db: PrismaClient, userId: string, youngPersonId: string): Promise<boolean> {
  const link = await db.contributorLink.findUnique({ where: { userId_youngPersonId: { userId, youngPersonId } } });
  return link !== null;
}

/** The other agencies' staff linked to a young person, by name. */
export async function contributorsOf(db: PrismaClient, youngPersonId: string): Promise<Contributor[]> {
  const links = await db.contributorLink.findMany({
    where: { youngPersonId },
    include: { user: { include: { agency: { select: { name: true, type: true } } } } },
    orderBy: { user: { name: 'asc' } },
  });
  return links.map(({ user, linkedAt }) => contributorOf(user, linkedAt));
}

/** Someone from another agency, as lists show them. */
function contributorOf(
  user: {
    id: string;
    name: string;
    email: string;
    role: Role;
    agencyId: string | null;
    agency: { name: string; type: string } | null;
  },
  linkedAt: Date | null,
): Contributor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
    agencyType: user.agency?.type ?? null,
    linkedAt,
  };
}

/** The young people a contributor is linked to, by given name. */
export async function youngPeopleLinkedToContributor(db: PrismaClient, userId: string): Promise<YoungPerson[]> {
  const links = await db.contributorLink.findMany({
    where: { userId },
    include: { youngPerson: true },
    orderBy: { youngPerson: { givenName: 'asc' } },
  });
  return links.map((link) => link.youngPerson);
}

/**
 * Links someone from another agency to a young person: an active account with a contributor
 * role, of an agency in the young person's own area (anyone else is "no such person", never
 * "not yours"). Linking twice changes nothing.
 */
export async function linkContributor(
  db: PrismaClient,
  actor: Actor,
  person: YoungPerson,
  userId: string,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { agency: true } });
  if (!user || user.disabledAt || !isContributorRole(user.role) || user.agency?.areaId !== person.areaId)
    throw new AppError('invalid', 'userId: no such person from another agency in this area', { field: 'userId' });
  await db.$transaction(async (tx) => {
    await tx.contributorLink.upsert({
      where: { userId_youngPersonId: { userId, youngPersonId: person.id } },
      create: { userId, youngPersonId: person.id, linkedById: actor.userId },
      update: {},
    });
    await audit(tx, actor, {
      action: 'link',
      entityType: 'ContributorLink',
      entityId: userId,
      youngPersonId: person.id,
    });
  });
}

/** Ends a contributor's link to a young person (they see the record no more). */
export async function unlinkContributor(
  db: PrismaClient,
  actor: Actor,
  person: YoungPerson,
  userId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.contributorLink.deleteMany({ where: { userId, youngPersonId: person.id } });
    if (count === 0) throw new AppError('not_found', 'This person is not linked to this young person.');
    await audit(tx, actor, {
      action: 'unlink',
      entityType: 'ContributorLink',
      entityId: userId,
      youngPersonId: person.id,
    });
  });
}

/**
 * Active contributors of an area who could be linked: the people a worker chooses from.
 */
export async function contributorsOfArea(db: PrismaClient, areaId: string): Promise<Contributor[]> {
  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      role: { in: [...CONTRIBUTOR_ROLES] },
      agency: { areaId },
    },
    include: { agency: { select: { name: true, type: true } } },
    orderBy: { name: 'asc' },
    take: 1000,
  });
  return users.map((user) => contributorOf(user, null));
}
