import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ENDPOINTS } from '../test-support/account-endpoints.ts';
import {
  call,
  ROLES,
  signIn,
  startTestServer,
  type Fixture,
  type RoleName,
  type Session,
} from '../test-support/test-server.ts';

/**
 * Every account endpoint × every caller: anonymous, each role (the fixture's administrator
 * runs the whole installation), an administrator of the area, and one of another area. Then
 * invalid input on every endpoint that takes some: a 400 naming the field, nothing written.
 */
type Who = 'anonymous' | RoleName | 'areaAdmin' | 'otherAreaAdmin';
const CALLERS: Who[] = ['anonymous', ...ROLES, 'areaAdmin', 'otherAreaAdmin'];
type Request = { method: string; path: string; body?: unknown };
type Row = {
  name: (typeof ACCOUNT_ENDPOINTS)[number];
  request: (f: Fixture) => Promise<Request>;
  expect: Record<Who, number>;
};

const expecting = (statuses: Partial<Record<Who, number>> & { otherwise: number }): Record<Who, number> =>
  Object.fromEntries(
    CALLERS.map((who) => [who, statuses[who] ?? (who === 'anonymous' ? 401 : statuses.otherwise)]),
  ) as Record<Who, number>;
/** The administrators of the account's area (and of the installation) may; one of another area finds nothing; nobody else may. */
const ADMINISTRATION = (ok: number) => expecting({ admin: ok, areaAdmin: ok, otherAreaAdmin: 404, otherwise: 403 });
const SIGN_ON_SETTINGS = (ok: number) => expecting({ admin: ok, areaAdmin: ok, otherAreaAdmin: 403, otherwise: 403 });
/** Every signed-in person, about their own account. */
const OWN = (status: number) => expecting({ otherwise: status });
/** Open to anyone: the same answer for all. */
const OPEN = (status: number) => expecting({ anonymous: status, otherwise: status });

/** A fresh invited account in the fixture's area: each caller acts on one of their own. */
async function target(f: Fixture): Promise<string> {
  const user = await f.db.prisma.user.create({
    data: { email: `${randomUUID()}@ns.test`, name: 'Target', role: 'transition_worker', areaId: f.areaId },
  });
  return user.id;
}
const TOKEN = 'x'.repeat(43);
const FAKE_WEBAUTHN = {
  id: 'abc',
  rawId: 'abc',
  type: 'public-key',
  response: { clientDataJSON: 'e30' },
  clientExtensionResults: {},
};

