import { OpenAPIHono } from '@hono/zod-openapi';
import { pingDatabase } from '@pathways/db';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, AppServices } from './app-env.ts';
import { loadSession, requireCsrfToken, sameOriginWrites } from './auth/middleware.ts';
import { BODY_LIMIT_BYTES, IMPORT_BODY_LIMIT_BYTES, limitBody, refuseControlCharacters } from './input-guard.ts';
import { handleError, validationHook } from './errors.ts';
import { describeApi } from './openapi-document.ts';
import { agencyRoutes, areaRoutes } from './routes/agencies.ts';
import { agencyImportRoutes } from './routes/agency-import.ts';
import { helpfulServiceRoutes, serviceRoutes } from './routes/local-offer.ts';
import { referralRoutes, youngPersonReferralRoutes } from './routes/referrals.ts';
import { accountLinkRoutes } from './routes/account-links.ts';
import { accountRoutes, signOnSettingsRoutes } from './routes/accounts.ts';
import { accountSecurityRoutes } from './routes/account-security.ts';
import { signOnRoutes } from './routes/sign-on.ts';
import { auditTrailRoutes } from './routes/audit-trail.ts';
import { caseloadRoutes } from './routes/caseload.ts';
import { consentRoutes, youngPersonConsentRoutes } from './routes/consents.ts';
import { docsRoutes } from './routes/docs.ts';
import { eventTypeRoutes } from './routes/event-types.ts';
import { forecastRoutes } from './routes/forecast.ts';
import { calendarFeedRoutes, calendarRoutes } from './routes/calendar.ts';
import { goalRoutes, youngPersonGoalRoutes } from './routes/goals.ts';
import { reviewRoutes, youngPersonReviewRoutes } from './routes/reviews.ts';
import { invitationLinkRoutes, reviewInvitationRoutes } from './routes/review-invitations.ts';
import { actionRoutes, reviewActionRoutes } from './routes/review-actions.ts';
import { handoverRoutes, youngPersonHandoverRoutes } from './routes/handovers.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { aboutMeRoutes, ownRecordRoutes } from './routes/own-record.ts';
import { planPreviewRoutes } from './routes/plan-preview.ts';
import { sessionRoutes } from './routes/session.ts';
import { subjectAccessRoutes } from './routes/subject-access.ts';
import { youngPeopleRoutes } from './routes/young-people.ts';
import { importRoutes } from './routes/young-people-import.ts';
import { familyRoutes } from './routes/family.ts';
import { namedWorkerRoutes } from './routes/named-workers.ts';
import { contributorRoutes, youngPersonContributorRoutes } from './routes/contributors.ts';
import { documentRoutes, youngPersonDocumentRoutes } from './routes/documents.ts';
import { messageRoutes } from './routes/messages.ts';
import { serveWebApp } from './web-app.ts';

/**
 * The HTTP application: security middleware, then one sub-app per resource. `services`
 * holds the database, the logger and the clock, so tests can run it against any database
 * and any "today".
 */
