import { AppError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Actor, Tx } from './actor.ts';

/** Who may be a young person's named worker: a transition worker or team manager of their area, whose account is active. */
export const NAMED_WORKER_ROLES = ['transition_worker', 'team_manager'] as const;

export type NamedWorker = {
  id: string;
  name: string;
  email: string;
  role: string;
  caseload: number;
  /** False for a worker whose account is closed but who is still named worker of someone: their caseload is to hand over. */
  isActive: boolean;
};

/**
 * The staff of an area who can be named workers, by name, each with how many young people
 * they are named worker of; and anyone whose account is closed while young people still
 * name them (a leaver whose caseload has not been handed over yet).
 */
export async function listNamedWorkers(db: PrismaClient, areaId: string): Promise<NamedWorker[]> {
  const rows = await db.user.findMany({
    where: {
      areaId,
      role: { in: [...NAMED_WORKER_ROLES] },
      OR: [{ disabledAt: null }, { caseload: { some: { areaId } } }],
    },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      _count: { select: { caseload: { where: { areaId } } } },
    },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
  return rows.map(({ _count, disabledAt, ...worker }) => ({
    ...worker,
    caseload: _count.caseload,
    isActive: disabledAt === null,
  }));
}

/**
 * Fails with `invalid` naming `namedWorkerId` unless it is staff of the area who can be a
 * named worker. Another area's worker, a commissioner or a young person is "no such worker"
 * too: the answer must not tell the caller who exists elsewhere.
 */
export async function checkNamedWorker(
  tx: Tx,
  areaId: string,
  namedWorkerId: string | null | undefined,
): Promise<void> {
  if (!namedWorkerId) return;
  const worker = await tx.user.findFirst({
    where: { id: namedWorkerId, areaId, role: { in: [...NAMED_WORKER_ROLES] }, disabledAt: null },
    select: { id: true },
  });
  if (!worker)
    throw new AppError('invalid', 'namedWorkerId: no transition worker or team manager of this area has that id', {
      field: 'namedWorkerId',
    });
}

/**
 * Fails with `invalid` naming `fromWorkerId` unless it is staff of the area who can be a named
 * worker, their account open or closed (a leaver's caseload is handed over after they go).
 */
async function checkFormerWorker(tx: Tx, areaId: string, fromWorkerId: string): Promise<void> {
  const worker = await tx.user.findFirst({
    where: { id: fromWorkerId, areaId, role: { in: [...NAMED_WORKER_ROLES] } },
    select: { id: true },
  });
  if (!worker)
    throw new AppError('invalid', 'fromWorkerId: no transition worker or team manager of this area has that id', {
      field: 'fromWorkerId',
    });
}

/** Whose young people move: these records, or everyone a worker (who may be leaving) is named worker of. */
export type WhoMoves = { youngPersonIds: readonly string[] } | { fromWorkerId: string };

/**
 * Makes `namedWorkerId` (or nobody) the named worker of several young people of one area at
 * once, all or nothing: every id must be a young person of the area (else `invalid` naming
 * `youngPersonIds`, nothing changed). Each record moves to its next version (an edit begun
 * before now meets a conflict, not a silent overwrite), the caseload's copy follows, each
 * young person's own account and family are told who their new worker is, and each move is
 * audited. Young people who already had that worker are left alone.
 */
export async function assignNamedWorker(options: {
  db: PrismaClient;
  actor: Actor;
  areaId: string;
  who: WhoMoves;
  namedWorkerId: string | null;
  today: string;
}): Promise<{ moved: number; unchanged: number }> {
  const { actor, areaId, who, namedWorkerId } = options;
  return options.db.$transaction(async (tx) => {
    await checkNamedWorker(tx, areaId, namedWorkerId);
    if ('fromWorkerId' in who) await checkFormerWorker(tx, areaId, who.fromWorkerId);
    const people =
      'fromWorkerId' in who
        ? await tx.youngPerson.findMany({ where: { areaId, namedWorkerId: who.fromWorkerId }, select: PERSON })
        : await tx.youngPerson.findMany({
            where: { areaId, id: { in: [...new Set(who.youngPersonIds)] } },
            select: PERSON,
          });
    if ('youngPersonIds' in who && people.length !== new Set(who.youngPersonIds).size)
      throw new AppError('invalid', 'youngPersonIds: not every id is a young person of your area', {
        field: 'youngPersonIds',
      });
    const moving = people.filter((person) => person.namedWorkerId !== namedWorkerId);
    if (moving.length === 0) return { moved: 0, unchanged: people.length };
    const ids = moving.map((person) => person.id);
    await tx.youngPerson.updateMany({
      where: { id: { in: ids } },
      data: { namedWorkerId, version: { increment: 1 } },
    });
    await tx.milestone.updateMany({ where: { youngPersonId: { in: ids } }, data: { namedWorkerId } });
    const worker = namedWorkerId
      ? await tx.user.findUniqueOrThrow({ where: { id: namedWorkerId }, select: { name: true } })
      : null;
    if (worker) await tellFamilies(tx, ids, worker.name, options.today);
    await tx.auditEntry.createMany({
      data: moving.map((person) => ({
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'assign_named_worker',
        entityType: 'YoungPerson',
        entityId: person.id,
        youngPersonId: person.id,
        detail: { from: person.namedWorkerId, to: namedWorkerId },
      })),
    });
    return { moved: moving.length, unchanged: people.length - moving.length };
  });
}

const PERSON = { id: true, namedWorkerId: true } as const;

/**
 * A notice to each young person's own account and to each linked parent or carer: who their
 * new named worker is. (Whether a parent may still see the plan is the access rules' call
 * when they open it; the notice names only the worker.)
 */
async function tellFamilies(tx: Tx, youngPersonIds: string[], workerName: string, today: string): Promise<void> {
  const [own, carers] = await Promise.all([
    tx.user.findMany({
      where: { youngPersonId: { in: youngPersonIds }, disabledAt: null },
      select: { id: true, youngPersonId: true },
    }),
    tx.carerLink.findMany({
      where: { youngPersonId: { in: youngPersonIds }, user: { disabledAt: null } },
      select: { userId: true, youngPersonId: true },
    }),
  ]);
  const onDate = new Date(`${today}T00:00:00Z`);
  const notices = [
    ...own.map((user) => ({ userId: user.id, youngPersonId: user.youngPersonId as string })),
    ...carers.map((link) => ({ userId: link.userId, youngPersonId: link.youngPersonId })),
  ].map((notice) => ({ ...notice, kind: 'named_worker', workerName, onDate }));
  if (notices.length > 0) await tx.notification.createMany({ data: notices });
}

/** Tells one young person and their family who their new named worker is (a change made on their record). */
export async function tellFamilyOfNewWorker(
  tx: Tx,
  youngPersonId: string,
  namedWorkerId: string,
  today: string,
): Promise<void> {
  const worker = await tx.user.findUniqueOrThrow({ where: { id: namedWorkerId }, select: { name: true } });
  await tellFamilies(tx, [youngPersonId], worker.name, today);
}
