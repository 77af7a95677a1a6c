import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createYoungPerson, openDatabase, type Database } from '@pathways/db';
import { inject } from 'vitest';
import { createDatabase } from '../../../packages/db/test-support/postgres-server.ts';
import { createApp } from '../src/app.ts';
import type { AppServices } from '../src/app-env.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { SHARING_SCOPES } from '../src/sharing.ts';
import { jsonLogger, silentLogger } from '../src/logger.ts';

export const TODAY = '2026-11-22';
export const PASSWORD = 'correct horse battery staple';
const POSTGRES_URL = inject('postgresUrl');

export const ROLES = [
  'worker',
  'manager',
  'otherWorker',
  'youngPerson',
  'parent',
  'adults',
  'commissioner',
  'admin',
  'senco',
  'otherContributor',
  'withdrawnContributor',
] as const;
export type RoleName = (typeof ROLES)[number];

export type Fixture = {
  baseUrl: string;
  db: Database;
  areaId: string;
  otherAreaId: string;
  adultAgencyId: string;
  /** Maya's school: she shares her plan and goals (not her health) with it; `senco` works there. */
  schoolAgencyId: string;
  /** Aged 17, in the worker's area, with a sent handover to adult services. */
  personId: string;
  /** Aged 14, in the worker's area, cared for by the parent account. */
  childId: string;
  /** In the other area. */
  otherPersonId: string;
  users: Record<RoleName, { id: string; email: string }>;
  areaAdmins: Record<'own' | 'other', { id: string; email: string }>;
  close: () => Promise<void>;
};

let passwordHash: Promise<string> | undefined;