const MATRIX: Row[] = [
  {
    name: 'GET /api/accounts',
    request: async () => ({ method: 'GET', path: '/api/accounts' }),
    expect: expecting({ admin: 200, areaAdmin: 200, otherAreaAdmin: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/accounts',
    request: async (f) => ({
      method: 'POST',
      path: '/api/accounts',
      body: { email: `${randomUUID()}@ns.test`, name: 'New person', role: 'transition_worker', areaId: f.areaId },
    }),
    expect: expecting({ admin: 201, areaAdmin: 201, otherAreaAdmin: 403, otherwise: 403 }),
  },
  {
    name: 'GET /api/accounts/{id}',
    request: async (f) => ({ method: 'GET', path: `/api/accounts/${await target(f)}` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'PATCH /api/accounts/{id}',
    request: async (f) => ({
      method: 'PATCH',
      path: `/api/accounts/${await target(f)}`,
      body: { role: 'team_manager' },
    }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'POST /api/accounts/{id}/deactivate',
    request: async (f) => ({ method: 'POST', path: `/api/accounts/${await target(f)}/deactivate` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'POST /api/accounts/{id}/reactivate',
    request: async (f) => ({ method: 'POST', path: `/api/accounts/${await target(f)}/reactivate` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'POST /api/accounts/{id}/invitation',
    request: async (f) => ({ method: 'POST', path: `/api/accounts/${await target(f)}/invitation` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'GET /api/accounts/{id}/sessions',
    request: async (f) => ({ method: 'GET', path: `/api/accounts/${await target(f)}/sessions` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'DELETE /api/accounts/{id}/sessions',
    request: async (f) => ({ method: 'DELETE', path: `/api/accounts/${await target(f)}/sessions` }),
    expect: ADMINISTRATION(200),
  },
  {
    name: 'GET /api/sign-on-settings/{areaId}',
    request: async (f) => ({ method: 'GET', path: `/api/sign-on-settings/${f.areaId}` }),
    expect: SIGN_ON_SETTINGS(200),
  },
  {
    name: 'PUT /api/sign-on-settings/{areaId}',
    request: async (f) => ({
      method: 'PUT',
      path: `/api/sign-on-settings/${f.areaId}`,
      body: {
        issuer: 'https://login.example.test/tenant/v2.0',
        clientId: 'pathways',
        clientSecret: 'secret',
        enabled: false,
      },
    }),
    expect: SIGN_ON_SETTINGS(204),
  },
  {
    name: 'GET /api/account/security',
    request: async () => ({ method: 'GET', path: '/api/account/security' }),
    expect: OWN(200),
  },
  {
    name: 'POST /api/account/totp/start',
    request: async () => ({ method: 'POST', path: '/api/account/totp/start' }),
    expect: OWN(200),
  },
  {
    name: 'POST /api/account/totp',
    request: async () => ({ method: 'POST', path: '/api/account/totp', body: { code: '000000' } }),
    expect: OWN(400),
  },
  // Second factors are not required of this fixture's staff: anyone may turn theirs off.
  {
    name: 'DELETE /api/account/totp',
    request: async () => ({ method: 'DELETE', path: '/api/account/totp' }),
    expect: OWN(204),
  },
  {
    name: 'POST /api/account/recovery-codes',
    request: async () => ({ method: 'POST', path: '/api/account/recovery-codes' }),
    expect: OWN(400),
  },
  {
    name: 'POST /api/account/passkeys/options',
    request: async () => ({ method: 'POST', path: '/api/account/passkeys/options' }),
    expect: OWN(200),
  },
  {
    name: 'POST /api/account/passkeys',
    request: async () => ({
      method: 'POST',
      path: '/api/account/passkeys',
      body: { name: 'Laptop', response: FAKE_WEBAUTHN },
    }),
    expect: OWN(400),
  },
  {
    name: 'DELETE /api/account/passkeys/{passkeyId}',
    request: async () => ({ method: 'DELETE', path: '/api/account/passkeys/nothing' }),
    expect: OWN(404),
  },
  {
    name: 'GET /api/account/sessions',
    request: async () => ({ method: 'GET', path: '/api/account/sessions' }),
    expect: OWN(200),
  },
  {
    name: 'DELETE /api/account/sessions/{sessionId}',
    request: async () => ({ method: 'DELETE', path: `/api/account/sessions/${randomUUID()}` }),
    expect: OWN(404),
  },
  {
    name: 'DELETE /api/account/sessions',
    request: async () => ({ method: 'DELETE', path: '/api/account/sessions' }),
    expect: OWN(200),
  },
  // Only a sign-in waiting for its second factor can give one.
  {
    name: 'POST /api/session/second-factor',
    request: async () => ({ method: 'POST', path: '/api/session/second-factor', body: { code: '123456' } }),
    expect: OPEN(401),
  },
  {
    name: 'POST /api/session/passkey/options',
    request: async () => ({ method: 'POST', path: '/api/session/passkey/options' }),
    expect: OPEN(200),
  },
  {
    name: 'POST /api/session/passkey',
    request: async () => ({ method: 'POST', path: '/api/session/passkey', body: { response: FAKE_WEBAUTHN } }),
    expect: OPEN(401),
  },
  {
    name: 'POST /api/account-links/look-up',
    request: async () => ({ method: 'POST', path: '/api/account-links/look-up', body: { token: TOKEN } }),
    expect: OPEN(404),
  },
  {
    name: 'POST /api/account-links/use',
    request: async () => ({
      method: 'POST',
      path: '/api/account-links/use',
      body: { token: TOKEN, password: 'a long walk by the river' },
    }),
    expect: OPEN(404),
  },
  {
    name: 'POST /api/password-reset',
    request: async () => ({ method: 'POST', path: '/api/password-reset', body: { email: 'nobody@ns.test' } }),
    expect: OPEN(202),
  },
  {
    name: 'GET /api/sign-on/areas',
    request: async () => ({ method: 'GET', path: '/api/sign-on/areas' }),
    expect: OPEN(200),
  },
  {
    name: 'POST /api/sign-on/start',
    request: async (f) => ({ method: 'POST', path: '/api/sign-on/start', body: { areaId: f.otherAreaId } }),
    expect: OPEN(404),
  },
  // An answer the provider never gave, to a browser that never asked: nobody is signed in.
  {
    name: 'POST /api/sign-on/finish',
    request: async () => ({ method: 'POST', path: '/api/sign-on/finish', body: { answer: '?state=unknown&code=x' } }),
    expect: OPEN(401),
  },
];

/** Bad input for every account endpoint that takes some, and the field its answer must name. */
const INVALID: { method: string; path: (f: Fixture) => Promise<string>; body: unknown; field: string }[] = [
  {
    method: 'POST',
    path: async () => '/api/accounts',
    body: { email: 'not an address', name: 'A', role: 'transition_worker', areaId: null },
    field: 'email',
  },
  {
    method: 'POST',
    path: async () => '/api/accounts',
    body: { email: 'a@ns.test', name: '', role: 'transition_worker', areaId: null },
    field: 'name',
  },
  {
    method: 'POST',
    path: async () => '/api/accounts',
    body: { email: 'a@ns.test', name: 'A', role: 'young_person', areaId: null },
    field: 'role',
  },
  {
    method: 'POST',
    path: async () => '/api/accounts',
    body: { email: 'a@ns.test', name: 'A', role: 'transition_worker', areaId: null },
    field: 'areaId',
  },
  {
    method: 'POST',
    path: async (f) => `/api/accounts?x=${f.areaId}`,
    body: { email: 'a@ns.test', name: 'A', role: 'adult_services', areaId: '00000000-0000-4000-8000-000000000000' },
    field: 'areaId',
  },
  {
    method: 'POST',
    path: async () => '/api/accounts',
    body: { email: 'worker@ns.test', name: 'A', role: 'transition_worker', areaId: null },
    field: 'areaId',
  },
  {
    method: 'PATCH',
    path: async (f) => `/api/accounts/${await target(f)}`,
    body: { role: 'adult_services' },
    field: 'agencyId',
  },
  { method: 'PATCH', path: async (f) => `/api/accounts/${await target(f)}`, body: { role: 'boss' }, field: 'role' },
  { method: 'PATCH', path: async () => '/api/accounts/not-a-uuid', body: { role: 'team_manager' }, field: 'id' },
  {
    method: 'PUT',
    path: async (f) => `/api/sign-on-settings/${f.otherAreaId}`,
    body: { issuer: 'not a url', clientId: 'x', clientSecret: 'y', enabled: true },
    field: 'issuer',
  },
  {
    method: 'PUT',
    path: async (f) => `/api/sign-on-settings/${f.otherAreaId}`,
    body: { issuer: 'https://id.example.test', clientId: 'x', enabled: true },
    field: 'clientSecret',
  },
  {
    method: 'PUT',
    path: async (f) => `/api/sign-on-settings/${f.otherAreaId}`,
    body: { issuer: 'https://id.example.test', clientId: 'x', clientSecret: 'y', emailClaim: 'phone', enabled: true },
    field: 'emailClaim',
  },
  { method: 'POST', path: async () => '/api/account/totp', body: { code: '12' }, field: 'code' },
  {
    method: 'POST',
    path: async () => '/api/account/passkeys',
    body: { name: '', response: FAKE_WEBAUTHN },
    field: 'name',
  },
  {
    method: 'POST',
    path: async () => '/api/account/passkeys',
    body: { name: 'Laptop', response: { id: 'x' } },
    field: 'response.rawId',
  },
  { method: 'DELETE', path: async () => '/api/account/sessions/not-a-uuid', body: undefined, field: 'sessionId' },
  { method: 'POST', path: async () => '/api/session/second-factor', body: { code: 5 }, field: 'code' },
  { method: 'POST', path: async () => '/api/account-links/look-up', body: { token: 'short' }, field: 'token' },
  { method: 'POST', path: async () => '/api/account-links/use', body: { token: TOKEN }, field: 'password' },
  { method: 'POST', path: async () => '/api/password-reset', body: { email: 'nobody' }, field: 'email' },
  { method: 'POST', path: async () => '/api/sign-on/start', body: { areaId: 'nope' }, field: 'areaId' },
  { method: 'POST', path: async () => '/api/sign-on/finish', body: { answer: 7 }, field: 'answer' },
];

describe.each(['PGlite', 'PostgreSQL'] as const)('account endpoints on %s', (backend) => {
  let f: Fixture;
  const sessions = new Map<Who, Session>();
  beforeAll(async () => {
    f = await startTestServer(backend);
    sessions.set('anonymous', null);
    for (const role of ROLES) sessions.set(role, await signIn(f, f.users[role].email));
    sessions.set('areaAdmin', await signIn(f, f.areaAdmins.own.email));
    sessions.set('otherAreaAdmin', await signIn(f, f.areaAdmins.other.email));
  });
  afterAll(async () => f?.close());

  it('has a row for every account endpoint', () => {
    expect(ACCOUNT_ENDPOINTS.filter((name) => !MATRIX.some((row) => row.name === name))).toEqual([]);
  });

  describe.each(MATRIX)('$name', (row) => {
    it.each(CALLERS)('%s', async (who) => {
      const request = await row.request(f);
      const response = await call(f, sessions.get(who) ?? null, request.method, request.path, request.body, 'manual');
      expect(response.status, JSON.stringify(response.body)).toBe(row.expect[who]);
    });
  });

  it('answers invalid input with a 400 naming the field, and writes nothing', async () => {
    const admin = sessions.get('admin') ?? null;
    const counts = async () => {
      const prisma = f.db.prisma;
      return [
        await prisma.accountLink.count(),
        await prisma.areaSignOn.count(),
        await prisma.passkey.count(),
        await prisma.recoveryCode.count(),
      ];
    };
    for (const attempt of INVALID) {
      const path = await attempt.path(f);
      const before = [await f.db.prisma.user.count(), ...(await counts())];
      const response = await call(f, admin, attempt.method, path, attempt.body);
      expect(response.status, `${attempt.method} ${path}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(response.body.error.field, `${attempt.method} ${path}`).toBe(attempt.field);
      expect([await f.db.prisma.user.count(), ...(await counts())], `${attempt.method} ${path}`).toEqual(before);
    }
  });
});
