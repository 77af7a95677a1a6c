import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from './app-env.ts';

/** Where `npm run build -w @pathways/web` puts the planner. */
export const DEFAULT_WEB_ROOT = new URL('../../web/dist/', import.meta.url).pathname;

/**
 * Serves the built web app on the API's own port: hashed assets cached for a year, every
 * other page path answered with index.html so the app's router can take it (a reload on
 * /young-people/… works). Nothing under /api is touched.
 */
export function serveWebApp(app: Hono<AppEnv>, webRoot: string): boolean {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('/assets/*', compress(), serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.get('/favicon.svg', serveStatic({ root }));
  app.get('*', compress(), async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/calendar/')) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
  return true;
}
