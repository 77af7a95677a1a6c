/**
 * Load benchmark at the size of a large English county: loads 20,000 synthetic young people,
 * starts the real server (a separate process), and drives it over loopback with autocannon:
 * the caseload "due in the next 90 days" for one worker and for the whole area, one young
 * person's plan, recording an event, and the commissioning forecast. Prints p50/p95 latency
 * and requests per second on PostgreSQL and on PGlite, the same caseload query in raw SQL
 * (so the API's overhead is a ratio), and the time to re-plan everyone while requests go on.
 *
 *   npm run bench -w @pathways/api                      # both databases, 20,000 people
 *   npm run bench -w @pathways/api -- --people 5000 --seconds 5 --backend postgres
 *
 * PostgreSQL: BENCH_DATABASE_URL, or a private cluster from the Debian binaries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadSyntheticCounty, openDatabase, replanEveryone } from '@pathways/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { startServerProcess } from '../test-support/server-process.ts';
import { createDatabase, freePort, hasPostgresBinaries, startPrivatePostgres } from '../../../packages/db/test-support/postgres-server.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const PEOPLE = Number(argument('people') ?? 20_000);
const SECONDS = Number(argument('seconds') ?? 10);
const CONNECTIONS = 10;
const WORKERS = 50;
const PASSWORD = 'benchmark-password';
const TODAY = new Date().toISOString().slice(0, 10);
const IN_90_DAYS = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

type Figures = { name: string; p50: number; p95: number; rps: number; errors: number; requests: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Runs autocannon, collecting every response time to report exact percentiles. */
async function load(name: string, options: autocannon.Options): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
      else errors++;
    });
  });
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), rps: result.requests.average, errors: errors + result.errors + result.timeouts, requests: times.length };
}

async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

