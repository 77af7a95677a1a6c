/**
 * `npm run report:reviews -w @pathways/api` prints, for each local area, how its reviews keep
 * their legal clocks: reviews wholly on time and with a late step, each step on time or late,
 * and advice on time or late. It opens the database the server would (DATABASE_URL, else
 * the embedded one in DATA_DIR, which must not be in use by a running server); with
 * DEMO_DATA=embedded an empty database is given the demo first, as `npm start` would.
 * `AREA=NS` prints one area.
 */
import {
  DEMO_PASSWORD,
  listLocalAreas,
  openDatabase,
  reviewTimeliness,
  seedEmptyDatabase,
  type ReviewTimeliness,
} from '@pathways/db';
import { hashPassword } from '../auth/passwords.ts';
import { ConfigError, readConfig } from '../config.ts';
import { serviceDay } from '../service-day.ts';

const STEP_WORDS: Record<string, string> = {
  invitations: 'Invitations sent 2 weeks before',
  advice_circulated: 'Advice sent round 2 weeks before',
  meeting: 'Meeting held on the day arranged',
  report: 'Report within 2 weeks',
  decision: 'Decision within 4 weeks',
  final_plan: 'Final amended plan within 8 weeks',
};

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

function print(name: string, report: ReviewTimeliness): string {
  const rows = Object.entries(report.steps).map(([step, counts]) => {
    const decided = counts.onTime + counts.late;
    return `  ${(STEP_WORDS[step] ?? step).padEnd(36)} ${String(counts.onTime).padStart(7)} ${String(counts.late).padStart(6)} ${String(counts.notYetDue).padStart(9)} ${percent(counts.onTime, decided).padStart(8)}`;
  });
  const advice = report.advice;
  return [
    `${name}: ${report.reviews} reviews — ${report.reviewsOnTime} on time so far, ${report.reviewsLate} with a late step (${percent(report.reviewsOnTime, report.reviews)} on time)`,
    `  ${'Step'.padEnd(36)} ${'on time'.padStart(7)} ${'late'.padStart(6)} ${'not yet'.padStart(9)} ${'on time'.padStart(8)}`,
    ...rows,
    `  ${'Advice by its due date'.padEnd(36)} ${String(advice.onTime).padStart(7)} ${String(advice.late).padStart(6)} ${String(advice.notYetDue).padStart(9)} ${percent(advice.onTime, advice.onTime + advice.late).padStart(8)}`,
    '',
  ].join('\n');
}

async function main() {
  const config = readConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const today = serviceDay(new Date(), config.timeZone);
    if (config.demoData) await seedEmptyDatabase(database, today, await hashPassword(DEMO_PASSWORD));
    const wanted = process.env.AREA;
    const areas = (await listLocalAreas(database.prisma)).filter((area) => !wanted || area.code === wanted);
    if (areas.length === 0) throw new ConfigError('AREA', `no local area with code "${wanted}"`);
    process.stdout.write(`Reviews as of ${today}\n\n`);
    for (const area of areas)
      process.stdout.write(
        print(`${area.name} (${area.code})`, await reviewTimeliness(database.prisma, area.id, today)),
      );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
