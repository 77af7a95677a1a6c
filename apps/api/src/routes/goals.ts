import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addGoal,
  addGoalNote,
  AppError,
  changeGoal,
  getGoal,
  listGoals,
  type GoalWithNotes,
  type PrismaClient,
  type SessionUser,
} from '@pathways/db';
import { canChangeYoungPerson, recordOfRequest, requirePart, youngPersonFor } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json, ZIdParam, ZVersionNumber } from './schemas.ts';

const OUTCOME_AREAS = ['employment', 'independent_living', 'community_inclusion', 'good_health'] as const;
const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;

const ZGoal = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    text: z.string().openapi({ example: 'I want to go to college with my friend Sam' }),
    outcomeArea: z.enum(OUTCOME_AREAS),
    status: z.enum(GOAL_STATUSES),
    version: z.number().int(),
    notes: z.array(
      z.object({ id: z.string(), note: z.string(), authorId: z.string().nullable(), createdAt: z.string() }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Goal');

const ZGoalParam = z.object({ goalId: z.uuid().openapi({ param: { name: 'goalId', in: 'path' } }) });

const present = (goal: GoalWithNotes) => ({
  ...goal,
  createdAt: goal.createdAt.toISOString(),
  updatedAt: goal.updatedAt.toISOString(),
  createdById: undefined,
  notes: goal.notes.map((note) => ({ ...note, createdAt: note.createdAt.toISOString() })),
});

/** Goals are theirs: the young person, a parent or carer with access, and staff of their area may write them. */
async function goalOwnerFor(db: PrismaClient, user: SessionUser, youngPersonId: string, day: string) {
  const person = await youngPersonFor(db, user, youngPersonId, day);
  const isOwnerOrFamily = user.role === 'young_person' || user.role === 'parent_carer';
  if (!isOwnerOrFamily && !canChangeYoungPerson(user, person))
    throw new AppError('forbidden', 'Only the young person, their family or their area’s staff can change goals.');
  return person;
}

async function goalFor(db: PrismaClient, user: SessionUser, goalId: string, day: string) {
  const goal = await getGoal(db, goalId);
  await goalOwnerFor(db, user, goal.youngPersonId, day);
  return goal;
}

const list = createRoute({
  method: 'get',
  path: '/{id}/goals',
  operationId: 'listGoals',
  tags: ['Goals'],
  summary: 'Goals, in the young person’s words, with progress notes',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ items: z.array(ZGoal) }), 'Goals'), ...errorResponses(401, 404) },
});
const add = createRoute({
  method: 'post',
  path: '/{id}/goals',
  operationId: 'addGoal',
  tags: ['Goals'],
  summary: 'Add a goal',
  middleware: [requireRole()] as const,
  request: {
    params: ZIdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ text: z.string().trim().min(1).max(2000), outcomeArea: z.enum(OUTCOME_AREAS) }),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(ZGoal, 'Added'), ...errorResponses(400, 401, 403, 404) },
});
const change = createRoute({
  method: 'patch',
  path: '/{goalId}',
  operationId: 'changeGoal',
  tags: ['Goals'],
  summary: 'Change a goal’s words or status, naming the version you read',
  middleware: [requireRole()] as const,
  request: {
    params: ZGoalParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            version: ZVersionNumber,
            text: z.string().trim().min(1).max(2000).optional(),
            status: z.enum(GOAL_STATUSES).optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ZGoal, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
});
const addNote = createRoute({
  method: 'post',
  path: '/{goalId}/notes',
  operationId: 'addGoalNote',
  tags: ['Goals'],
  summary: 'Record progress on a goal',
  middleware: [requireRole()] as const,
  request: {
    params: ZGoalParam,
    body: {
      content: { 'application/json': { schema: z.object({ note: z.string().trim().min(1).max(2000) }) } },
      required: true,
    },
  },
  responses: { 201: json(ZGoal, 'The goal with its notes'), ...errorResponses(400, 401, 403, 404) },
});

/** Mounted at `/api/goals` (see app.ts). */
export const goalRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(change, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const goal = await goalFor(db, user, c.req.valid('param').goalId, today(c.get('services')));
    const { version, ...changes } = c.req.valid('json');
    const changed = await changeGoal({ db, actor: { userId: user.id, role: user.role }, goal, version, changes });
    return c.json(present(changed), 200);
  })
  .openapi(addNote, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const goal = await goalFor(db, user, c.req.valid('param').goalId, today(c.get('services')));
    const withNote = await addGoalNote({
      db,
      actor: { userId: user.id, role: user.role },
      goal,
      note: c.req.valid('json').note,
    });
    return c.json(present(withNote), 201);
  });

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonGoalRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { person, parts, user, services } = await recordOfRequest(c, c.req.valid('param').id);
    const { db } = services;
    requirePart(parts, 'goals');
    const goals = await listGoals({ db, actor: { userId: user.id, role: user.role }, youngPersonId: person.id });
    return c.json({ items: goals.map(present) }, 200);
  })
  .openapi(add, async (c) => {
    const { db } = c.get('services');
    const user = signedInUser(c);
    const person = await goalOwnerFor(db, user, c.req.valid('param').id, today(c.get('services')));
    const goal = await addGoal({
      db,
      actor: { userId: user.id, role: user.role },
      youngPersonId: person.id,
      ...c.req.valid('json'),
    });
    return c.json(present(goal), 201);
  });
