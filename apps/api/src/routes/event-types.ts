import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { EVENT_CATALOGUE, eventLabel, type EventType, type PlanLanguage } from '@pathways/engine';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, json } from './schemas.ts';

const ZEventType = z
  .object({
    type: z.string().openapi({ example: 'health.chc_decision_made' }),
    pathway: z.string(),
    label: z.string(),
    fields: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'JSON Schema (draft 2020-12) of the event’s own fields, beside `type` and `date`' }),
  })
  .openapi('EventType');

// Worked out once per language: the catalogue is code, so it cannot change while the process runs.
const eventTypesIn = (language: PlanLanguage) =>
  Object.entries(EVENT_CATALOGUE).map(([type, definition]) => ({
    type,
    pathway: definition.pathway,
    label: eventLabel(type as EventType, language),
    fields: z.toJSONSchema(z.object(definition.payload), { io: 'input' }),
  }));
const EVENT_TYPES: Record<PlanLanguage, ReturnType<typeof eventTypesIn>> = {
  en: eventTypesIn('en'),
  da: eventTypesIn('da'),
};

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listEventTypes',
  tags: ['Plans'],
  summary:
    'Every event a pathway can record, with a plain-language label and the JSON Schema of its fields (for “record what happened” forms)',
  middleware: [requireRole()] as const,
  responses: { 200: json(z.object({ items: z.array(ZEventType) }), 'The event catalogue'), ...errorResponses(401) },
});

export const eventTypeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, (c) =>
  // Labels in the reader's language (Accept-Language), English unless Danish is asked for.
  c.json({ items: EVENT_TYPES[readerLanguage(c) ?? 'en'] }, 200),
);
