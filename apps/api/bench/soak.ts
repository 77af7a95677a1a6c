/**
 * Soak test: two API processes on one PostgreSQL, driven for five minutes by simulated users
 * doing a mixed day's work over loopback: transition workers reading their caseload and plans,
 * recording events, adding goals and progress, reading reminders; young people reading their
 * own plan. Prints throughput, p50/p95 per kind of request, errors (target 0) and each
 * process's memory over time (target: flat).
 *
 *   npm run soak -w @pathways/api                       # 5 minutes, 24 users
 *   npm run soak -w @pathways/api -- --seconds 60 --users 12
 *
 * PostgreSQL: BENCH_DATABASE_URL, or a private throw-away cluster (Debian's binaries, else npm's).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createDatabase, freePort, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { DEMO_PASSWORD } from '@pathways/db';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.ts';
import { argument } from './arguments.ts';

const SECONDS = Number(argument('seconds') ?? 300);
const USERS = Number(argument('users') ?? 24);
const THINK_MS = 200;

type Session = { cookie: string; csrfToken: string };
const timings = new Map<string, number[]>();
const failures = new Map<string, number>();
let expectedRefusals = 0;

async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

/** One timed request; 409 and 422 are answers a real user gets (someone else changed it; not possible now), not failures. */
async function timed(
  kind: string,
  url: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the soak reads a few fields of many response shapes
): Promise<any> {
  const started = performance.now();
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
  const text = await response.text();
  const list = timings.get(kind) ?? [];
  list.push(performance.now() - started);
  timings.set(kind, list);
  if (response.status === 409 || response.status === 422) expectedRefusals++;
  else if (!response.ok)
    failures.set(`${kind} ${response.status}`, (failures.get(`${kind} ${response.status}`) ?? 0) + 1);
  return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random())));

async function worker(urls: string[], email: string, until: number) {
  const sessions = await Promise.all(urls.map((url) => signIn(url, email)));
  const today = new Date().toISOString().slice(0, 10);
  const in90 = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  for (let turn = 0; performance.now() < until; turn++) {
    const at = turn % urls.length;
    const [url, session] = [urls[at] as string, sessions[at] as Session];
    const caseload = await timed(
      'caseload (mine, 90 days)',
      url,
      session,
      'GET',
      `/api/caseload?from=${today}&to=${in90}&worker=me&pageSize=50`,
    );
    const rows = (caseload?.items ?? []) as { youngPersonId: string }[];
    const personId = rows[Math.floor(Math.random() * rows.length)]?.youngPersonId;
    if (personId) {
      await timed('plan', url, session, 'GET', `/api/young-people/${personId}/plan`);
      const person = await timed('record', url, session, 'GET', `/api/young-people/${personId}`);
      if (Math.random() < 0.3 && person) {
        await timed('record an event', url, session, 'POST', `/api/young-people/${personId}/events`, {
          version: person.version,
          event: { type: 'milestone.recorded', date: today, milestoneId: 'community_inclusion' },
        });
      }
      if (Math.random() < 0.2) {
        const goal = await timed('add a goal', url, session, 'POST', `/api/young-people/${personId}/goals`, {
          text: 'Try the Saturday club',
          outcomeArea: 'community_inclusion',
        });
        if (goal?.id)
          await timed(
            'add progress',
            urls[(at + 1) % urls.length] as string,
            sessions[(at + 1) % urls.length] as Session,
            'POST',
            `/api/goals/${goal.id}/notes`,
            { note: 'Went twice this month' },
          );
      }
    }
    if (turn % 5 === 0) await timed('reminders', url, session, 'GET', '/api/notifications');
    await pause(THINK_MS);
  }
}

