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
 * PostgreSQL: BENCH_DATABASE_URL, or a private throw-away cluster (Debian's binaries, else npm's). `--rate N` sets
 * the steady load (default 50 requests a second).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  caseloadSql,
  forecastDemand,
  loadSyntheticCounty,
  openDatabase,
  replanEveryone,
  ZCaseloadQuery,
  type ReplanResult,
} from '@pathways/db';
import { englandRulePack, type RulePack } from '@pathways/engine';
import { hashPassword } from '../src/auth/passwords.ts';
import { startServerProcess } from '../test-support/server-process.ts';
import { createDatabase, freePort, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { argument } from './arguments.ts';

const PEOPLE = Number(argument('people') ?? 20_000);
const SECONDS = Number(argument('seconds') ?? 10);
const CONNECTIONS = 10;
/** Requests a second for the steady-load runs. */
const RATE = Number(argument('rate') ?? 50);
const WORKERS = 50;
const PASSWORD = 'benchmark-password';
const TODAY = new Date().toISOString().slice(0, 10);
const IN_90_DAYS = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/** A rule change for the re-plan: the county plans Care Act transition assessments by 17¼, not 17½. */
const CHANGED_PACK: RulePack = {
  ...englandRulePack,
  milestones: englandRulePack.milestones.map((rule) =>
    rule.id === 'care_act_transition_assessment' ? { ...rule, due: { at: 'birthday', years: 17, months: 3 } } : rule,
  ),
};

type Figures = { name: string; p50: number; p95: number; rps: number; errors: number; requests: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Runs autocannon, collecting every response time to report exact percentiles: for SECONDS,
 * or, given `until`, for as long as that work takes.
 */
async function load(name: string, options: autocannon.Options, until?: Promise<unknown>): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { connections: CONNECTIONS, duration: until ? 3600 : SECONDS, ...options },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
      else errors++;
    });
    void until?.finally(() => instance.stop());
  });
  times.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    errors: errors + result.errors + result.timeouts,
    requests: times.length,
  };
}

