import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';
import { SESSION_COOKIE } from './auth/middleware.ts';
import { findSession, type SessionStage, type SessionUser } from '@pathways/db';
import { escapeHtml } from './html-escape.ts';

/** Where `npm run build -w @pathways/web` puts the planner. */
export const DEFAULT_WEB_ROOT = new URL('../../web/dist/', import.meta.url).pathname;

/** The meta element the web app reads its session from (apps/web/src/first-requests.ts). */
const SESSION_META = 'pathways-session';
/** Present when the database holds the demo accounts (published password). */
const DEMO_META = 'pathways-demo';

/**
 * Serves the built web app on the API's own port: hashed assets cached for a year, every
 * other page path answered with index.html so the app's router can take it (a reload on
 * /young-people/… works). Nothing under /api is touched.
 *
 * The page carries the signed-in user and their CSRF token (what GET /api/session answers),
 * so the app can ask for the page's data at once instead of first asking who is signed in;
 * being personal, it is never stored by any cache.
 */
export function serveWebApp(app: Hono<AppEnv>, webRoot: string): boolean {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(indexFile, 'utf8');
  // The build writes brotli and gzip copies of each asset (apps/web/vite.config.ts), sent as they are.
  app.use(
    '/assets/*',
    compress(),
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get('/favicon.svg', serveStatic({ root }));
  app.get('*', compress(), async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/calendar/')) return next();
    const services = c.get('services');
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(services.db, token, services.now(), services.sessionIdleMinutes) : null;
    c.header('Cache-Control', 'private, no-store');
    return c.html(withSession(indexHtml, session, services.holdsDemoAccounts ?? false));
  });
  return true;
}

/**
 * index.html with the session in a meta element right after the character set, before any
 * script, and, when the database holds the demo accounts, a second one the app shows as a
 * warning on every page (apps/web/src/components/DemoBanner.tsx).
 */
function withSession(
  indexHtml: string,
  session: { user: SessionUser; csrfToken: string; stage: SessionStage } | null,
  demo: boolean,
): string {
  // The user as the app keeps it: with how far their sign-in has got.
  const content = escapeHtml(
    JSON.stringify(
      session ? { user: { ...session.user, stage: session.stage }, csrfToken: session.csrfToken } : { user: null },
    ),
  );
  const meta = `<meta name="${SESSION_META}" content="${content}" />${demo ? `\n    <meta name="${DEMO_META}" content="true" />` : ''}`;
  const charset = /<meta charset[^>]*>/i;
  return charset.test(indexHtml)
    ? indexHtml.replace(charset, (tag) => `${tag}\n    ${meta}`)
    : indexHtml.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
}
