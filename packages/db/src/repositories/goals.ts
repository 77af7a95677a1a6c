import { AppError } from '../errors.ts';
import type { Goal, GoalProgressNote, GoalStatus, OutcomeArea, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';

/** A goal with its progress notes, oldest first. */
export type GoalWithNotes = Goal & { notes: GoalProgressNote[] };

const WITH_NOTES = { notes: { orderBy: { createdAt: 'asc' as const } } };

/** A young person's goals in the order they were set, audited as read. */
export async function listGoals(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
}): Promise<GoalWithNotes[]> {
  const goals = await options.db.goal.findMany({
    where: { youngPersonId: options.youngPersonId },
    include: WITH_NOTES,
    orderBy: { createdAt: 'asc' },
  });
  await audit(options.db, options.actor, { action: 'read', entityType: 'Goal', youngPersonId: options.youngPersonId });
  return goals;
}

/** One goal, or `not_found`. */
export async function getGoal(db: PrismaClient, goalId: string): Promise<Goal> {
  const goal = await db.goal.findUnique({ where: { id: goalId } });
  if (!goal) throw new AppError('not_found', 'No such goal.');
  return goal;
}

/** Adds a goal in the young person's words, audited, in one transaction. */
export async function addGoal(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
  text: string;
  outcomeArea: OutcomeArea;
}): Promise<GoalWithNotes> {
  const { db, actor, youngPersonId, text, outcomeArea } = options;
  return db.$transaction(async (tx) => {
    const created = await tx.goal.create({
      data: { youngPersonId, text, outcomeArea, createdById: actor.userId },
      include: WITH_NOTES,
    });
    await audit(tx, actor, { action: 'create', entityType: 'Goal', entityId: created.id, youngPersonId });
    return created;
  });
}

/** Changes a goal's words or status if nobody else has since `version` (otherwise `conflict` with the current version). */
export async function changeGoal(options: {
  db: PrismaClient;
  actor: Actor;
  goal: Goal;
  version: number;
  changes: { text?: string; status?: GoalStatus };
}): Promise<GoalWithNotes> {
  const { db, actor, goal, version, changes } = options;
  return db.$transaction(async (tx) => {
    const { count } = await tx.goal.updateMany({
      where: { id: goal.id, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this goal; reload it and try again.', {
        currentVersion: goal.version,
      });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'Goal',
      entityId: goal.id,
      youngPersonId: goal.youngPersonId,
      detail: { fields: Object.keys(changes) },
    });
    return tx.goal.findUniqueOrThrow({ where: { id: goal.id }, include: WITH_NOTES });
  });
}

/** Records progress on a goal, audited, in one transaction. */
export async function addGoalNote(options: {
  db: PrismaClient;
  actor: Actor;
  goal: Goal;
  note: string;
}): Promise<GoalWithNotes> {
  const { db, actor, goal, note } = options;
  return db.$transaction(async (tx) => {
    await tx.goalProgressNote.create({ data: { goalId: goal.id, note, authorId: actor.userId } });
    await audit(tx, actor, {
      action: 'create',
      entityType: 'GoalProgressNote',
      entityId: goal.id,
      youngPersonId: goal.youngPersonId,
    });
    return tx.goal.findUniqueOrThrow({ where: { id: goal.id }, include: WITH_NOTES });
  });
}
