import { AppError } from '../errors.ts';
import type { Notification, PrismaClient } from '../generated/prisma/client.ts';
import { auditList, type Actor } from './actor.ts';

/** A reminder with the name of the young person it is about. */
export type NotificationWithPerson = Notification & {
  youngPerson: { givenName: string; preferredName: string | null; familyName: string };
  reviewAction: { reviewId: string } | null;
};

/** How many of a person's reminders a list shows at most: the newest. */
const LATEST = 100;

/**
 * A person's newest reminders and how many are unread. It names young people, so each one
 * shown is audited as viewed by this person.
 */
export async function listNotifications(options: {
  db: PrismaClient;
  actor: Actor & { userId: string };
  /** Only reminders about these young people (those the person may still see), when given. */
  onlyAbout?: readonly string[];
}): Promise<{ rows: NotificationWithPerson[]; unread: number }> {
  const { db, actor } = options;
  const where = {
    userId: actor.userId,
    ...(options.onlyAbout ? { youngPersonId: { in: [...options.onlyAbout] } } : {}),
  };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { onDate: 'desc' }],
      take: LATEST,
      include: {
        youngPerson: { select: { givenName: true, preferredName: true, familyName: true } },
        reviewAction: { select: { reviewId: true } },
      },
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  await auditList(
    db,
    actor,
    'Notification',
    rows.map((row) => row.youngPersonId),
    { count: rows.length },
  );
  return { rows, unread };
}

/** Marks one of a person's own reminders read (again is fine: it stays read from the first time); someone else's is `not_found`. */
export async function markNotificationRead(options: {
  db: PrismaClient;
  userId: string;
  id: string;
  now: Date;
}): Promise<{ id: string; readAt: Date }> {
  const { db, userId, id, now } = options;
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  const row = await db.notification.findFirst({ where: { id, userId } });
  if (!row?.readAt) throw new AppError('not_found', 'No such reminder.');
  return { id: row.id, readAt: row.readAt };
}