async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
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
      const cluster = await startThrowAwayPostgres();
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
    const database = await openDatabase(
      backend === 'postgres'
        ? { kind: 'postgres', url: databaseUrl as string }
        : { kind: 'pglite', dataDir: env.DATA_DIR as string },
    );
    const db = database.prisma;
    const passwordHash = await hashPassword(PASSWORD);
    const area = await db.localArea.create({ data: { code: 'CTY', name: 'Countyshire', jurisdiction: 'england' } });
    const agency = await db.agency.create({
      data: { name: 'Adult social care', type: 'adult_social_care', areaId: area.id, services: [] },
    });
    const workers = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        db.user.create({
          data: {
            email: `worker${i}@county.test`,
            name: `Worker ${i}`,
            role: 'transition_worker',
            areaId: area.id,
            passwordHash,
          },
        }),
      ),
    );
    await db.user.create({
      data: {
        email: 'commissioner@county.test',
        name: 'Commissioner',
        role: 'commissioner',
        areaId: area.id,
        passwordHash,
      },
    });
    let started = performance.now();
    const loaded = await loadSyntheticCounty({
      db,
      count: PEOPLE,
      seed: 20261122,
      today: TODAY,
      areas: [{ id: area.id, workerIds: workers.map((w) => w.id), adultAgencyId: agency.id }],
    });
    const loadMs = performance.now() - started;
    const people = await db.youngPerson.findMany({ select: { id: true, version: true }, take: 20_000 });
    const replans: ({ label: string; ms: number } & ReplanResult)[] = [];
    if (backend === 'pglite') {
      // One process owns an embedded database: re-plan before the server takes it.
      for (const [label, rulePacks] of [
        ['nightly, no rule changed', undefined],
        ['after a rule-pack change', [CHANGED_PACK]],
      ] as const) {
        started = performance.now();
        const result = await replanEveryone({ db, today: TODAY, ...(rulePacks ? { rulePacks } : {}) });
        replans.push({ label, ms: performance.now() - started, ...result });
      }
    }
    // The forecast computed once, without the server's cache: what the first request of a day pays.
    started = performance.now();
    await forecastDemand({ db, today: TODAY });
    const forecastMs = performance.now() - started;
    await database.close();

    // The real server, in its own process. Its scheduled jobs are off: the first tick of a
    // server would re-plan everyone (a new day, new rules) while these figures are taken; the
    // re-plan is measured on its own below, with the caseload read during it.
    const server = await startServerProcess({ ...env, PORT: String(await freePort()), JOBS_INTERVAL_SECONDS: '0' });
    cleanups.unshift(() => {
      server.child.kill('SIGTERM');
    });
    const worker = await signIn(server.url, 'worker0@county.test');
    const commissioner = await signIn(server.url, 'commissioner@county.test');
    const headers = (session: { cookie: string; csrfToken: string }) => ({
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      origin: server.url,
      'content-type': 'application/json',
    });

    // Each scenario twice: saturated (10 connections, each sending its next request as soon
    // as the last is answered: the capacity of this machine), and at a steady RATE requests a
    // second (a generous peak for a county's 50 workers: latency as a user would see it).
    let next = 0;
    let writer = 0;
    const scenarios: { name: string; options: autocannon.Options }[] = [
      {
        name: 'caseload, one worker, next 90 days',
        options: {
          url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&worker=me&pageSize=50`,
          headers: headers(worker),
        },
      },
      {
        name: 'caseload, whole area, next 90 days',
        options: {
          url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&pageSize=50`,
          headers: headers(worker),
        },
      },
      {
        name: 'one young person’s plan',
        options: {
          url: server.url,
          headers: headers(worker),
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => ({
                ...request,
                path: `/api/young-people/${people[next++ % people.length]?.id}/plan`,
              }),
            },
          ],
        },
      },
      {
        name: 'record an event',
        options: {
          url: server.url,
          headers: headers(worker),
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const person = people[writer++ % people.length];
                return {
                  ...request,
                  path: `/api/young-people/${person?.id}/events`,
                  body: JSON.stringify({
                    version: person?.version,
                    event: { type: 'milestone.recorded', date: TODAY, milestoneId: 'community_inclusion' },
                  }),
                };
              },
            },
          ],
        },
      },
      {
        name: 'commissioning forecast',
        options: { url: `${server.url}/api/forecast`, headers: headers(commissioner) },
      },
    ];
    const results: Figures[] = [];
    const atRate: Figures[] = [];
    const oneAtATime: Figures[] = [];
    for (const scenario of scenarios) {
      results.push(await load(scenario.name, scenario.options));
      atRate.push(await load(scenario.name, { ...scenario.options, overallRate: RATE }));
      oneAtATime.push(await load(scenario.name, { ...scenario.options, connections: 1 }));
    }

    let rawSql: Figures | undefined;
    const duringReplan: Figures[] = [];
    if (backend === 'postgres') {
      // The same caseload query in raw SQL (the very SQL the API sends), from as many
      // concurrent clients as autocannon uses.
      const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
      const times: number[] = [];
      const sql = caseloadSql(
        ZCaseloadQuery.parse({
          from: TODAY,
          to: IN_90_DAYS,
          areaId: area.id,
          namedWorkerId: workers[0]?.id,
          pageSize: 50,
        }),
        TODAY,
      );
      const endAt = performance.now() + SECONDS * 1000;
      const client = async () => {
        while (performance.now() < endAt) {
          const t = performance.now();
          await pool.query(sql.text, sql.values);
          times.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, client));
      await pool.end();
      times.sort((a, b) => a - b);
      rawSql = {
        name: 'caseload, one worker, raw SQL (same query)',
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        rps: times.length / SECONDS,
        errors: 0,
        requests: times.length,
      };

      // Re-plan everyone while the caseload keeps being read: the nightly run (no rule changed),
      // then after a rule-pack change that moves one milestone for everyone it applies to.
      const replanDb = await openDatabase({ kind: 'postgres', url: databaseUrl as string });
      for (const [label, rulePacks] of [
        ['nightly, no rule changed', undefined],
        ['after a rule-pack change', [CHANGED_PACK]],
      ] as const) {
        started = performance.now();
        const replanning = replanEveryone({
          db: replanDb.prisma,
          today: TODAY,
          ...(rulePacks ? { rulePacks } : {}),
        }).then((result) => replans.push({ label, ms: performance.now() - started, ...result }));
        duringReplan.push(
          await load(
            `caseload, one worker, during re-plan (${label})`,
            {
              url: `${server.url}/api/caseload?from=${TODAY}&to=${IN_90_DAYS}&worker=me&pageSize=50`,
              headers: headers(worker),
              overallRate: RATE,
            },
            replanning,
          ),
        );
        await replanning;
      }
      await replanDb.close();
    }
    return {
      backend,
      loaded,
      loadMs,
      forecastMs,
      replans,
      results: [...results, ...(rawSql ? [rawSql] : [])],
      atRate: [...atRate, ...duringReplan],
      oneAtATime,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

const backends = (argument('backend') ? [argument('backend')] : ['postgres', 'pglite']) as ('postgres' | 'pglite')[];
console.log(
  `Pathways API benchmark — ${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, Node ${process.version}, ${PEOPLE} young people, ${CONNECTIONS} connections, ${SECONDS} s per scenario, over loopback\n`,
);
for (const backend of backends) {
  const run = await benchmark(backend);
  console.log(
    `== ${backend === 'postgres' ? 'PostgreSQL 15' : 'PGlite (embedded)'}: loaded ${run.loaded.people} people, ${run.loaded.events} events, ${run.loaded.milestones} milestones in ${(run.loadMs / 1000).toFixed(1)} s`,
  );
  const row = (r: Figures) =>
    `${r.name.padEnd(64)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ${String(r.errors).padStart(9)}`;
  console.log(`saturated: ${CONNECTIONS} connections, each sending its next request when the last is answered`);
  console.log(`${'scenario'.padEnd(64)}  p50 ms   p95 ms    req/s   non-2xx`);
  for (const r of run.results) console.log(row(r));
  const api = run.results.find((r) => r.name === 'caseload, one worker, next 90 days');
  const raw = run.results.find((r) => r.name.includes('raw SQL'));
  if (api && raw) console.log(`caseload p95, API ÷ raw SQL (both saturated): ${(api.p95 / raw.p95).toFixed(1)}×`);
  console.log(
    `commissioning forecast computed without the cache (the first request of a day): ${run.forecastMs.toFixed(0)} ms`,
  );
  console.log('\none at a time: 1 connection, the next request when the last is answered (the latency floor)');
  console.log(`${'scenario'.padEnd(64)}  p50 ms   p95 ms    req/s   non-2xx`);
  for (const r of run.oneAtATime) console.log(row(r));
  console.log(
    `\nsteady load: ${RATE} requests a second (autocannon fires its ${CONNECTIONS} connections together: bursts of ${CONNECTIONS} every ${(1000 * CONNECTIONS) / RATE} ms)`,
  );
  console.log(`${'scenario'.padEnd(64)}  p50 ms   p95 ms    req/s   non-2xx`);
  for (const r of run.atRate) console.log(row(r));
  for (const replan of run.replans) {
    console.log(
      `re-plan all ${replan.planned} people, ${replan.label}: ${(replan.ms / 1000).toFixed(1)} s, ${replan.rewritten} plans rewritten, ${replan.skipped} skipped, ${replan.batches} batches${backend === 'postgres' ? ' (while the caseload was being read)' : ''}`,
    );
  }
  console.log('');
}
process.exit(0);
