import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, freePort } from '../../../packages/db/test-support/postgres-server.ts';
import { failedStart, startServerProcess } from '../test-support/server-process.ts';
import { DEMO_PASSWORD } from '@pathways/db';

const POSTGRES_URL = inject('postgresUrl');

describe('start-up configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT: "eighty" is not a port number'],
    [
      { PORT: '3000', DATABASE_URL: 'mysql://db/pathways' },
      'DATABASE_URL: must start with postgres:// or postgresql://',
    ],
    [{ PORT: '3000', DATABASE_URL: 'not a url' }, 'DATABASE_URL: is not a URL'],
    [{ PORT: '3000', SECURE_COOKIES: 'yes' }, 'SECURE_COOKIES: must be true or false'],
    [{ PORT: '3000', RETENTION_YEARS: '0' }, 'RETENTION_YEARS: "0" is not a whole number from 1 to 100'],
    [
      { PORT: '3000', JOBS_INTERVAL_SECONDS: 'hourly' },
      'JOBS_INTERVAL_SECONDS: "hourly" is not a whole number from 0 to 86400',
    ],
    [{ PORT: '3000', SMTP_URL: 'mail.example.org:25' }, 'SMTP_URL: must start with smtp:// or smtps://'],
  ])('stops with a message naming the variable: %o', async (env, message) => {
    const { code, output } = await failedStart(env);
    expect(code).toBe(1);
    expect(output).toContain(`Pathways cannot start: ${message}`);
  });
});

async function newDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'pathways-server-'));
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await createDatabase(POSTGRES_URL, 'pathways_kill');
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

async function signIn(url: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'worker@northshire.test', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

describe.each([
  ['embedded PGlite', 'pglite', true],
  ['PostgreSQL', 'postgres', true],
] as const)('the server on %s', (_name, kind, isAvailable) => {
  it.skipIf(!isAvailable)(
    'killed with SIGKILL mid-write loses no acknowledged write, and restarts without migrating or seeding again',
    async () => {
      const database = await newDatabase(kind);
      const port = String(await freePort());
      try {
        const first = await startServerProcess({ ...database.env, PORT: port });
        expect(first.logs.some((line) => line.includes('"message":"demo data seeded"'))).toBe(true);
        const session = await signIn(first.url);
        const list = await fetch(`${first.url}/api/young-people?pageSize=1`, { headers: { cookie: session.cookie } });
        const [person] = ((await list.json()) as { items: { id: string }[] }).items;
        if (!person) throw new Error('no demo young person');

        // Writers keep adding goals; the server is killed while they are in flight.
        const acknowledged: string[] = [];
        let attempts = 0;
        const writer = async () => {
          for (;;) {
            attempts++;
            try {
              const response = await fetch(`${first.url}/api/young-people/${person.id}/goals`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  origin: first.url,
                  cookie: session.cookie,
                  'x-csrf-token': session.csrfToken,
                },
                body: JSON.stringify({ text: `Goal ${attempts}`, outcomeArea: 'employment' }),
              });
              if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
            } catch {
              return; // the server is gone
            }
          }
        };
        const writers = Promise.all([writer(), writer(), writer(), writer()]);
        while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
        first.child.kill('SIGKILL');
        await writers;
        expect(await first.exited).toBeNull();

        const second = await startServerProcess({ ...database.env, PORT: port });
        try {
          expect(second.logs.find((line) => line.includes('"message":"database ready"'))).toContain(
            '"migrationsApplied":[]',
          );
          expect(second.logs.some((line) => line.includes('demo data seeded'))).toBe(false);
          const again = await signIn(second.url);
          const goals = await fetch(`${second.url}/api/young-people/${person.id}/goals`, {
            headers: { cookie: again.cookie },
          });
          const stored = new Set(((await goals.json()) as { items: { id: string }[] }).items.map((goal) => goal.id));
          const lost = acknowledged.filter((id) => !stored.has(id));
          expect(acknowledged.length).toBeGreaterThanOrEqual(30);
          expect(lost).toEqual([]);

          // SIGTERM: stop accepting, finish, close the database, exit 0.
          second.child.kill('SIGTERM');
          expect(await second.exited).toBe(0);
          expect(second.logs.some((line) => line.includes('"message":"stopped"'))).toBe(true);
        } finally {
          second.child.kill('SIGKILL');
        }
      } finally {
        await database.drop();
      }
    },
    180_000,
  );
});
