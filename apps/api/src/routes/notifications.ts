import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, audit, displayName, isoDay } from '@pathways/db';
import { milestoneRule } from '@pathways/engine';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

/** In-app reminders from the daily job: a milestone's window opened, or it became late. */
const ZNotification = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    youngPersonName: z.string(),
    milestoneId: z.string(),
    milestoneTitle: z.string(),
    kind: z.enum(['window_opens', 'overdue']),
    onDate: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const list = createRoute({
  method: 'get', path: '/api/notifications', operationId: 'listNotifications', tags: ['Reminders'], summary: 'Your reminders, newest first (the latest 100), and how many are unread',
  middleware: [requireRole()] as const,
  responses: { 200: json(z.object({ unread: z.number().int(), items: z.array(ZNotification) }), 'Reminders'), ...errorResponses(401) },
});
const markRead = createRoute({
  method: 'post', path: '/api/notifications/{notificationId}/read', operationId: 'markNotificationRead', tags: ['Reminders'], summary: 'Mark one of your reminders as read',
  middleware: [requireRole()] as const,
  request: { params: z.object({ notificationId: z.uuid().openapi({ param: { name: 'notificationId', in: 'path' } }) }) },
  responses: { 200: json(z.object({ id: z.string(), readAt: z.string() }), 'Read'), ...errorResponses(401, 404) },
});

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const [rows, unread] = await Promise.all([
      db.notification.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: 'desc' }, { onDate: 'desc' }], take: 100, include: { youngPerson: { select: { givenName: true, preferredName: true, familyName: true } } } }),
      db.notification.count({ where: { userId: user.id, readAt: null } }),
    ]);
    await audit(db, { userId: user.id, role: user.role }, { action: 'list', entityType: 'Notification', detail: { count: rows.length } });
    return c.json(
      {
        unread,
        items: rows.map((row) => ({
          id: row.id,
          youngPersonId: row.youngPersonId,
          youngPersonName: displayName(row.youngPerson),
          milestoneId: row.milestoneId,
          milestoneTitle: milestoneRule(row.milestoneId)?.title ?? row.milestoneId,
          kind: row.kind as 'window_opens' | 'overdue',
          onDate: isoDay(row.onDate),
          createdAt: row.createdAt.toISOString(),
          readAt: row.readAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  })
  .openapi(markRead, async (c) => {
    const { db, now } = c.get('services');
    const user = signedInUser(c);
    const id = c.req.valid('param').notificationId;
    const { count } = await db.notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: now() } });
    const row = await db.notification.findFirst({ where: { id, userId: user.id } });
    if (!row || (count === 0 && !row.readAt)) throw new AppError('not_found', 'No such reminder.');
    return c.json({ id: row.id, readAt: (row.readAt as Date).toISOString() }, 200);
  });
