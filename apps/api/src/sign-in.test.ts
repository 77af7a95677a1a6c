import { BlockList } from 'node:net';
import { runPurge } from '@pathways/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, signIn, startTestServer, TODAY, type Fixture } from '../test-support/test-server.ts';
import { FREE_FAILURES } from '@pathways/db';

const signInAs = (f: Fixture, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${f.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

const localhost = () => {
  const list = new BlockList();
  list.addAddress('127.0.0.1');
  list.addAddress('::ffff:127.0.0.1', 'ipv6');
  return list;
};

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`sign-in under attack (${backend})`, () => {
    let f: Fixture;
    let clock = new Date(`${TODAY}T10:00:00Z`);
    const told: { to: string; subject: string }[] = [];
    beforeAll(async () => {
      // Behind a trusted proxy, so each attacker and each genuine person can have an address of their own.
      f = await startTestServer(backend, () => clock, {
        services: {
          trustedProxies: localhost(),
          tellAccountHolder: async (to, subject) => void told.push({ to: to.email, subject }),
        },
      });
    });
    afterAll(async () => f?.close());

    it('reserves each attempt before checking the password: 60 parallel guesses, only the free ones checked', async () => {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          signInAs(f, f.users.worker.email, 'wrong password', { 'x-forwarded-for': `198.51.100.${index}` }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(FREE_FAILURES.account + 1);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(60 - FREE_FAILURES.account - 1);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      // The account holder is told, once.
      expect(told).toEqual([{ to: f.users.worker.email, subject: 'Failed sign-ins to your Pathways account' }]);

      // The right password now waits too, and is told how long, in seconds and words.
      const waiting = await signInAs(f, f.users.worker.email, PASSWORD);
      expect(waiting.status).toBe(429);
      const retryAfter = Number(waiting.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15);
      expect(((await waiting.json()) as { error: { message: string } }).error.message).toMatch(
        /^Too many failed sign-ins\. Try again in \d+ seconds?\.$/,
      );
      // Once the wait is over the right password works and the count starts again.
      clock = new Date(clock.getTime() + (retryAfter + 1) * 1000);
      expect((await signInAs(f, f.users.worker.email, PASSWORD)).status).toBe(200);
      expect((await signInAs(f, f.users.worker.email, 'wrong again')).status).toBe(401);
    });

    it('makes each further failure wait longer: 15 s, 30 s, 1 minute …', async () => {
      const email = f.users.manager.email;
      const waits: number[] = [];
      let failures = 0;
      for (let attempt = 1; failures < FREE_FAILURES.account + 4; attempt++) {
        const answer = await signInAs(f, email, 'wrong', { 'x-forwarded-for': `192.0.2.${attempt}` });
        if (answer.status === 401) {
          failures++;
          continue;
        }
        expect(answer.status).toBe(429);
        const seconds = Number(answer.headers.get('retry-after'));
        waits.push(seconds);
        clock = new Date(clock.getTime() + seconds * 1000);
      }
      expect(waits).toEqual([15, 30, 60]);
    });

    it('ends a session nobody has used for 30 minutes, and sends no personal answer to any cache', async () => {
      clock = new Date(clock.getTime() + 3_600_000);
      const session = await signIn(f, f.users.commissioner.email);
      const now = await call(f, session, 'GET', '/api/session');
      expect(now.status).toBe(200);
      expect(now.headers.get('cache-control')).toBe('no-store');
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await call(f, session, 'GET', '/api/session')).status).toBe(200);
      clock = new Date(clock.getTime() + 31 * 60_000);
      expect((await call(f, session, 'GET', '/api/session')).status).toBe(401);
      expect(await f.db.prisma.session.count({ where: { userId: f.users.commissioner.id } })).toBe(0);
    });
  });
}