/** Opens a database ("PGlite" in memory, or a fresh PostgreSQL database), fills the fixture and serves the app on a free port. */
export async function startTestServer(
  backend: 'PGlite' | 'PostgreSQL',
  now: () => Date = () => new Date(`${TODAY}T10:00:00Z`),
  options: { webRoot?: string; services?: Partial<AppServices> } = {},
): Promise<Fixture> {
  let dropDatabase = async () => {};
  let db: Database;
  if (backend === 'PGlite') {
    db = await openDatabase({ kind: 'pglite' });
  } else {
    if (!POSTGRES_URL) throw new Error('no PostgreSQL server');
    const database = await createDatabase(POSTGRES_URL, 'pathways_api');
    db = await openDatabase({ kind: 'postgres', url: database.url });
    dropDatabase = database.drop;
  }
  const prisma = db.prisma;
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const area = await prisma.localArea.create({ data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' } });
  const otherArea = await prisma.localArea.create({ data: { code: 'WV', name: 'Westvale', jurisdiction: 'england' } });
  const adultAgency = await prisma.agency.create({
    data: { name: 'Adult social care', type: 'adult_social_care', areaId: area.id, services: ['Care Act assessments'] },
  });
  // Other agencies: Maya's school (she shares her plan and goals with it), children's social care
  // (she withdrew her agreement) and a college she has nothing to do with.
  const school = await prisma.agency.create({ data: { name: 'Northshire High', type: 'school', areaId: area.id } });
  const socialCare = await prisma.agency.create({
    data: { name: 'Children’s social care', type: 'childrens_social_care', areaId: area.id },
  });
  const college = await prisma.agency.create({ data: { name: 'Northshire College', type: 'school', areaId: area.id } });
  const user = (email: string, role: string, extra: object = {}) =>
    prisma.user.create({
      data: { email, name: email.split('@')[0] as string, role: role as never, passwordHash: hash, ...extra },
    });
  const worker = await user('worker@ns.test', 'transition_worker', { areaId: area.id });
  const actor = { userId: worker.id, role: 'transition_worker' };
  const person = await createYoungPerson({
    db: prisma,
    actor,
    today: TODAY,
    input: {
      areaId: area.id,
      namedWorkerId: worker.id,
      givenName: 'Maya',
      familyName: 'Hill',
      dateOfBirth: '2009-06-01',
      jurisdiction: 'england',
      hasEhcPlan: true,
      likelyAdultCareNeeds: true,
      usesChildrensHealthServices: true,
    },
  });
  const child = await createYoungPerson({
    db: prisma,
    actor,
    today: TODAY,
    input: {
      areaId: area.id,
      givenName: 'Leo',
      familyName: 'Khan',
      dateOfBirth: '2012-03-03',
      jurisdiction: 'england',
      hasEhcPlan: true,
    },
  });
  const otherPerson = await createYoungPerson({
    db: prisma,
    actor,
    today: TODAY,
    input: {
      areaId: otherArea.id,
      givenName: 'Ava',
      familyName: 'Reid',
      dateOfBirth: '2010-01-15',
      jurisdiction: 'england',
    },
  });
  // Maya (17) agreed to share her handover, plan, health information and goals with adult social care.
  await prisma.consent.createMany({
    data: SHARING_SCOPES.map((scope) => ({
      youngPersonId: person.id,
      scope,
      agencyId: adultAgency.id,
      givenByRole: 'young_person',
      givenAt: new Date(`${TODAY}T09:00:00Z`),
    })),
  });
  await prisma.handover.create({
    data: {
      youngPersonId: person.id,
      toAgencyId: adultAgency.id,
      status: 'sent',
      dueBy: new Date('2026-12-01T00:00:00Z'),
      summary: 'Needs support with personal care.',
      sentAt: new Date(),
    },
  });
  const users = {
    worker,
    manager: await user('manager@ns.test', 'team_manager', { areaId: area.id }),
    otherWorker: await user('worker@wv.test', 'transition_worker', { areaId: otherArea.id }),
    youngPerson: await user('maya@family.test', 'young_person', { youngPersonId: person.id }),
    parent: await user('parent@family.test', 'parent_carer'),
    adults: await user('adults@ns.test', 'adult_services', { areaId: area.id, agencyId: adultAgency.id }),
    commissioner: await user('commissioner@ns.test', 'commissioner', { areaId: area.id }),
    admin: await user('admin@pathways.test', 'administrator'),
    senco: await user('senco@school.test', 'sen_coordinator', { areaId: area.id, agencyId: school.id }),
    otherContributor: await user('tutor@college.test', 'contributor', { areaId: area.id, agencyId: college.id }),
    withdrawnContributor: await user('social@ns.test', 'social_worker', { areaId: area.id, agencyId: socialCare.id }),
  };
  const givenAt = new Date(`${TODAY}T09:00:00Z`);
  await prisma.consent.createMany({
    data: [
      ...(['plan', 'goals'] as const).map((scope) => ({
        youngPersonId: person.id,
        scope,
        agencyId: school.id,
        givenByRole: 'young_person',
        givenAt,
      })),
      {
        youngPersonId: person.id,
        scope: 'plan',
        agencyId: socialCare.id,
        givenByRole: 'young_person',
        givenAt,
        withdrawnAt: givenAt,
      },
    ],
  });
  await prisma.contributorLink.createMany({
    data: [users.senco, users.withdrawnContributor].map((linked) => ({ userId: linked.id, youngPersonId: person.id })),
  });
  const areaAdmins = {
    /** Administers Northshire (the fixture's area) only. */
    own: await user('admin@ns.test', 'administrator', { areaId: area.id }),
    /** Administers Westvale: must reach nothing of Northshire's. */
    other: await user('admin@wv.test', 'administrator', { areaId: otherArea.id }),
  };
  await prisma.carerLink.create({ data: { userId: users.parent.id, youngPersonId: child.id, relationship: 'parent' } });

  const app = createApp(
    {
      db: prisma,
      logger: process.env.TEST_LOGS ? jsonLogger() : silentLogger,
      now,
      secureCookies: false,
      forecastCacheMs: 0,
      // Most suites test what each role may do once signed in; the account suites turn this on.
      requireStaffSecondFactor: false,
      ...options.services,
    },
    { webRoot: options.webRoot },
  );
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    areaId: area.id,
    otherAreaId: otherArea.id,
    adultAgencyId: adultAgency.id,
    schoolAgencyId: school.id,
    personId: person.id,
    childId: child.id,
    otherPersonId: otherPerson.id,
    users,
    areaAdmins,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await dropDatabase();
    },
  };
}

export type Session = { cookie: string; csrfToken: string } | null;

/** Signs in over HTTP and keeps the cookie and CSRF token. */
export async function signIn(fixture: Fixture, email: string, password = PASSWORD): Promise<Session> {
  const response = await fetch(`${fixture.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** One HTTP request as a browser of that session would make it. */
export async function call(
  fixture: Fixture,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  /** `manual`: see a redirect itself rather than where it leads. */
  redirect: 'follow' | 'manual' = 'follow',
): Promise<{ status: number; body: any; headers: Headers }> {
  // As a browser on the planner's own page would: it sends Origin with every write.
  const headers: Record<string, string> = { origin: fixture.baseUrl };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  const response = await fetch(`${fixture.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect,
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, body: text && isJson ? JSON.parse(text) : text || null, headers: response.headers };
}

/** A file sent as a request body (a CSV or NDJSON import), as a browser of that session would send it. */
export async function sendFile(
  fixture: Fixture,
  session: Session,
  path: string,
  contentType: string,
  body: string,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${fixture.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      origin: fixture.baseUrl,
      'content-type': contentType,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}
