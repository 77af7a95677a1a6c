import { ACTION_STATUSES } from '@pathways/engine';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Prisma, PrismaClient, ReviewAction } from '../generated/prisma/client.ts';
import { audit, auditList, type Actor } from './actor.ts';
import { findReview, type ReviewWithParts } from './review-records.ts';
import { dateColumn } from './young-person-profile.ts';

/** Who does an action: someone with an account, an agency of the young person's area, or anyone by name. */
export type ActionOwner = { userId: string; name: string } | { agencyId: string; name: string } | { name: string };

export const ZActionStatus = z.enum(ACTION_STATUSES);

/**
 * Adds an action agreed at a review. An owner with an account is told in the app (and sees it
 * on their caseload); the route has checked that they may see the young person, or that the
 * agency is in the young person's area.
 */
export async function addReviewAction(options: {
  db: PrismaClient;
  actor: Actor;
  review: ReviewWithParts;
  description: string;
  owner: ActionOwner;
  dueOn: string;
  today: string;
}): Promise<ReviewWithParts> {
  const { db, actor, review, description, owner, dueOn, today } = options;
  if (review.status === 'cancelled') throw new AppError('unprocessable', 'This review was cancelled.');
  if (review.status === 'planned')
    throw new AppError('unprocessable', 'Record the meeting first: actions are what it agreed.');
  if (dueOn < today) throw new AppError('invalid', 'dueOn: must be today or later', { field: 'dueOn' });
  return db.$transaction(async (tx) => {
    const created = await tx.reviewAction.create({
      data: {
        reviewId: review.id,
        youngPersonId: review.youngPersonId,
        description,
        ownerName: owner.name,
        ownerUserId: 'userId' in owner ? owner.userId : null,
        ownerAgencyId: 'agencyId' in owner ? owner.agencyId : null,
        dueOn: dateColumn(dueOn),
      },
    });
    if ('userId' in owner && owner.userId !== actor.userId)
      await tx.notification.create({
        data: {
          userId: owner.userId,
          youngPersonId: review.youngPersonId,
          reviewActionId: created.id,
          kind: 'action_assigned',
          onDate: dateColumn(dueOn),
        },
      });
    await audit(tx, actor, {
      action: 'create',
      entityType: 'ReviewAction',
      entityId: created.id,
      youngPersonId: review.youngPersonId,
    });
    return findReview(tx, review.id);
  });
}

/** One action, or `not_found`. */
export async function findReviewAction(db: PrismaClient, id: string): Promise<ReviewAction> {
  const action = await db.reviewAction.findUnique({ where: { id } });
  if (!action) throw new AppError('not_found', 'No such action.');
  return action;
}

/** Moves an action on (started, done, or back), if still at `version`; done records the day. */
export async function changeReviewAction(options: {
  db: PrismaClient;
  actor: Actor;
  action: ReviewAction;
  version: number;
  status: z.infer<typeof ZActionStatus>;
  today: string;
}): Promise<ReviewAction> {
  const { db, actor, action, version, status, today } = options;
  return db.$transaction(async (tx) => {
    const { count } = await tx.reviewAction.updateMany({
      where: { id: action.id, version },
      data: {
        status,
        doneOn: status === 'done' ? dateColumn(today) : null,
        doneById: status === 'done' ? actor.userId : null,
        version: { increment: 1 },
      },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this action; reload it and try again.', {
        currentVersion: action.version,
      });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'ReviewAction',
      entityId: action.id,
      youngPersonId: action.youngPersonId,
      detail: { status },
    });
    return tx.reviewAction.findUniqueOrThrow({ where: { id: action.id } });
  });
}

export type OwnedAction = ReviewAction & {
  youngPerson: { givenName: string; familyName: string; preferredName: string | null };
  review: { kind: string; meetingDate: Date };
};

/**
 * The actions a person owns, or their agency does, not yet done (and those done in the last
 * month), soonest due first: their caseload's "agreed actions". Audited as a list.
 */
export async function listOwnedActions(options: {
  db: PrismaClient;
  actor: Actor & { userId: string };
  agencyId: string | null;
  /** Only actions about young people of these areas (a person's access still applies). */
  areaIds: string[] | null;
  since: string;
}): Promise<OwnedAction[]> {
  const { db, actor, agencyId, areaIds, since } = options;
  const owner: Prisma.ReviewActionWhereInput[] = [
    { ownerUserId: actor.userId },
    ...(agencyId ? [{ ownerAgencyId: agencyId }] : []),
  ];
  const actions = await db.reviewAction.findMany({
    where: {
      OR: owner,
      AND: [{ OR: [{ status: { not: 'done' } }, { doneOn: { gte: dateColumn(since) } }] }],
      ...(areaIds ? { youngPerson: { areaId: { in: areaIds } } } : {}),
    },
    include: {
      youngPerson: { select: { givenName: true, familyName: true, preferredName: true } },
      review: { select: { kind: true, meetingDate: true } },
    },
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 500,
  });
  await auditList(
    db,
    actor,
    'ReviewAction',
    actions.map((action) => action.youngPersonId),
  );
  return actions;
}

/** A young person's actions still to do (for the services that can help with each). */
export async function openActionsOf(
  db: PrismaClient,
  youngPersonId: string,
): Promise<Pick<ReviewAction, 'id' | 'description'>[]> {
  return db.reviewAction.findMany({
    where: { youngPersonId, status: { not: 'done' } },
    select: { id: true, description: true },
    orderBy: { dueOn: 'asc' },
  });
}
