/**
 * Import benchmark: a council's caseload of 20,000 young people from one CSV file (our
 * template's columns with the past events an SEN2 return carries: plan start, last review),
 * three rows in every thousand wrong, into the embedded database on disk (as `npm start`
 * runs it) or PostgreSQL. The file is read as the API reads it and written by the same
 * repository code, row by row. Prints rows a second and peak memory for the dry run, the
 * import, and the second import of the same file (which must change nothing).
 *
 *   npm run bench:import -w @pathways/api                         # embedded, 20,000 rows
 *   npm run bench:import -w @pathways/api -- --rows 2000 --backend postgres
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getImportRun, openDatabase, runImport, startImportRun, type Database } from '@pathways/db';
import { readYoungPeopleCsv } from '../src/import/young-people-csv.ts';
import { caseloadCsv } from '../../../packages/db/test-support/caseload-csv.ts';
import { createDatabase, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { argument } from './arguments.ts';

const ROWS = Number(argument('rows') ?? 20_000);
const BACKEND = argument('backend') ?? 'pglite';
const TODAY = new Date().toISOString().slice(0, 10);

async function open(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (BACKEND === 'postgres') {
    const server = await startThrowAwayPostgres();
    const database = await createDatabase(server.url, 'pathways_import_bench');
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    return { db, close: async () => (await db.close(), await database.drop(), await server.stop()) };
  }
  const folder = mkdtempSync(join(tmpdir(), 'pathways-import-bench-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: folder });
  return { db, close: async () => (await db.close(), rmSync(folder, { recursive: true, force: true })) };
}

const { db, close } = await open();
try {
  const area = await db.prisma.localArea.create({
    data: { code: 'BC', name: 'Bench County', jurisdiction: 'england' },
  });
  const manager = await db.prisma.user.create({
    data: { email: 'manager@bench.test', name: 'Manager', role: 'team_manager', areaId: area.id },
  });
  const actor = { userId: manager.id, role: 'team_manager' };
  // Three rows in every thousand with a mistake.
  const bad = Array.from({ length: ROWS }, (_, i) => i + 2).filter((line) => [17, 501, 900].includes(line % 1000));
  const text = caseloadCsv(ROWS, bad);
  console.log(
    `${ROWS.toLocaleString('en-GB')} rows, ${(text.length / 1024 / 1024).toFixed(1)} MB, on ${BACKEND === 'postgres' ? 'PostgreSQL' : 'the embedded database (PGlite, on disk)'}`,
  );

  for (const [label, isDryRun] of [
    ['dry run', true],
    ['import', false],
    ['same file again', false],
  ] as const) {
    const started = performance.now();
    const file = readYoungPeopleCsv(text, TODAY);
    if (!file.ok) throw new Error(file.problem);
    const run = await startImportRun(db.prisma, actor, {
      areaId: area.id,
      fileName: 'bench.csv',
      isDryRun,
      totalRows: file.rows.length,
      ignoredColumns: file.ignoredColumns,
    });
    await runImport({ db: db.prisma, actor, run, rows: file.rows, today: TODAY, reason: 'Imported from bench.csv' });
    const seconds = (performance.now() - started) / 1000;
    const report = await getImportRun(db.prisma, area.id, run.id, new Date());
    console.log(
      `${label.padEnd(16)} ${seconds.toFixed(1).padStart(7)} s  ${(ROWS / seconds).toFixed(0).padStart(5)} rows/s  ` +
        `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed}  ` +
        `peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
  const people = await db.prisma.youngPerson.count();
  const milestones = await db.prisma.milestone.count();
  console.log(
    `stored: ${people.toLocaleString('en-GB')} young people, ${milestones.toLocaleString('en-GB')} milestones`,
  );
} finally {
  await close();
}
