import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CONTRIBUTOR_ROLES,
  activeAccountUser,
  addReviewAction,
  AppError,
  changeReviewAction,
  findAgency,
  findReview,
  findReviewAction,
  findYoungPerson,
  isoDay,
  listOwnedActions,
  ZActionStatus,
  type ActionOwner,
  type PrismaClient,
  type SessionUser,
} from '@pathways/db';
import { addDays, displayName, isoToDay, reviewKindOf, toIsoDate } from '@pathways/engine';
import { areasOf, canChangeYoungPerson, canSeeYoungPerson, visibleParts } from '../access.ts';
import { pathwayVisible } from '../sharing.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { requireCanSee, reviewOfRequest } from '../reviews/review-access.ts';
import { presentAction, ZReview, ZReviewActionView } from '../reviews/review-view.ts';
import { reviewAnswer, ZReviewParam } from './reviews.ts';
import { errorResponses, json, ZVersionNumber } from './schemas.ts';

const ZOwner = z
  .object({
    userId: z
      .uuid()
      .optional()
      .openapi({ description: 'A person with an account (who must be able to see the record)' }),
    agencyId: z.uuid().optional().openapi({ description: 'An agency of the young person’s area' }),
    name: z.string().trim().min(1).max(200).optional().openapi({ description: 'Anyone else, by name' }),
  })
  .strict()
  .refine((owner) => [owner.userId, owner.agencyId, owner.name].filter(Boolean).length === 1, {
    message: 'give one of userId, agencyId or name',
  });

const add = createRoute({
  method: 'post',
  path: '/{reviewId}/actions',
  operationId: 'addReviewAction',
  tags: ['Reviews'],
  summary: 'Add an action agreed at the meeting: what, who (a person or an agency) and by when',
  middleware: [requireRole('transition_worker', 'team_manager')] as const,
  request: {
    params: ZReviewParam,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ description: z.string().trim().min(1).max(2000), owner: ZOwner, dueOn: z.iso.date() })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(ZReview, 'The review with the action'), ...errorResponses(400, 401, 403, 404, 422) },
});

const ZOwnedAction = ZReviewActionView.extend({
  youngPersonName: z.string(),
  reviewKind: z.string(),
  meetingDate: z.string(),
}).openapi('OwnedAction');

const mine = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listMyActions',
  tags: ['Reviews'],
  summary: 'Actions you (or your agency) own: open ones, and those done in the last month',
  middleware: [
    requireRole(
      'transition_worker',
      'team_manager',
      'adult_services',
      ...CONTRIBUTOR_ROLES,
      'young_person',
      'parent_carer',
    ),
  ] as const,
  responses: { 200: json(z.object({ items: z.array(ZOwnedAction) }), 'Your actions'), ...errorResponses(401, 403) },
});
const change = createRoute({
  method: 'patch',
  path: '/{actionId}',
  operationId: 'changeReviewAction',
  tags: ['Reviews'],
  summary: 'Move an action on (its owner, or staff of the young person’s area), naming the version you read',
  middleware: [requireRole()] as const,
  request: {
    params: z.object({ actionId: z.uuid().openapi({ param: { name: 'actionId', in: 'path' } }) }),
    body: {
      content: {
        'application/json': { schema: z.object({ version: ZVersionNumber, status: ZActionStatus }).strict() },
      },
      required: true,
    },
  },
  responses: { 200: json(ZReviewActionView, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
});

/**
 * Whether someone may still see an action about a young person: the record (by role and
 * relationship), and the part of the plan its review belongs to (adult services only with
 * that agreed). The young person's record when they may.
 */
async function mayStillSee(
  db: PrismaClient,
  user: SessionUser,
  youngPersonId: string,
  reviewKind: string,
  day: string,
) {
  const person = await findYoungPerson(db, youngPersonId);
  if (!person || !(await canSeeYoungPerson(db, user, person, day))) return null;
  const kind = reviewKindOf(person.jurisdiction, reviewKind);
  return kind && pathwayVisible(await visibleParts(db, user, person.id), kind.pathway) ? person : null;
}

/** Mounted at `/api/reviews` (see app.ts). */
export const reviewActionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(add, async (c) => {
  const access = await reviewOfRequest(c, c.req.valid('param').reviewId, 'change');
  const { description, owner, dueOn } = c.req.valid('json');
  const { db } = access.services;
  let resolved: ActionOwner;
  if (owner.userId) {
    const account = await requireCanSee(c, await activeAccountUser(db, owner.userId), access, 'owner.userId');
    resolved = { userId: account.id, name: account.name };
  } else if (owner.agencyId) {
    const agency = await findAgency(db, owner.agencyId);
    if (!agency || agency.areaId !== access.person.areaId)
      throw new AppError('invalid', 'owner.agencyId: no such agency in this young person’s area', {
        field: 'owner.agencyId',
      });
    resolved = { agencyId: agency.id, name: agency.name };
  } else resolved = { name: owner.name as string };
  const review = await addReviewAction({
    db,
    actor: { userId: access.user.id, role: access.user.role },
    review: access.review,
    description,
    owner: resolved,
    dueOn,
    today: access.day,
  });
  return c.json(reviewAnswer(c, { ...access, review }), 201);
});

/** Mounted at `/api/actions` (see app.ts). */
export const actionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(mine, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const day = today(services);
    const owned = await listOwnedActions({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      agencyId: user.agencyId,
      areaIds: await areasOf(services.db, user),
      since: toIsoDate(addDays(isoToDay(day), -31)),
    });
    // Owning an action is no way round the record's own access rules (a withdrawn agreement, a 16th birthday).
    const items = [];
    for (const action of owned) {
      if (!(await mayStillSee(services.db, user, action.youngPersonId, action.review.kind, day))) continue;
      items.push({
        ...presentAction(action, user, day),
        youngPersonName: displayName(action.youngPerson),
        reviewKind: action.review.kind,
        meetingDate: isoDay(action.review.meetingDate),
      });
    }
    return c.json({ items }, 200);
  })
  .openapi(change, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const day = today(services);
    const action = await findReviewAction(services.db, c.req.valid('param').actionId);
    const person = await mayStillSee(
      services.db,
      user,
      action.youngPersonId,
      (await findReview(services.db, action.reviewId)).kind,
      day,
    );
    if (!person) throw new AppError('not_found', 'No such action.');
    const owns = action.ownerUserId === user.id || (!!action.ownerAgencyId && action.ownerAgencyId === user.agencyId);
    if (!owns && !canChangeYoungPerson(user, person))
      throw new AppError('forbidden', 'Only the action’s owner or the young person’s area’s staff can change it.');
    const { version, status } = c.req.valid('json');
    const changed = await changeReviewAction({
      db: services.db,
      actor: { userId: user.id, role: user.role },
      action,
      version,
      status,
      today: day,
    });
    return c.json(presentAction(changed, user, day), 200);
  });
