/**
 * Plans synthetic young people (England, aged 13–25, with realistic event histories) and
 * prints time per person and peak memory at 1,000, 10,000 and 50,000 people: dates and
 * statuses only (`scheduleMilestones`, what re-planning a caseload does), then 10,000 with
 * every milestone's explanation written (`planMilestones`, what a person reading plans costs).
 *
 *   npm run bench -w @pathways/engine
 *
 * Each size runs in a fresh Node process, so its peak RSS is its own. People are generated
 * one at a time while planning: memory should stay flat as the count grows.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { englandRulePack, planMilestones, scheduleMilestones } from '../src/index.ts';
import { syntheticPerson } from '../src/synthetic/synthetic-people.ts';

const AS_OF = '2026-11-22';
const SEED = 20261122;
const SIZES = [1_000, 10_000, 50_000];
const TARGET_MS_AT_10K = 1_000;

type Result = {
  count: number;
  totalMs: number;
  usPerPerson: number;
  peakRssMb: number;
  heapUsedMb: number;
  events: number;
  statuses: Record<string, number>;
};

/** With explanations (`planMilestones`) when the child is run with `--explained`; dates only otherwise. */
const plan = process.argv.includes('--explained') ? planMilestones : scheduleMilestones;

function warmUp(): void {
  // Warm up the JIT on people outside the measured range.
  for (let i = 0; i < 2_000; i++) {
    const person = syntheticPerson(SEED + 1, i, AS_OF);
    plan(person.profile, person.events, { asOf: AS_OF });
  }
}

function measure(count: number, first = 0): Result {
  const statuses: Record<string, number> = {};
  let events = 0;
  let plannedMs = 0;
  for (let i = first; i < first + count; i++) {
    const person = syntheticPerson(SEED, i, AS_OF);
    events += person.events.length;
    const started = performance.now();
    const milestones = plan(person.profile, person.events, { asOf: AS_OF });
    plannedMs += performance.now() - started;
    for (const milestone of milestones) statuses[milestone.status] = (statuses[milestone.status] ?? 0) + 1;
  }
  return {
    count,
    totalMs: plannedMs,
    usPerPerson: (plannedMs / count) * 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    events,
    statuses,
  };
}

/** Plans `count` people split over `workers` threads; returns wall-clock time from a common start. */
async function measureOnCores(count: number, workers: number): Promise<{ wallMs: number; peakRssMb: number }> {
  const entry = new URL('./worker-entry.mjs', import.meta.url);
  const slice = Math.ceil(count / workers);
  const threads = Array.from(
    { length: workers },
    (_, i) => new Worker(entry, { workerData: { first: i * slice, count: Math.min(slice, count - i * slice) } }),
  );
  const message = (worker: Worker) =>
    new Promise<unknown>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await Promise.all(threads.map(message));
  const started = performance.now();
  const done = Promise.all(threads.map(message));
  for (const worker of threads) worker.postMessage('go');
  await done;
  const wallMs = performance.now() - started;
  await Promise.all(threads.map((worker) => worker.terminate()));
  return { wallMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const countArgument = process.argv.indexOf('--count');
const coresArgument = process.argv.indexOf('--cores');
if (!isMainThread) {
  const { first, count } = workerData as { first: number; count: number };
  warmUp();
  parentPort?.postMessage('ready');
  parentPort?.once('message', () => parentPort?.postMessage(measure(count, first)));
} else if (coresArgument > 0) {
  const result = await measureOnCores(Number(process.argv[countArgument + 1]), Number(process.argv[coresArgument + 1]));
  process.stdout.write(JSON.stringify(result));
} else if (countArgument > 0) {
  warmUp();
  process.stdout.write(JSON.stringify(measure(Number(process.argv[countArgument + 1]))));
} else {
  const self = fileURLToPath(import.meta.url);
  console.log(
    `scheduleMilestones / planMilestones benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`,
  );
  console.log(
    `as of ${AS_OF}, seed ${SEED}, England rule pack (${englandRulePack.milestones.length} milestones, 8 pathway machines); one core\n`,
  );
  console.log('people    events   total ms   µs/person   peak RSS MB   heap MB');
  const results: Result[] = [];
  for (const count of SIZES) {
    const output = execFileSync(process.execPath, [...process.execArgv, self, '--count', String(count)], {
      encoding: 'utf8',
    });
    const result = JSON.parse(output) as Result;
    results.push(result);
    console.log(
      `${String(result.count).padStart(6)} ${String(result.events).padStart(9)} ${result.totalMs.toFixed(0).padStart(10)} ${result.usPerPerson.toFixed(1).padStart(11)} ${result.peakRssMb.toFixed(0).padStart(13)} ${result.heapUsedMb.toFixed(0).padStart(9)}`,
    );
  }
  const explained = JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, self, '--count', '10000', '--explained'], {
      encoding: 'utf8',
    }),
  ) as Result;
  console.log(
    `${String(explained.count).padStart(6)} ${String(explained.events).padStart(9)} ${explained.totalMs.toFixed(0).padStart(10)} ${explained.usPerPerson.toFixed(1).padStart(11)} ${explained.peakRssMb.toFixed(0).padStart(13)} ${explained.heapUsedMb.toFixed(0).padStart(9)}   with every explanation written`,
  );
  const tenK = results.find((r) => r.count === 10_000);
  const cores = availableParallelism();
  const parallel = JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, self, '--count', '10000', '--cores', String(cores)], {
      encoding: 'utf8',
    }),
  ) as { wallMs: number; peakRssMb: number };
  if (tenK) {
    const verdict = (ms: number) => (ms < TARGET_MS_AT_10K ? 'meets' : 'misses');
    console.log(
      `\n10,000 people on one core: ${tenK.totalMs.toFixed(0)} ms (${verdict(tenK.totalMs)} the ${TARGET_MS_AT_10K} ms target).`,
    );
    console.log(
      `10,000 people on ${cores} cores (worker threads): ${parallel.wallMs.toFixed(0)} ms wall, peak RSS ${parallel.peakRssMb.toFixed(0)} MB (${verdict(parallel.wallMs)} the target).`,
    );
    console.log(`milestone statuses at 10,000: ${JSON.stringify(tenK.statuses)}`);
  }
  const [first, , last] = results;
  if (first && last)
    console.log(
      `peak RSS grows ${(last.peakRssMb - first.peakRssMb).toFixed(0)} MB from ${first.count} to ${last.count} people.`,
    );
}
