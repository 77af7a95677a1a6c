import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  displayName,
  isContributorRole,
  isoDay,
  listNotifications,
  markNotificationRead,
  youngPeopleLinkedToContributor,
} from '@pathways/db';
import { milestoneRule } from '@pathways/engine';
import { visibleAmong } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, json } from './schemas.ts';

const NOTIFICATION_KINDS = [
  'window_opens',
  'overdue',
  'named_worker',
  'review_invitation',
  'advice_late',
  'action_assigned',
  'action_late',
] as const;

/** In-app reminders from the daily job (a milestone's window opened, or it became late), and notices of a new named worker. */
const ZNotification = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    youngPersonName: z.string(),
    milestoneId: z.string().nullable(),
    milestoneTitle: z.string().nullable(),
    kind: z.enum(NOTIFICATION_KINDS),
    reviewId: z
      .string()
      .nullable()
      .openapi({ description: 'The review a notice is about (an invitation, late advice, an action agreed at it)' }),
    workerName: z.string().nullable().openapi({ description: 'For "named_worker": who the new named worker is' }),
    onDate: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listNotifications',
  tags: ['Reminders'],
  summary: 'Your reminders, newest first (the latest 100), and how many are unread',
  middleware: [requireRole()] as const,
  responses: {
    200: json(z.object({ unread: z.number().int(), items: z.array(ZNotification) }), 'Reminders'),
    ...errorResponses(401),
  },
});
const markRead = createRoute({
  method: 'post',
  path: '/{notificationId}/read',
  operationId: 'markNotificationRead',
  tags: ['Reminders'],
  summary: 'Mark one of your reminders as read',
  middleware: [requireRole()] as const,
  request: {
    params: z.object({ notificationId: z.uuid().openapi({ param: { name: 'notificationId', in: 'path' } }) }),
  },
  responses: { 200: json(z.object({ id: z.string(), readAt: z.string() }), 'Read'), ...errorResponses(401, 404) },
});

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const services = c.get('services');
    const { db } = services;
    const user = signedInUser(c);
    // Another agency's reminders name young people it may have stopped seeing (an agreement
    // withdrawn, a link ended): only those it may see today are shown.
    const onlyAbout = isContributorRole(user.role)
      ? (await visibleAmong(db, user, await youngPeopleLinkedToContributor(db, user.id), today(services))).map(
          (person) => person.id,
        )
      : undefined;
    const { rows, unread } = await listNotifications({ db, actor: { userId: user.id, role: user.role }, onlyAbout });
    return c.json(
      {
        unread,
        items: rows.map((row) => ({
          id: row.id,
          youngPersonId: row.youngPersonId,
          youngPersonName: displayName(row.youngPerson),
          milestoneId: row.milestoneId,
          milestoneTitle: row.milestoneId
            ? (milestoneRule(row.milestoneId, readerLanguage(c))?.staffTitle ?? row.milestoneId)
            : null,
          kind: row.kind as (typeof NOTIFICATION_KINDS)[number],
          reviewId: row.reviewId ?? row.reviewAction?.reviewId ?? null,
          workerName: row.workerName,
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
    const read = await markNotificationRead({
      db,
      userId: signedInUser(c).id,
      id: c.req.valid('param').notificationId,
      now: now(),
    });
    return c.json({ id: read.id, readAt: read.readAt.toISOString() }, 200);
  });