describe('the address a sign-in comes from', () => {
  let direct: Fixture;
  let proxied: Fixture;
  beforeAll(async () => {
    direct = await startTestServer('PGlite');
    proxied = await startTestServer('PGlite', undefined, { services: { trustedProxies: localhost() } });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('with no trusted proxy, ignores X-Forwarded-For: the socket is the client', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < FREE_FAILURES.address + 2; index++) {
      statuses.push(
        (await signInAs(direct, `nobody${index}@ns.test`, 'wrong', { 'x-forwarded-for': `198.51.100.${index}` }))
          .status,
      );
    }
    expect(statuses.slice(0, FREE_FAILURES.address)).toEqual(Array(FREE_FAILURES.address).fill(401));
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind a trusted proxy, takes the right-most hop the proxy saw, whatever a client writes on the left', async () => {
    for (let index = 0; index < FREE_FAILURES.address + 2; index++) {
      await signInAs(proxied, `nobody${index}@ns.test`, 'wrong', { 'x-forwarded-for': `10.9.9.${index}, 203.0.113.7` });
    }
    // 203.0.113.7 is throttled, however its left-hand entries change …
    expect(
      (await signInAs(proxied, 'someone@ns.test', 'wrong', { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' })).status,
    ).toBe(429);
    // … while everybody else, at another address, is not.
    expect(
      (await signInAs(proxied, proxied.users.worker.email, PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).status,
    ).toBe(200);
    const attempts = await proxied.db.prisma.loginAttempt.findMany({
      where: { succeeded: true },
      select: { ip: true },
    });
    expect(attempts).toEqual([{ ip: '203.0.113.8' }]);
  });

  it('hashes only a few passwords at once: a flood is told "busy" at once, and a genuine sign-in still works', async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        signInAs(proxied, `flood${index}@ns.test`, 'wrong', { 'x-forwarded-for': `203.0.113.${100 + index}` }),
      ),
    );
    const statuses = flood.map((answer) => answer.status);
    expect(statuses.every((status) => status === 401 || status === 503)).toBe(true);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(flood.find((answer) => answer.status === 503)?.headers.get('retry-after')).toBe('2');
    expect(
      (await signInAs(proxied, proxied.users.manager.email, PASSWORD, { 'x-forwarded-for': '203.0.113.250' })).status,
    ).toBe(200);
  });
});

describe('writes come from the planner’s own pages', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
  });
  afterAll(async () => f?.close());

  it('refuses another origin on every write, whatever the content type', async () => {
    const session = await signIn(f, f.users.worker.email);
    const headers = {
      cookie: session?.cookie ?? '',
      'x-csrf-token': session?.csrfToken ?? '',
      'content-type': 'application/json',
    };
    const write = (extra: Record<string, string>) =>
      fetch(`${f.baseUrl}/api/young-people/${f.personId}/goals`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify({ text: 'From elsewhere', outcomeArea: 'employment' }),
      });
    expect((await write({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ origin: 'null' })).status).toBe(403);
    expect(await f.db.prisma.goal.count({ where: { text: 'From elsewhere' } })).toBe(0);
    expect((await write({ origin: f.baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // Sign-in is a write too.
    expect((await signInAs(f, f.users.worker.email, PASSWORD, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('the daily purge', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
  });
  afterAll(async () => f?.close());

  it('removes expired and idle sessions, sign-in records past 90 days and stale throttles, once a day', async () => {
    const now = new Date(`${TODAY}T10:00:00Z`);
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await f.db.prisma.session.createMany({
      data: [
        {
          tokenHash: 'expired',
          userId: f.users.worker.id,
          csrfToken: 'x',
          expiresAt: hoursAgo(1),
          lastSeenAt: hoursAgo(2),
        },
        {
          tokenHash: 'idle',
          userId: f.users.worker.id,
          csrfToken: 'x',
          expiresAt: hoursAgo(-5),
          lastSeenAt: hoursAgo(1),
        },
        {
          tokenHash: 'live',
          userId: f.users.worker.id,
          csrfToken: 'x',
          expiresAt: hoursAgo(-5),
          lastSeenAt: hoursAgo(0.1),
        },
      ],
    });
    await f.db.prisma.loginAttempt.createMany({
      data: [
        { email: 'old@ns.test', ip: 'x', succeeded: false, at: hoursAgo(91 * 24) },
        { email: 'new@ns.test', ip: 'x', succeeded: false, at: hoursAgo(1) },
      ],
    });
    await f.db.prisma.signInThrottle.createMany({
      data: [
        { key: 'email:stale', failures: 3, nextAllowedAt: hoursAgo(30), updatedAt: hoursAgo(30) },
        { key: 'email:fresh', failures: 3, nextAllowedAt: now, updatedAt: hoursAgo(1) },
      ],
    });
    // An import's report names young people: kept 30 days.
    const importRun = { areaId: f.areaId, fileName: 'a.csv', isDryRun: true, totalRows: 1, ignoredColumns: [] };
    await f.db.prisma.importRun.createMany({
      data: [
        { ...importRun, startedAt: hoursAgo(31 * 24) },
        { ...importRun, fileName: 'b.csv', startedAt: hoursAgo(29 * 24) },
      ],
    });
    const result = await runPurge({ db: f.db.prisma, today: TODAY, now, idleMinutes: 30 });
    expect(result).toEqual({ ran: true, summary: { sessions: 2, signInAttempts: 1, throttles: 1, imports: 1 } });
    expect((await f.db.prisma.importRun.findMany()).map((run) => run.fileName)).toEqual(['b.csv']);
    expect(
      (await f.db.prisma.session.findMany({ where: { userId: f.users.worker.id } })).map(
        (session) => session.tokenHash,
      ),
    ).toEqual(['live']);
    expect(await runPurge({ db: f.db.prisma, today: TODAY, now, idleMinutes: 30 })).toEqual({ ran: false });
  });
});