export function createApp(services: AppServices, options: { isReady?: () => boolean; webRoot?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );

  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      services.logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('user')?.id ?? null,
      });
    }
  });
  app.use(
    '*',
    secureHeaders({
      // A document shown in place sets its own, stricter policy (a sandbox); see routes/documents.ts.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    }),
  );
  // Personal data is never kept by a browser or proxy cache (the web app's hashed assets set their own).
  app.use('/api/*', noStore);
  app.use('/calendar/*', noStore);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.route('/calendar', calendarFeedRoutes);
  app.get('/readyz', async (c) => {
    if (!(options.isReady?.() ?? true)) return c.json({ status: 'shutting down' }, 503);
    return (await databaseAnswers(services))
      ? c.json({ status: 'ready' })
      : c.json({ status: 'database unavailable' }, 503);
  });

  // Bodies are limited while they stream in, before anything parses them.
  const importLimit = limitBody(IMPORT_BODY_LIMIT_BYTES);
  const defaultLimit = limitBody(BODY_LIMIT_BYTES);
  // A document upload counts its own bytes as it streams to disk (see documents/upload.ts).
  const isDocumentUpload = (c: Context<AppEnv>) => c.req.method === 'POST' && DOCUMENT_UPLOAD_PATH.test(c.req.path);
  const limitByPath: MiddlewareHandler<AppEnv> = (c, next) =>
    isDocumentUpload(c) ? next() : (IMPORT_PATHS.has(c.req.path) ? importLimit : defaultLimit)(c, next);
  app.use('/api/*', limitByPath);
  // Browsers must come from our own origin for any write; then the session's CSRF token.
  app.use('/api/*', sameOriginWrites);
  app.use('/api/*', loadSession);
  app.use('/api/*', requireCsrfToken);
  // An import checks each of its lines on its own: one bad line must not refuse the whole file.
  const refuseControlCharactersOutsideImports: MiddlewareHandler<AppEnv> = (c, next) =>
    IMPORT_PATHS.has(c.req.path) || isDocumentUpload(c) ? next() : refuseControlCharacters(c, next);
  app.use('/api/*', refuseControlCharactersOutsideImports);

  // The URL map: each resource's routes at its own prefix (every path below is under /api).
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/session', sessionRoutes)
    .route('/sign-on', signOnRoutes)
    .route('/', accountLinkRoutes) // /account-links/… and /password-reset
    .route('/account', accountSecurityRoutes) // your own sign-in methods and sessions
    .route('/accounts', accountRoutes) // an administrator's staff accounts
    .route('/sign-on-settings', signOnSettingsRoutes) // an area's single sign-on
    .route('/young-people', youngPeopleRoutes) // the record, its plan, events and FHIR export
    .route('/young-people', youngPersonGoalRoutes)
    .route('/young-people', youngPersonConsentRoutes)
    .route('/young-people', youngPersonHandoverRoutes)
    .route('/young-people', aboutMeRoutes)
    .route('/young-people', auditTrailRoutes)
    .route('/young-people', subjectAccessRoutes)
    .route('/young-people', familyRoutes) // the young person's own account and their parents and carers
    .route('/young-people', youngPersonReviewRoutes) // their reviews and meetings
    .route('/young-people', youngPersonContributorRoutes) // other agencies' staff linked to them
    .route('/young-people', youngPersonDocumentRoutes) // files about them
    .route('/young-people', helpfulServiceRoutes) // services of the local offer beside their plan
    .route('/young-people', youngPersonReferralRoutes) // their referrals to services
    .route('/referrals', referralRoutes)
    .route('/services', serviceRoutes) // the local offer
    .route('/documents', documentRoutes)
    .route('/messages', messageRoutes) // conversations about a young person, a handover or a review
    .route('/contributors', contributorRoutes)
    .route('/named-workers', namedWorkerRoutes)
    .route('/imports', importRoutes) // CSV and SEN2 imports of young people
    .route('/my-young-people', ownRecordRoutes)
    .route('/caseload', caseloadRoutes)
    .route('/event-types', eventTypeRoutes)
    .route('/plan-preview', planPreviewRoutes)
    .route('/goals', goalRoutes)
    .route('/consents', consentRoutes)
    .route('/handovers', handoverRoutes)
    .route('/reviews', reviewRoutes) // a review's clock, meeting, record and decision
    .route('/reviews', reviewInvitationRoutes) // invitations, replies and advice
    .route('/reviews', reviewActionRoutes) // actions agreed at the meeting
    .route('/actions', actionRoutes) // the actions you own
    .route('/invitation-links', invitationLinkRoutes) // an invitee's private link, without an account
    .route('/agencies', agencyRoutes)
    .route('/agencies', agencyImportRoutes)
    .route('/areas', areaRoutes)
    .route('/', forecastRoutes) // /forecast and /forecast.csv
    .route('/calendar-feed', calendarRoutes)
    .route('/notifications', notificationRoutes);
  const routes = app.route('/api', api);
  app.route('/api/docs', docsRoutes);

  if (options.webRoot) serveWebApp(app, options.webRoot);

  let document: ReturnType<typeof describeApi> | undefined;
  app.get('/api/openapi.json', (c) => c.json((document ??= describeApi(app, services.publicOrigin ?? '/'))));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** Routes that take a whole file at once, with the larger body limit. */
const IMPORT_PATHS = new Set(['/api/agencies/import', '/api/imports/young-people']);
const DOCUMENT_UPLOAD_PATH = /^\/api\/young-people\/[^/]+\/documents$/;

const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** Whether the database answers a trivial query within two seconds. */
async function databaseAnswers(services: AppServices): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([pingDatabase(services.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