async function benchmark(backend: 'postgres' | 'pglite') {
  let env: Record<string, string>;
  let databaseUrl: string | undefined;
  const cleanups: (() => void | Promise<void>)[] = [];
  if (backend === 'postgres') {
    let serverUrl = process.env.BENCH_DATABASE_URL;
    if (!serverUrl) {
      if (!hasPostgresBinaries()) throw new Error('no PostgreSQL: set BENCH_DATABASE_URL or install postgresql-15');
      const cluster = await startPrivatePostgres();
      cleanups.push(cluster.stop);
      serverUrl = cluster.url;
    }
    const database = await createDatabase(serverUrl, 'pathways_bench');
    cleanups.unshift(database.drop);
    databaseUrl = database.url;
    env = { DATABASE_URL: databaseUrl };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'pathways-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  }

  try {
    // Load the county.
    const database = await openDatabase(backend === 'postgres' ? { kind: 'postgres', url: databaseUrl as string } : { kind: 'pglite', dataDir: env.DATA_DIR as string });
    const db = database.prisma;
    const passwordHash = await hashPassword(PASSWORD);
    const area = await db.localArea.create({ data: { code: 'CTY', name: 'Countyshire', jurisdiction: 'england' } });
    const agency = await db.agency.create({ data: { name: 'Adult social care', type: 'adult_social_care', areaId: area.id, services: [] } });
    const workers = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => db.user.create({ data: { email: `worker${i}@county.test`, name: `Worker ${i}`, role: 'transition_worker', areaId: area.id, passwordHash } })),
    );
    await db.user.create({ data: { email: 'commissioner@county.test', name: 'Commissioner', role: 'commissioner', areaId: area.id, passwordHash } });
    let started = performance.now();
    const loaded = await loadSyntheticCounty({ db, count: PEOPLE, seed: 20261122, today: TODAY, areas: [{ id: area.id, workerIds: workers.map((w) => w.id), adultAgencyId: agency.id }] });
    const loadMs = performance.now() - started;
    const people = await db.youngPerson.findMany({ select: { id: true, version: true }, take: 20_000 });
    let replanMs: number | undefined;
    if (backend === 'pglite') {
      // One process owns an embedded database: re-plan before the server takes it.
      started = performance.now();
      await replanEveryone({ db, today: TODAY });
      replanMs = performance.now() - started;
    }
    await database.close();

    // The real server, in its own process.
    const server = await startServerProcess({ ...env, PORT: String(await freePort()) });
    cleanups.unshift(() => {
      server.child.kill('SIGTERM');
    });
    const worker = await signIn(server.url, 'worker0@county.test');
    const commissioner = await signIn(server.url, 'commissioner@county.test');
    const headers = (session: { cookie: string; csrfToken: string }) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: server.url, 'content-type': 'application/json' });

    const results: Figures[] = [];
    results.push(await load('caseload, one worker, next 90 days', { url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&worker=me&pageSize=50`, headers: headers(worker) }));
    results.push(await load('caseload, whole area, next 90 days', { url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&pageSize=50`, headers: headers(worker) }));
    let next = 0;
    results.push(
      await load('one young person’s plan', {
        url: server.url,
        headers: headers(worker),
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/young-people/${people[next++ % people.length]?.id}/plan` }) }],
      }),
    );
    let writer = 0;
    results.push(
      await load('record an event', {
        url: server.url,
        headers: headers(worker),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const person = people[writer++ % people.length];
              return { ...request, path: `/api/young-people/${person?.id}/events`, body: JSON.stringify({ version: person?.version, event: { type: 'milestone.recorded', date: TODAY, milestoneId: 'community_inclusion' } }) };
            },
          },
        ],
      }),
    );
    results.push(await load('commissioning forecast', { url: `${server.url}/api/forecast`, headers: headers(commissioner) }));

    let rawSql: Figures | undefined;
    let duringReplan: Figures | undefined;
    if (backend === 'postgres') {
      // The same caseload query in raw SQL, from as many concurrent clients as autocannon uses.
      const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
      const times: number[] = [];
      const workerId = workers[0]?.id;
      const endAt = performance.now() + SECONDS * 1000;
      const client = async () => {
        while (performance.now() < endAt) {
          const t = performance.now();
          await pool.query(
            `SELECT m.*, p."givenName", p."familyName", p."preferredName", p."dateOfBirth", p.jurisdiction, count(*) OVER () AS total
               FROM "Milestone" m JOIN "YoungPerson" p ON p.id = m."youngPersonId"
              WHERE m."dueDate" BETWEEN $1 AND $2 AND p."areaId" = $3 AND p."namedWorkerId" = $4 AND m.status IN ('overdue', 'due', 'upcoming')
              ORDER BY m."dueDate", m."youngPersonId", m."milestoneId" LIMIT 50`,
            [TODAY, IN_90_DAYS, area.id, workerId],
          );
          times.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, client));
      await pool.end();
      times.sort((a, b) => a - b);
      rawSql = { name: 'caseload, one worker, raw SQL (same query)', p50: percentile(times, 50), p95: percentile(times, 95), rps: times.length / SECONDS, errors: 0, requests: times.length };

      // Re-plan everyone while the caseload keeps being read.
      const replanDb = await openDatabase({ kind: 'postgres', url: databaseUrl as string });
      started = performance.now();
      const replanning = replanEveryone({ db: replanDb.prisma, today: TODAY }).then(() => (replanMs = performance.now() - started));
      duringReplan = await load('caseload, one worker, during re-plan', { url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&worker=me&pageSize=50`, headers: headers(worker) });
      await replanning;
      await replanDb.close();
    }
    return { backend, loaded, loadMs, replanMs, results: [...results, ...(rawSql ? [rawSql] : []), ...(duringReplan ? [duringReplan] : [])] };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

const backends = (argument('backend') ? [argument('backend')] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[];
console.log(`Pathways API benchmark — ${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, Node ${process.version}, ${PEOPLE} young people, ${CONNECTIONS} connections, ${SECONDS} s per scenario, over loopback\n`);
for (const backend of backends) {
  const run = await benchmark(backend);
  console.log(`== ${backend === 'postgres' ? 'PostgreSQL 15' : 'PGlite (embedded)'}: loaded ${run.loaded.people} people, ${run.loaded.events} events, ${run.loaded.milestones} milestones in ${(run.loadMs / 1000).toFixed(1)} s`);
  console.log('scenario                                          p50 ms   p95 ms    req/s   non-2xx');
  for (const r of run.results) console.log(`${r.name.padEnd(48)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ${String(r.errors).padStart(9)}`);
  const api = run.results.find((r) => r.name === 'caseload, one worker, next 90 days');
  const raw = run.results.find((r) => r.name.includes('raw SQL'));
  if (api && raw) console.log(`caseload p95, API ÷ raw SQL: ${(api.p95 / raw.p95).toFixed(1)}×`);
  if (run.replanMs !== undefined) console.log(`re-plan all ${run.loaded.people} people: ${(run.replanMs / 1000).toFixed(1)} s${backend === 'postgres' ? ' (while the caseload was being read)' : ''}`);
  console.log('');
}
process.exit(0);
