import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { auditList, CASELOAD_MAX_PAGE, findCaseload } from '@pathways/db';
import { MILESTONE_STATUSES } from '@pathways/engine';
import { NOWHERE, STAFF_ROLES } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, json, ZPageNumber } from './schemas.ts';

const ZCaseloadRow = z
  .object({
    youngPersonId: z.string().openapi({ description: 'Key into `people`' }),
    milestoneId: z.string().openapi({ description: 'Key into `milestones`' }),
    status: z.enum(MILESTONE_STATUSES).openapi({ description: 'As of today' }),
    windowStart: z.string().nullable(),
    dueDate: z.string().nullable(),
    closesOn: z
      .string()
      .nullable()
      .openapi({ description: 'A task: its last possible day; a fact or duty: its last day' }),
    leadAgency: z.string(),
  })
  .openapi('CaseloadRow');

const ZCaseloadPerson = z
  .object({
    name: z.string(),
    dateOfBirth: z.string(),
    namedWorkerId: z.string().nullable(),
    namedWorkerName: z.string().nullable(),
  })
  .openapi('CaseloadPerson');

const ZCaseloadMilestone = z
  .object({
    pathway: z.string(),
    title: z.string(),
    rule: z.string().openapi({ description: 'Why it is due, in words' }),
    source: z.string().openapi({ description: 'The law or guidance it comes from' }),
  })
  .openapi('CaseloadMilestone');

const caseload = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getCaseload',
  tags: ['Caseload'],
  summary: 'Milestones due in a date window across your area (staff), soonest first',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    query: z.object({
      from: z.iso.date().openapi({ example: '2026-11-22' }),
      to: z.iso.date().openapi({ example: '2027-02-20' }),
      worker: z
        .union([z.uuid(), z.literal('me')])
        .optional()
        .openapi({ description: 'Named worker id, or "me"' }),
      agency: z.string().max(50).optional().openapi({ description: 'Lead agency type, e.g. la_send' }),
      pathway: z.string().max(50).optional(),
      status: z.string().optional().openapi({ description: 'Comma-separated statuses; default overdue,due,upcoming' }),
      page: ZPageNumber,
      pageSize: z.coerce.number().int().min(1).max(CASELOAD_MAX_PAGE).default(50),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(ZCaseloadRow),
        people: z.record(z.string(), ZCaseloadPerson).openapi({
          description: 'Each young person on the page, by id (sent once, however many of their milestones are due)',
        }),
        milestones: z.record(z.string(), ZCaseloadMilestone).openapi({
          description:
            'What each milestone on the page is and why it is due, by id (the same for every young person, so sent once)',
        }),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of the caseload',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const caseloadRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(caseload, async (c) => {
  const services = c.get('services');
  const user = signedInUser(c);
  const query = c.req.valid('query');
  const statuses = query.status ? z.array(z.enum(MILESTONE_STATUSES)).min(1).parse(query.status.split(',')) : undefined;
  const result = await findCaseload({
    db: services.db,
    today: today(services),
    language: readerLanguage(c),
    query: {
      from: query.from,
      to: query.to,
      // Staff see their own area only, whatever they ask for.
      areaId: user.areaId ?? NOWHERE,
      namedWorkerId: query.worker === 'me' ? user.id : query.worker,
      leadAgency: query.agency,
      pathway: query.pathway,
      statuses,
      page: query.page,
      pageSize: query.pageSize,
    },
  });
  await auditList(services.db, { userId: user.id, role: user.role }, 'Caseload', Object.keys(result.people), {
    from: query.from,
    to: query.to,
    rows: result.items.length,
  });
  return c.json(result, 200);
});
