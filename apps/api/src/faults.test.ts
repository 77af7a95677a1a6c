import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_AREAS, DEMO_YOUNG_PEOPLE, openDatabase } from '@pathways/db';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, freePort } from '../../../packages/db/test-support/postgres-server.ts';
import { failedStart, startServerProcess } from '../test-support/server-process.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { silentLogger } from './logger.ts';

const POSTGRES_URL = inject('postgresUrl');
const quiet = { JOBS_INTERVAL_SECONDS: '0' };
const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

describe('the embedded database’s folder', () => {
  it('is held by one server: a second on the same DATA_DIR refuses to start, saying why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pathways-lock-'));
    const first = await startServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(await freePort()),
      ...quiet,
    });
    try {
      const second = await failedStart({
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(await freePort()),
        ...quiet,
      });
      expect(second.code).toBe(1);
      expect(second.output).toContain(
        `Pathways cannot start: Another Pathways server is already using DATA_DIR ${dataDir}`,
      );
      // The first is untouched and still serving.
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    // Killed outright, it holds nothing: a new server starts at once.
    const third = await startServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(await freePort()),
      ...quiet,
    });
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('is refused when it holds something that is not a database, or a damaged one, and nothing is started or seeded over it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pathways-damaged-'));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.prisma.localArea.create({ data: { code: 'KEEP', name: 'Keep me', jurisdiction: 'england' } });
    await database.close();
    const before = readdirSync(dataDir).sort();

    unlinkSync(join(dataDir, 'PG_VERSION'));
    const missing = await failedStart({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(await freePort()),
      DEMO_DATA: 'true',
      ...quiet,
    });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(
      `Pathways cannot start: DATA_DIR ${dataDir} is not empty but is not a Pathways database (PG_VERSION missing)`,
    );
    expect(readdirSync(dataDir).sort()).toEqual(before.filter((name) => name !== 'PG_VERSION'));

    // A damaged control file: a clear refusal, not "RuntimeError: Aborted()".
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dataDir, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const damaged = await failedStart({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(await freePort()),
      DEMO_DATA: 'true',
      ...quiet,
    });
    expect(damaged.code).toBe(1);
    expect(damaged.output).toContain(
      `Pathways cannot start: The embedded database in DATA_DIR ${dataDir} could not be opened`,
    );
    expect(damaged.output).toContain('restore a backup into an empty folder');
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});

describe('demo data and first-start seeding', () => {
  it('never seeds the demo accounts into a PostgreSQL server unless asked, and says so on every page when it holds them', async () => {
    const database = await createDatabase(POSTGRES_URL, 'pathways_nodemo');
    try {
      const plain = await startServerProcess({
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        DEMO_DATA: '',
        ...quiet,
      });
      try {
        const signIn = await fetch(`${plain.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'worker@northshire.test', password: 'pathways-demo' }),
        });
        expect(signIn.status).toBe(401);
        expect(plain.logs.join('\n')).not.toContain('pathways-demo');
      } finally {
        plain.child.kill('SIGTERM');
        await plain.exited;
      }
      // A page of the planner (a stand-in index.html: the web app need not be built for this).
      const webRoot = mkdtempSync(join(tmpdir(), 'pathways-web-'));
      writeFileSync(
        join(webRoot, 'index.html'),
        '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>',
      );
      const demo = await startServerProcess({
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        DEMO_DATA: 'true',
        WEB_ROOT: webRoot,
        ...quiet,
      });
      try {
        expect(demo.logs.join('\n')).toContain('never put real information in it');
        expect(await (await fetch(`${demo.url}/young-people`)).text()).toContain(
          '<meta name="pathways-demo" content="true" />',
        );
        rmSync(webRoot, { recursive: true, force: true });
      } finally {
        demo.child.kill('SIGTERM');
        await demo.exited;
      }
    } finally {
      await database.drop();
    }
  }, 180_000);

  it('seeds in one transaction: killed half-way, it leaves nothing, and the next start seeds it whole', async () => {
    const database = await createDatabase(POSTGRES_URL, 'pathways_seedkill');
    try {
      // Killed the moment the migrations are done, while the demo is being written.
      const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          PORT: String(await freePort()),
          DEMO_DATA: 'true',
          ...quiet,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"message":"database ready"')) child.kill('SIGKILL');
      });
      await exited;
      const { prisma, close } = await openDatabase({ kind: 'postgres', url: database.url });
      const counts = async () => ({
        areas: await prisma.localArea.count(),
        users: await prisma.user.count(),
        people: await prisma.youngPerson.count(),
        events: await prisma.pathwayEvent.count(),
      });
      const afterKill = await counts();
      // Nothing of a half-written demo: either none of it, or (had it been quick enough) all of it.
      expect([0, DEMO_YOUNG_PEOPLE]).toContain(afterKill.people);
      if (afterKill.people === 0) expect(afterKill).toEqual({ areas: 0, users: 0, people: 0, events: 0 });

      const again = await startServerProcess({
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        DEMO_DATA: 'true',
        ...quiet,
      });
      again.child.kill('SIGTERM');
      await again.exited;
      const whole = await counts();
      expect(whole).toMatchObject({ areas: DEMO_AREAS, people: DEMO_YOUNG_PEOPLE });
      expect(whole.events).toBeGreaterThan(200);
      await close();
    } finally {
      await database.drop();
    }
  }, 180_000);
});

describe('readiness', () => {
  it('answers 503 when the database does not', async () => {
    const database = await openDatabase({ kind: 'pglite' });
    const app = createApp({ db: database.prisma, logger: silentLogger, now: () => new Date(), secureCookies: true });
    expect((await app.request('/readyz')).status).toBe(200);
    await database.close();
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: 'database unavailable' });
  });
});

describe('configuration', () => {
  it('has secure cookies and no demo unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({ secureCookies: true, demoData: false });
    expect(readConfig({ SECURE_COOKIES: 'false', DEMO_DATA: 'embedded' })).toMatchObject({
      secureCookies: false,
      demoData: true,
    });
    expect(readConfig({ DATABASE_URL: 'postgres://db/pathways', DEMO_DATA: 'embedded' })).toMatchObject({
      demoData: false,
    });
    expect(() => readConfig({ SECURE_COOKIES: 'false', PUBLIC_URL: 'https://pathways.example.gov.uk' })).toThrow(
      'SECURE_COOKIES: cannot be false when PUBLIC_URL is https://',
    );
    expect(() => readConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' })).toThrow(
      'TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range',
    );
    expect(() => readConfig({ DEMO_DATA: 'yes' })).toThrow('DEMO_DATA: must be true, false or embedded');
  });

  it('makes staff use a second factor, except in the demo unless asked', () => {
    expect(readConfig({}).staffTwoFactor).toBe(true);
    expect(readConfig({ DEMO_DATA: 'embedded' }).staffTwoFactor).toBe(false);
    expect(readConfig({ DEMO_DATA: 'true', STAFF_TWO_FACTOR: 'true' }).staffTwoFactor).toBe(true);
    expect(() => readConfig({ STAFF_TWO_FACTOR: 'false' })).toThrow('STAFF_TWO_FACTOR: can be false only for the demo');
    expect(() => readConfig({ STAFF_TWO_FACTOR: 'no' })).toThrow('STAFF_TWO_FACTOR: must be true or false');
  });
});
