import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  auditList,
  CONTRIBUTOR_ROLES,
  displayName,
  ownRecord,
  isoDay,
  updateYoungPerson,
  youngPeopleLinkedToCarer,
  youngPeopleLinkedToContributor,
} from '@pathways/db';
import { recordOfRequest, visibleAmong } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam, ZVersionNumber } from './schemas.ts';

/**
 * The young person's and family's side of a record: whose plans they may open, and the
 * "about me / what matters to me" page, which the young person writes in their own words.
 */
const ZOwnPerson = z
  .object({ id: z.string(), name: z.string(), dateOfBirth: z.string(), version: z.number().int() })
  .openapi('OwnYoungPerson');

const mine = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listMyYoungPeople',
  tags: ['Young people'],
  summary:
    'The plans you may open as a young person (your own), a parent or carer, or another agency’s worker (those you are linked to and may see now)',
  middleware: [requireRole('young_person', 'parent_carer', ...CONTRIBUTOR_ROLES)] as const,
  responses: { 200: json(z.object({ items: z.array(ZOwnPerson) }), 'Their records'), ...errorResponses(401, 403) },
});

const aboutMe = createRoute({
  method: 'put',
  path: '/{id}/about-me',
  operationId: 'saveAboutMe',
  tags: ['Young people'],
  summary:
    '“About me / what matters to me”, in the young person’s words (the young person, a parent or carer who may see the plan, or staff of the area); it feeds handover packs',
  middleware: [requireRole('young_person', 'parent_carer', 'transition_worker', 'team_manager')] as const,
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': { schema: z.object({ version: ZVersionNumber, aboutMe: z.string().max(10_000) }) },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ aboutMe: z.string().nullable(), version: z.number().int() }), 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** Mounted at `/api/my-young-people` (see app.ts). */
export const ownRecordRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(mine, async (c) => {
  const services = c.get('services');
  const user = signedInUser(c);
  const people =
    user.role === 'young_person'
      ? await ownRecord(services.db, user.youngPersonId)
      : user.role === 'parent_carer'
        ? await youngPeopleLinkedToCarer(services.db, user.id)
        : await youngPeopleLinkedToContributor(services.db, user.id);
  const visible = await visibleAmong(services.db, user, people, today(services));
  await auditList(
    services.db,
    { userId: user.id, role: user.role },
    'YoungPerson',
    visible.map((person) => person.id),
    { count: visible.length },
  );
  return c.json(
    {
      items: visible.map((person) => ({
        id: person.id,
        name: displayName(person),
        dateOfBirth: isoDay(person.dateOfBirth),
        version: person.version,
      })),
    },
    200,
  );
});

/** Mounted at `/api/young-people` (see app.ts). */
export const aboutMeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(aboutMe, async (c) => {
  // Anyone who may see the plan and is on the young person's side may write it; adult services may not.
  const { person, user, services } = await recordOfRequest(c, c.req.valid('param').id);
  const { version, aboutMe: text } = c.req.valid('json');
  const changed = await updateYoungPerson({
    db: services.db,
    actor: { userId: user.id, role: user.role },
    id: person.id,
    expectedVersion: version,
    changes: { aboutMe: text.trim() || null },
    today: today(services),
  });
  return c.json({ aboutMe: changed.aboutMe, version: changed.version }, 200);
});