async function youngPerson(urls: string[], until: number) {
  const sessions = await Promise.all(urls.map((url) => signIn(url, 'maya@family.test')));
  const mine = await timed('my plan', urls[0] as string, sessions[0] as Session, 'GET', '/api/my-young-people');
  const id = (mine?.items?.[0] as { id: string } | undefined)?.id;
  for (let turn = 0; performance.now() < until && id; turn++) {
    await timed(
      'my plan',
      urls[turn % urls.length] as string,
      sessions[turn % urls.length] as Session,
      'GET',
      `/api/young-people/${id}/plan`,
    );
    await pause(THINK_MS * 3);
  }
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

let serverUrl = process.env.BENCH_DATABASE_URL;
let stopCluster: () => void | Promise<void> = () => {};
if (!serverUrl) {
  const cluster = await startThrowAwayPostgres();
  serverUrl = cluster.url;
  stopCluster = cluster.stop;
}
const database = await createDatabase(serverUrl, 'pathways_soak');
const servers: ServerProcess[] = [];
try {
  const env = { DATABASE_URL: database.url, JOBS_INTERVAL_SECONDS: '30' };
  servers.push(
    ...(await Promise.all([0, 1].map(async () => startServerProcess({ ...env, PORT: String(await freePort()) })))),
  );
  const urls = servers.map((server) => server.url);
  const pids = servers.map((server) => server.child.pid as number);
  const memory: { at: number; rss: number[] }[] = [];
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const sampler = setInterval(
    () => memory.push({ at: (performance.now() - started) / 1000, rss: pids.map(rssMb) }),
    5000,
  );
  memory.push({ at: 0, rss: pids.map(rssMb) });
  const workers = ['worker@northshire.test', 'worker2@northshire.test', 'manager@northshire.test'];
  await Promise.all(
    Array.from({ length: USERS }, (_, i) =>
      i % 6 === 5 ? youngPerson(urls, until) : worker(urls, workers[i % workers.length] as string, until),
    ),
  );
  clearInterval(sampler);
  memory.push({ at: (performance.now() - started) / 1000, rss: pids.map(rssMb) });

  const total = [...timings.values()].reduce((sum, list) => sum + list.length, 0);
  const errors = [...failures.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `Pathways soak — ${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, Node ${process.version}, 2 API processes on one PostgreSQL, ${USERS} simulated users, ${SECONDS} s\n`,
  );
  console.log(
    `${total} requests, ${(total / SECONDS).toFixed(1)} per second; errors: ${errors}${errors ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}; 409/422 answers (someone changed it first / not possible now): ${expectedRefusals}\n`,
  );
  console.log(`${'request'.padEnd(28)} ${'count'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [kind, list] of [...timings].sort()) {
    list.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(28)} ${String(list.length).padStart(7)} ${percentile(list, 50).toFixed(1).padStart(8)} ${percentile(list, 95).toFixed(1).padStart(8)}`,
    );
  }
  const afterWarmUp = memory.find((sample) => sample.at >= Math.min(60, SECONDS / 5)) ?? memory[0];
  const last = memory[memory.length - 1];
  console.log('\nmemory (RSS, MB)      start  after warm-up    end    max   growth after warm-up');
  pids.forEach((_, i) => {
    const series = memory.map((sample) => sample.rss[i] as number);
    const warm = afterWarmUp?.rss[i] as number;
    const end = last?.rss[i] as number;
    console.log(
      `API process ${i + 1}          ${series[0]?.toFixed(0).padStart(5)} ${warm.toFixed(0).padStart(14)} ${end.toFixed(0).padStart(6)} ${Math.max(
        ...series,
      )
        .toFixed(0)
        .padStart(6)} ${`${end - warm >= 0 ? '+' : ''}${(end - warm).toFixed(0)} MB`.padStart(10)}`,
    );
  });
  console.log(
    `\nmemory every minute: ${memory
      .filter((_, i) => i % 12 === 0)
      .map((sample) => `${sample.at.toFixed(0)} s: ${sample.rss.map((mb) => mb.toFixed(0)).join('/')}`)
      .join(', ')}`,
  );
} finally {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
  await database.drop();
  await stopCluster();
}
process.exit(0);
