/**
 * The URL map, tested in-process with Hono's `app.request()` (no server, no socket): every
 * path the OpenAPI document lists is answered at that address by its own route (refused for
 * want of a session, never "no route"), and the unlisted addresses behave.
 */
import { openDatabase, type Database } from '@pathways/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { silentLogger } from '../logger.ts';

let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
  app = createApp({ db: database.prisma, logger: silentLogger, now: () => new Date(), secureCookies: true });
});
afterAll(() => database.close());

const SOME_ID = '7d0c4a52-8f36-4c1e-9a44-2b8f1e6f3a10';

type Operation = { method: string; path: string };

async function documentedOperations(): Promise<Operation[]> {
  const document = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** Signing in's later steps, links from e-mails (account links, meeting invitations) and single sign-on: reached without a session. */
const BEFORE_A_SESSION = [
  '/api/session/',
  '/api/account-links/',
  '/api/password-reset',
  '/api/sign-on/',
  // An invitee's private link to a meeting: the link is the key.
  '/api/invitation-links/',
];

describe('the URL map', () => {
  it('answers every documented operation at its documented address, refusing it without a session', async () => {
    const operations = await documentedOperations();
    expect(operations.length).toBeGreaterThan(40);
    for (const { method, path } of operations) {
      const address = path.replace('{file}', 'not-a-token.ics').replace(/\{[^}]+\}/g, SOME_ID);
      const response = await app.request(address, {
        method,
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      const body = await response.text();
      const where = `${method} ${address}: ${response.status} ${body.slice(0, 120)}`;
      // Its own route answered: any refusal but the catch-all's "No route".
      expect(body, where).not.toContain('No route');
      if (path === '/api/session' && method === 'POST') expect(response.status, where).toBe(400);
      // Signing out is answered the same with or without a session.
      else if (path === '/api/session' && method === 'DELETE') expect(response.status, where).toBe(204);
      else if (path.startsWith('/calendar/')) expect(response.status, where).toBe(404);
      // The steps before a session exists answer without one: anything but a server error.
      else if (BEFORE_A_SESSION.some((prefix) => path.startsWith(prefix)))
        expect(response.status, where).toBeLessThan(500);
      else expect([401, 403], where).toContain(response.status);
    }
  });

  it('says which route does not exist, as JSON', async () => {
    const response = await app.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/no-such-thing.' },
    });
  });

  it('serves the interactive API reference and its assets at /api/docs', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const script = await app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toContain('text/javascript');
    expect((await app.request('/api/docs/assets/anything-else.js')).status).toBe(404);
  });

  it('answers health and readiness outside /api, and never lets personal data be cached', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready' });
    expect((await app.request('/api/session')).headers.get('Cache-Control')).toBe('no-store');
  });
});
