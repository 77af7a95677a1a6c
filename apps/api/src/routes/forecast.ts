import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  audit,
  forecastCsv,
  forecastDemand,
  forecastIn,
  openStepsByMilestone,
  referralsByTopic,
  SUPPRESS_BELOW,
} from '@pathways/db';
import { SERVICE_TOPICS, topicsForMilestone, type Pathway, type ServiceTopic } from '@pathways/engine';
import type { Context } from 'hono';
import { today, type AppEnv, type AppServices } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { readerLanguage } from '../reader-language.ts';
import { ForecastCache } from '../forecast-cache.ts';
import { errorResponses, json } from './schemas.ts';
import { NOWHERE } from '../access.ts';

const DEFAULT_CACHE_MS = 60_000;
const caches = new WeakMap<AppServices, ForecastCache>();

/** The forecast for today (one council's, or every council's), from the cache of this app's services. */
function currentForecast(services: AppServices, months: number, areaId: string | null) {
  let cache = caches.get(services);
  if (!cache)
    caches.set(
      services,
      (cache = new ForecastCache(
        (day, months, areaId) => forecastDemand({ db: services.db, today: day, months, areaId: areaId ?? undefined }),
        services.forecastCacheMs ?? DEFAULT_CACHE_MS,
        services.now,
      )),
    );
  return cache.get(today(services), months, areaId);
}

const COMMISSIONING_ROLES = ['commissioner', 'team_manager'] as const;

const ZForecast = z
  .object({
    generatedOn: z.string(),
    computedAt: z.string().openapi({ description: 'When these counts were computed (they are reused for a minute)' }),
    fromMonth: z.string(),
    toMonth: z.string(),
    suppressBelow: z.number().int(),
    rows: z.array(
      z.object({
        month: z.string().openapi({
          description:
            'YYYY-MM; "late" for work past due that can still be done; "missed" for milestones that can no longer be done as such',
        }),
        areaCode: z.string(),
        areaName: z.string(),
        pathway: z.string(),
        leadAgency: z.string(),
        milestoneId: z.string(),
        milestoneTitle: z.string(),
        count: z.number().int().nullable().openapi({ description: 'Null when under suppressBelow' }),
        isSuppressed: z.boolean(),
      }),
    ),
  })
  .openapi('Forecast');

const ZQuery = z.object({ months: z.coerce.number().int().min(1).max(60).default(24) });

const forecast = createRoute({
  method: 'get',
  path: '/forecast',
  operationId: 'getForecast',
  tags: ['Commissioning'],
  summary: 'Demand coming in the next months: counts only, never names; counts under 5 suppressed',
  middleware: [requireRole(...COMMISSIONING_ROLES)] as const,
  request: { query: ZQuery },
  responses: { 200: json(ZForecast, 'The forecast'), ...errorResponses(400, 401, 403) },
});

const forecastAsCsv = createRoute({
  method: 'get',
  path: '/forecast.csv',
  operationId: 'getForecastCsv',
  tags: ['Commissioning'],
  summary: 'The same forecast as CSV (suppressed counts written <5)',
  middleware: [requireRole(...COMMISSIONING_ROLES)] as const,
  request: { query: ZQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

/** The forecast for the caller, its reading (or export) on the audit trail. */
async function auditedForecast(c: Context<AppEnv>, months: number, action: 'read' | 'export') {
  const services = c.get('services');
  const user = signedInUser(c);
  // Each council sees its own demand only; a commissioner or manager with no council sees none.
  const result = await currentForecast(services, months, user.areaId ?? NOWHERE);
  await audit(
    services.db,
    { userId: user.id, role: user.role },
    { action, entityType: 'Forecast', detail: { rows: result.rows.length } },
  );
  return forecastIn(result, readerLanguage(c));
}

const ZCount = z.number().int().nullable().openapi({ description: 'Null when under 5 (suppressed)' });

const referralDemand = createRoute({
  method: 'get',
  path: '/commissioning/referrals',
  operationId: 'getReferralDemand',
  tags: ['Commissioning'],
  summary:
    'Per kind of service: services offered, referrals in the last 12 months and how they went, the median wait for an answer, beside the demand coming in the next 12 months (counts under 5 suppressed)',
  middleware: [requireRole(...COMMISSIONING_ROLES)] as const,
  responses: {
    200: json(
      z.object({
        since: z.string(),
        items: z.array(
          z.object({
            topic: z.enum(SERVICE_TOPICS),
            services: z.number().int(),
            referrals: ZCount,
            accepted: ZCount,
            declined: ZCount,
            waiting: ZCount,
            medianDaysToAccept: z.number().int().nullable(),
            demand: ZCount.openapi({
              description: 'Steps due in the next 12 months (or late) in pathways these services help with',
            }),
          }),
        ),
      }),
      'Referrals beside demand',
    ),
    ...errorResponses(401, 403),
  },
});

/** A count from 1 to 4 is suppressed (it could point at someone); none is none. */
const suppressed = (count: number) => (count > 0 && count < SUPPRESS_BELOW ? null : count);

export const forecastRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(forecast, async (c) => c.json(await auditedForecast(c, c.req.valid('query').months, 'read'), 200))
  .openapi(forecastAsCsv, async (c) => {
    const result = await auditedForecast(c, c.req.valid('query').months, 'export');
    c.header('Content-Disposition', `attachment; filename="pathways-forecast-${result.generatedOn}.csv"`);
    return c.body(forecastCsv(result), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  })
  .openapi(referralDemand, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const day = today(services);
    const since = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    const area = user.areaId ?? NOWHERE;
    const [rows, steps] = await Promise.all([
      referralsByTopic(services.db, [area], since),
      openStepsByMilestone({ db: services.db, today: day, months: 12, areaId: area }),
    ]);
    // Summed before suppressing: a kind of service's demand is many steps' small counts.
    const demandOf = (topic: ServiceTopic) =>
      steps
        .filter((step) => topicsForMilestone(step.milestoneId, step.pathway as Pathway).includes(topic))
        .reduce((sum, step) => sum + step.count, 0);
    await audit(services.db, { userId: user.id, role: user.role }, { action: 'read', entityType: 'ReferralDemand' });
    return c.json(
      {
        since,
        items: SERVICE_TOPICS.map((topic) => {
          const row = rows.find((found) => found.topic === topic);
          return {
            topic,
            services: row?.services ?? 0,
            referrals: suppressed(row?.referrals ?? 0),
            accepted: suppressed(row?.accepted ?? 0),
            declined: suppressed(row?.declined ?? 0),
            waiting: suppressed(row?.waiting ?? 0),
            medianDaysToAccept: (row?.accepted ?? 0) >= SUPPRESS_BELOW ? (row?.medianDaysToAccept ?? null) : null,
            demand: suppressed(demandOf(topic)),
          };
        }),
      },
      200,
    );
  });
