import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildPlan, ZIsoDate, ZProfile } from '@pathways/engine';
import { STAFF_ROLES } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { ZPlan } from './plan-schema.ts';
import { errorResponses, json } from './schemas.ts';

const preview = createRoute({
  method: 'post',
  path: '/',
  operationId: 'previewPlan',
  tags: ['Plans'],
  summary: 'Plan a profile without saving anything ("what if" questions)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            profile: ZProfile,
            events: z
              .array(z.object({ type: z.string(), date: z.string() }).catchall(z.unknown()))
              .max(500)
              .default([]),
            asOf: ZIsoDate.optional().openapi({ description: 'Defaults to today' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(ZPlan, 'The plan; rejected events are listed with reasons'),
    ...errorResponses(400, 401, 403),
  },
});

export const planPreviewRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(preview, (c) => {
  const { profile, events, asOf } = c.req.valid('json');
  return c.json(
    buildPlan(profile, events, { asOf: asOf ?? today(c.get('services')), language: readerLanguage(c) }),
    200,
  );
});
