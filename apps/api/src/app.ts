import { OpenAPIHono } from '@hono/zod-openapi';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, AppServices } from './app-env.ts';
import { loadSession, requireCsrfToken } from './auth/middleware.ts';
import { handleError, validationHook } from './errors.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { agencyImportRoutes } from './routes/agency-import.ts';
import { auditTrailRoutes } from './routes/audit-trail.ts';
import { caseloadRoutes } from './routes/caseload.ts';
import { consentRoutes } from './routes/consents.ts';
import { docsRoutes } from './routes/docs.ts';
import { eventTypeRoutes } from './routes/event-types.ts';
import { forecastRoutes } from './routes/forecast.ts';
import { calendarFeedRoutes, calendarRoutes } from './routes/calendar.ts';
import { goalRoutes } from './routes/goals.ts';
import { handoverRoutes } from './routes/handovers.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { ownRecordRoutes } from './routes/own-record.ts';
import { planPreviewRoutes } from './routes/plan-preview.ts';
import { sessionRoutes } from './routes/session.ts';
import { subjectAccessRoutes } from './routes/subject-access.ts';
import { youngPeopleRoutes } from './routes/young-people.ts';
import { serveWebApp } from './web-app.ts';

/**
 * The HTTP application: security middleware, then one sub-app per resource. `services`
 * holds the database, the logger and the clock, so tests can run it against any database
 * and any "today".
 */
export function createApp(services: AppServices, options: { isReady?: () => boolean; webRoot?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));

  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      services.logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), user: c.get('user')?.id ?? null });
    }
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } }));
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.route('/', calendarFeedRoutes);
  app.get('/readyz', (c) => (options.isReady?.() ?? true ? c.json({ status: 'ready' }) : c.json({ status: 'shutting down' }, 503)));

  // Browsers must come from our own origin for any write; then the session's CSRF token.
  app.use('/api/*', csrf());
  app.use('/api/*', loadSession);
  app.use('/api/*', requireCsrfToken);

  const routes = app
    .route('/', sessionRoutes)
    .route('/', youngPeopleRoutes)
    .route('/', ownRecordRoutes)
    .route('/', auditTrailRoutes)
    .route('/', eventTypeRoutes)
    .route('/', caseloadRoutes)
    .route('/', planPreviewRoutes)
    .route('/', goalRoutes)
    .route('/', handoverRoutes)
    .route('/', agencyRoutes)
    .route('/', agencyImportRoutes)
    .route('/', forecastRoutes)
    .route('/', calendarRoutes)
    .route('/', consentRoutes)
    .route('/', subjectAccessRoutes)
    .route('/', notificationRoutes)
    .route('/', docsRoutes);

  if (options.webRoot) serveWebApp(app, options.webRoot);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pathways API',
      version: '0.1.0',
      description: 'Transition-to-adulthood planner. Sign in with POST /api/session; the session cookie is HttpOnly; send the returned csrfToken as X-CSRF-Token on every write.',
    },
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
