import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenIdProvider, type OpenIdProvider } from '../test-support/openid-provider.ts';
import { call, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

/**
 * Single sign-on against a real OpenID provider (panva's certified oidc-provider) running in
 * the test: the whole authorisation code flow with PKCE, as a browser would follow it.
 */

/**
 * Follows a sign-in from our start to where the provider sends the person back to us: that
 * address, and the cookie our start gave this browser.
 */
async function signInAtProvider(f: Fixture, areaId: string, login: string): Promise<{ back: string; cookie: string }> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
  };
  const cookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const started = await fetch(`${f.baseUrl}/api/sign-on/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: f.baseUrl },
    body: JSON.stringify({ areaId }),
  });
  expect(started.status).toBe(200);
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(cookie).toMatch(/^pathways_sign_on=/);
  let url = ((await started.json()) as { url: string }).url;
  expect(url).toMatch(/code_challenge_method=S256/);
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(f.baseUrl)) return { back: url, cookie };
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookies() } });
    keep(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') as string, url).href;
      continue;
    }
    // The provider's sign-in form: any password, the login is the account.
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 200)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login';
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt, login, password: 'anything' }),
    });
    keep(posted);
    url = new URL(posted.headers.get('location') as string, url).href;
  }
  throw new Error('the provider never sent the person back');
}

/** The planner's callback page hands the provider's answer on, from the browser that started. */
async function arriveBack(
  f: Fixture,
  from: { back: string; cookie: string },
): Promise<{ status: number; session: Session }> {
  const response = await fetch(`${f.baseUrl}/api/sign-on/finish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: f.baseUrl, cookie: from.cookie },
    body: JSON.stringify({ answer: new URL(from.back).search }),
  });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('pathways_session='));
  const body = (await response.json()) as { csrfToken?: string };
  return {
    status: response.status,
    session: cookie ? { cookie: cookie.split(';')[0] as string, csrfToken: body.csrfToken ?? '' } : null,
  };
}

describe('single sign-on with OpenID Connect', () => {
  let f: Fixture;
  let provider: OpenIdProvider;
  beforeAll(async () => {
    f = await startTestServer('PGlite', undefined, { services: { requireStaffSecondFactor: true } });
    provider = await startOpenIdProvider([`${f.baseUrl}/sign-on/callback`], { unverified: ['manager@ns.test'] });
    const admin = await signIn(f, f.areaAdmins.own.email);
    // The fixture's administrator signs in part-way (no second factor yet); the installation's
    // settings are written as an administrator with a complete session would.
    await f.db.prisma.session.updateMany({ data: { stage: 'complete' } });
    const saved = await call(f, admin, 'PUT', `/api/sign-on-settings/${f.areaId}`, {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      enabled: true,
    });
    expect(saved.status).toBe(204);
  });
  afterAll(async () => {
    await provider?.close();
    await f?.close();
  });

  it('lists the council on the sign-in page, never showing the secret back', async () => {
    expect((await call(f, null, 'GET', '/api/sign-on/areas')).body.items).toEqual([
      { areaId: f.areaId, name: 'Northshire' },
    ]);
  });

  it("signs a worker in through the council's provider, with no password of ours and no second step", async () => {
    const from = await signInAtProvider(f, f.areaId, f.users.worker.email);
    expect(from.back).toMatch(/\/sign-on\/callback\?code=/);
    const { status, session } = await arriveBack(f, from);
    expect(status).toBe(200);
    const current = await call(f, session, 'GET', '/api/session');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ stage: 'complete', user: { email: f.users.worker.email } });
    const sessions = await call(
      f,
      { cookie: session?.cookie ?? '', csrfToken: current.body.csrfToken },
      'GET',
      '/api/account/sessions',
    );
    expect(sessions.body.items[0].method).toBe('single_sign_on');
    // The provider's answer is used once: the same address again signs nobody in.
    expect((await arriveBack(f, from)).status).toBe(401);
    // Nor does an answer handed on by a browser other than the one that started.
    const other = await signInAtProvider(f, f.areaId, f.users.worker.email);
    const started = await signInAtProvider(f, f.areaId, f.users.manager.email);
    expect((await arriveBack(f, { back: other.back, cookie: started.cookie })).status).toBe(401);
  });

  it('refuses an e-mail the provider has not verified, an account of another area, and someone with no account', async () => {
    for (const login of ['manager@ns.test', 'worker@wv.test', 'stranger@ns.test']) {
      const { status, session } = await arriveBack(f, await signInAtProvider(f, f.areaId, login));
      expect(status, login).toBe(401);
      expect(session, login).toBeNull();
    }
  });

  it('takes up an invitation by signing in: the invited account is active without ever having a password', async () => {
    const invited = await f.db.prisma.user.create({
      data: { email: 'sso.only@ns.test', name: 'Sam Sso', role: 'transition_worker', areaId: f.areaId },
    });
    await f.db.prisma.accountLink.create({
      data: {
        tokenHash: 'an-open-invitation',
        purpose: 'invitation',
        userId: invited.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const { session } = await arriveBack(f, await signInAtProvider(f, f.areaId, 'sso.only@ns.test'));
    expect((await call(f, session, 'GET', '/api/session')).body.user.email).toBe('sso.only@ns.test');
    const link = await f.db.prisma.accountLink.findUniqueOrThrow({ where: { tokenHash: 'an-open-invitation' } });
    expect(link.usedAt).not.toBeNull();
  });
});
