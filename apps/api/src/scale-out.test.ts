import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createDatabase, freePort } from '../../../packages/db/test-support/postgres-server.ts';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.ts';
import { DEMO_PASSWORD, REPLAN_JOB } from '@pathways/db';

const POSTGRES_URL = inject('postgresUrl');

type Session = { cookie: string; csrfToken: string };

async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

async function send(url: string, session: Session, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      origin: url,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

/** Asks `isDone` every 200 ms until it says yes; fails after `deadlineMs`. */
async function pollUntil(isDone: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) throw new Error(`not done within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two API processes on one PostgreSQL', () => {
  it('migrate and seed once, share sessions, lose no update under concurrent writes, and run each daily job once', async () => {
    const database = await createDatabase(POSTGRES_URL, 'pathways_scale');
    const servers: ServerProcess[] = [];
    try {
      // Both start on the same empty database at the same moment, with the jobs ticking every second.
      const env = { DATABASE_URL: database.url, JOBS_INTERVAL_SECONDS: '1' };
      servers.push(
        ...(await Promise.all(
          [freePort(), freePort()].map(async (port) => startServerProcess({ ...env, PORT: String(await port) })),
        )),
      );
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const logged = (message: string) =>
        [...a.logs, ...b.logs].filter((line) => line.includes(`"message":"${message}"`));
      expect(logged('demo data seeded')).toHaveLength(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const migrations = await client.query<{ migration_name: string; n: string }>(
          'SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY 1',
        );
        expect(migrations.rows.length).toBeGreaterThan(4);
        expect(migrations.rows.every((row) => row.n === '1')).toBe(true);
        const applied = [a, b].map(
          (server) =>
            JSON.parse(server.logs.find((line) => line.includes('"database ready"')) ?? '{}').migrationsApplied
              .length as number,
        );
        expect(applied.sort()).toEqual([0, migrations.rows.length]);

        // A session made on one process is valid on the other; signing out on one ends it on both.
        const worker = await signIn(a.url, 'worker@northshire.test');
        expect((await send(b.url, worker, 'GET', '/api/session')).status).toBe(200);
        const people = (await send(b.url, worker, 'GET', '/api/young-people?pageSize=3')).body.items as {
          id: string;
        }[];
        expect(people).toHaveLength(3);

        // Writers on both processes record events, add goals and progress notes on the same young people.
        const accepted: { kind: string; id: string; personId: string }[] = [];
        let conflicts = 0;
        const writer = async (index: number) => {
          const url = index % 2 === 0 ? a.url : b.url;
          for (let round = 0; round < 6; round++) {
            const person = people[(index + round) % people.length] as { id: string };
            const { version } = (await send(url, worker, 'GET', `/api/young-people/${person.id}`)).body as {
              version: number;
            };
            const event = await send(url, worker, 'POST', `/api/young-people/${person.id}/events`, {
              version,
              event: { type: 'milestone.recorded', date: '2026-01-01', milestoneId: 'community_inclusion' },
            });
            if (event.status === 201) accepted.push({ kind: 'event', id: event.body.eventId, personId: person.id });
            else if (event.status === 409) conflicts++;
            else if (event.status !== 422) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`);
            const goal = await send(url, worker, 'POST', `/api/young-people/${person.id}/goals`, {
              text: `Goal ${index}-${round}`,
              outcomeArea: 'employment',
            });
            expect(goal.status).toBe(201);
            accepted.push({ kind: 'goal', id: goal.body.id, personId: person.id });
            const note = await send(
              index % 2 === 0 ? b.url : a.url,
              worker,
              'POST',
              `/api/goals/${goal.body.id}/notes`,
              { note: `Progress ${index}-${round}` },
            );
            expect(note.status).toBe(201);
          }
        };
        await Promise.all(Array.from({ length: 8 }, (_, i) => writer(i)));
        const events = accepted.filter((write) => write.kind === 'event');
        expect(events.length).toBeGreaterThan(0);
        expect(events.length + conflicts).toBeGreaterThan(0);
        // Every acknowledged write is there; each record's log is gapless and its version counts its writes.
        const stored = await client.query<{ id: string }>('SELECT id FROM "PathwayEvent" WHERE id = ANY($1::uuid[])', [
          events.map((e) => e.id),
        ]);
        expect(stored.rowCount).toBe(events.length);
        const goals = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Goal" WHERE id = ANY($1::uuid[])', [
          accepted.filter((w) => w.kind === 'goal').map((w) => w.id),
        ]);
        expect(Number(goals.rows[0]?.n)).toBe(48);
        expect(
          Number(
            (
              await client.query<{ n: string }>(
                `SELECT count(*) AS n FROM "GoalProgressNote" WHERE note LIKE 'Progress %'`,
              )
            ).rows[0]?.n,
          ),
        ).toBe(48);
        for (const person of people) {
          const log = await client.query<{ sequence: number }>(
            'SELECT sequence FROM "PathwayEvent" WHERE "youngPersonId" = $1 ORDER BY sequence',
            [person.id],
          );
          expect(log.rows.map((row) => row.sequence)).toEqual(log.rows.map((_, i) => i + 1));
        }

        // Signing out on one process ends the session on both.
        expect((await send(b.url, worker, 'DELETE', '/api/session')).status).toBe(204);
        expect((await send(a.url, worker, 'GET', '/api/session')).status).toBe(401);

        // Each daily job ran once for today although both processes tick every second: wait
        // (with a deadline) until every job has run and both processes have since ticked at
        // least twice more, by the database's clock.
        await pollUntil(async () => {
          const settled = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM "JobRun"
              WHERE "finishedAt" < now() - make_interval(secs => $1)`,
            [(2 * Number(env.JOBS_INTERVAL_SECONDS)).toString()],
          );
          return Number(settled.rows[0]?.n) >= 4;
        }, 30_000);
        const runs = await client.query<{ job: string; n: string }>(
          'SELECT job, count(*) AS n FROM "JobRun" GROUP BY job ORDER BY job',
        );
        expect(runs.rows).toEqual([
          { job: 'purge', n: '1' },
          { job: 'reminders', n: '1' },
          { job: REPLAN_JOB, n: '1' },
          { job: 'retention', n: '1' },
        ]);
        expect(logged('job ran').length).toBe(4);
      } finally {
        await client.end();
      }
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
      await database.drop();
    }
  }, 180_000);
});
