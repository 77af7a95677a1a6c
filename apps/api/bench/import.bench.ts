/**
 * Import benchmark: a council's caseload of 20,000 young people from one CSV file (our
 * template's columns with the past events an SEN2 return carries: plan start, last review),
 * a few rows in every thousand wrong, into the embedded database on disk (as `npm start`
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
import { createDatabase, startThrowAwayPostgres } from '../../../packages/db/test-support/postgres-server.ts';
import { argument } from './arguments.ts';

const ROWS = Number(argument('rows') ?? 20_000);
const BACKEND = argument('backend') ?? 'pglite';
const TODAY = new Date().toISOString().slice(0, 10);

/** A valid NHS number near `seed` (the first whose check digit is not 10). */
function nhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = String(n).padStart(9, '0');
    const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return digits + String(check === 11 ? 0 : check);
  }
}

/** The CSV: `rows` young people aged 13 to 24, three in every thousand with a mistake. */
function caseloadFile(rows: number): string {
  const lines = [
    'local_id,nhs_number,given_name,family_name,date_of_birth,ehc_plan_issued_on,last_review,has_carer,learning_disability',
  ];
  for (let i = 1; i <= rows; i++) {
    const born = `${2002 + (i % 12)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const cells = [
      `CS-${i}`,
      nhsNumber(100_000_000 + i * 7),
      `Given${i}`,
      `Family${i % 500}`,
      i % 1000 === 17 ? '31/02/2010' : born,
      `${2014 + (i % 10)}-09-01`,
      i % 1000 === 501 ? '2099-01-01' : `2026-0${(i % 9) + 1}-15`,
      i % 3 === 0 ? 'yes' : 'no',
      i % 5 === 0 ? 'yes' : 'no',
    ];
    if (i % 1000 === 900) cells[2] = '';
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

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
  const text = caseloadFile(ROWS);
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
