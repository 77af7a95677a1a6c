/**
 * What the demo's plans say, by status: per age band, how many milestones are done, live
 * work (due, late, coming up), missed, legal facts and duties, not known or not applicable;
 * and, for the demo transition worker, how much of their default caseload (everything late
 * up to a year back and the next 90 days) is live work, against what the same window held
 * when every past-due milestone counted as late.
 *
 *   npm run status-report -w @pathways/db [-- 2026-11-29]
 */
import { ageOn, isoToDay } from '@pathways/engine';
import { openDatabase } from '../src/database.ts';
import { findCaseload } from '../src/repositories/caseload.ts';
import { seedEmptyDatabase } from '../src/seed/demo-data.ts';

const today = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const database = await openDatabase({ kind: 'pglite' });
await seedEmptyDatabase(database, today, 'not-a-real-hash');

const rows = await database.prisma.$queryRaw<
  { jurisdiction: string; dateOfBirth: Date; status: string; count: bigint }[]
>`
  SELECT p.jurisdiction, p."dateOfBirth", m.status, count(*) AS count
    FROM "Milestone" m JOIN "YoungPerson" p ON p.id = m."youngPersonId"
   GROUP BY 1, 2, 3`;
const BANDS = [
  [13, 15],
  [16, 17],
  [18, 20],
  [21, 25],
] as const;
const STATUSES = [
  'done',
  'due',
  'overdue',
  'upcoming',
  'missed',
  'not_known',
  'starts_later',
  'in_effect',
  'ended',
  'not_applicable',
];
const table = new Map(
  ['england', 'denmark'].flatMap((jurisdiction) =>
    BANDS.map(([from, to]) => [`${jurisdiction} ${from}–${to}`, new Map<string, number>()] as const),
  ),
);
for (const row of rows) {
  const age = ageOn(isoToDay(today), isoToDay(row.dateOfBirth.toISOString().slice(0, 10)), 'march_1');
  const band = BANDS.find(([from, to]) => age >= from && age <= to);
  if (!band) continue;
  const counts = table.get(`${row.jurisdiction} ${band[0]}–${band[1]}`) as Map<string, number>;
  counts.set(row.status, (counts.get(row.status) ?? 0) + Number(row.count));
}
console.log(`Demo plans as of ${today}, milestones by status (stored; statuses re-derived for today in the caseload)`);
console.log(['age band', ...STATUSES].map((cell) => cell.padStart(15)).join(''));
for (const [band, counts] of table)
  console.log(
    [band, ...STATUSES.map((status) => String(counts.get(status) ?? 0))].map((cell) => cell.padStart(15)).join(''),
  );

const worker = await database.prisma.user.findFirstOrThrow({ where: { email: 'worker@northshire.test' } });
const from = new Date(`${today}T00:00:00Z`);
from.setUTCDate(from.getUTCDate() - 365);
const to = new Date(`${today}T00:00:00Z`);
to.setUTCDate(to.getUTCDate() + 90);
const window = { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), namedWorkerId: worker.id };
const live = await findCaseload({ db: database.prisma, today, query: { ...window, pageSize: 5000 } });
const missed = await findCaseload({
  db: database.prisma,
  today,
  query: { ...window, statuses: ['missed'], pageSize: 5000 },
});
// Legal facts and duties: before they were told apart, each was a task that fell "late" on its date.
const facts = await findCaseload({
  db: database.prisma,
  today,
  query: { ...window, statuses: ['in_effect', 'ended'], pageSize: 5000 },
});
const late = live.items.filter((row) => row.status === 'overdue').length;
const lateBy = new Map<string, number>();
for (const row of live.items.filter((item) => item.status === 'overdue'))
  lateBy.set(row.milestoneId, (lateBy.get(row.milestoneId) ?? 0) + 1);
console.log(`\nThe demo worker's default caseload (${window.from} to ${window.to}):`);
console.log(
  `  live work: ${live.total} rows (${late} late, ${live.total - late} due or coming up) — 100% of what it shows`,
);
console.log(`  missed, shown only when asked for: ${missed.total} rows`);
console.log(`  legal facts and duties in the window, never in the caseload: ${facts.total} rows`);
const before = live.total + missed.total + facts.total;
console.log(
  `  counted the old way (missed milestones and dated facts as late work), the same window would show ${before} rows, ${late + missed.total + facts.total} of them late: live work ${Math.round((100 * live.total) / before)}%`,
);
console.log(
  `  late, by milestone: ${[...lateBy]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${id} ${n}`)
    .join(', ')}`,
);
await database.close();
