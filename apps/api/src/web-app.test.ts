import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Fixture } from '../test-support/test-server.ts';

const INDEX_HTML =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <script type="module" src="/assets/app-abc123.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';
const SCRIPT = 'console.log("the planner");'.repeat(50);

/** The session the page carries, read as a browser reads the attribute (entities decoded). */
function sessionInPage(html: string): unknown {
  const content = /<meta name="pathways-session" content="([^"]*)"/.exec(html)?.[1];
  if (content === undefined) throw new Error('no session in the page');
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return JSON.parse(
    content.replace(/&(?:#(\d+)|(\w+));/g, (entity, code?: string, name?: string) =>
      code ? String.fromCharCode(Number(code)) : (named[name as string] ?? entity),
    ),
  );
}

describe('the web app served by the API', () => {
  let f: Fixture;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'pathways-web-root-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
    writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), SCRIPT);
    // Marked, so a test can tell the build's copy from one compressed by the server.
    writeFileSync(join(webRoot, 'assets', 'app-abc123.js.br'), brotliCompressSync(`${SCRIPT}// precompressed`));
    f = await startTestServer('PGlite', undefined, { webRoot });
  });
  afterAll(async () => {
    await f?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('writes the signed-in user and their CSRF token into every page, as GET /api/session gives them, never cached', async () => {
    // A name with every character that could break out of an HTML attribute.
    await f.db.prisma.user.update({ where: { id: f.users.worker.id }, data: { name: `Sam "Jo" <b>O'Neil</b> & co` } });
    const worker = await signIn(f, f.users.worker.email);
    const page = await call(f, worker, 'GET', `/young-people/${f.personId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.body).not.toContain('<b>');
    const session = (await call(f, worker, 'GET', '/api/session')).body;
    // As the app keeps it: the user with how far their sign-in has got.
    expect(sessionInPage(page.body)).toEqual({
      user: { ...session.user, stage: session.stage },
      csrfToken: session.csrfToken,
    });
    expect(session.user.name).toBe(`Sam "Jo" <b>O'Neil</b> & co`);
    // After the character set, before any script, so the first one can read it.
    expect(page.body.indexOf('pathways-session')).toBeGreaterThan(page.body.indexOf('<meta charset'));
    expect(page.body.indexOf('pathways-session')).toBeLessThan(page.body.indexOf('<script'));
  });

  it('says nobody is signed in without a session, or with one that has ended', async () => {
    expect(sessionInPage((await call(f, null, 'GET', '/caseload')).body)).toEqual({ user: null });
    const manager = await signIn(f, f.users.manager.email);
    await call(f, manager, 'DELETE', '/api/session');
    expect(sessionInPage((await call(f, manager, 'GET', '/caseload')).body)).toEqual({ user: null });
  });

  it('sends the build’s brotli copy of an asset to a browser that takes it, for a year', async () => {
    const compressed = await fetch(`${f.baseUrl}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await compressed.text()).toBe(`${SCRIPT}// precompressed`); // fetch decodes it

    const plain = await fetch(`${f.baseUrl}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('leaves /api to the API', async () => {
    const missing = await call(f, null, 'GET', '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
