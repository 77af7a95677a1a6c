import { AppError } from '../errors.ts';
import type { ImportRun, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';
import { BATCH_SIZE, planBatch, type RowContext } from './import-planning.ts';
import { writeBatch } from './import-writing.ts';
import { NAMED_WORKER_ROLES } from './named-workers.ts';
import type { ImportRow, RowOutcome } from './import-rows.ts';

export type { ImportEvent, ImportRecord, ImportRow, RowOutcome, RowProblem } from './import-rows.ts';

/**
 * A young people import's run: opened for a file already read, its rows planned and written a
 * batch at a time (`import-planning.ts`, `import-writing.ts`), its progress and report kept.
 */

export type ImportRunReport = Omit<ImportRun, 'rows'> & { rows: RowOutcome[]; isInterrupted: boolean };

/** Progress is written at most this often, so a large file is not slowed by its own progress bar. */
const PROGRESS_EVERY_MS = 500;
/** A run whose progress has not moved for this long stopped with its server. */
const STALLED_AFTER_MS = 2 * 60_000;

/** Opens a run for a file already read, before its rows are written. */
export async function startImportRun(
  db: PrismaClient,
  actor: Actor,
  run: { areaId: string; fileName: string; isDryRun: boolean; totalRows: number; ignoredColumns: string[] },
): Promise<ImportRun> {
  const created = await db.importRun.create({ data: { ...run, createdById: actor.userId } });
  await audit(db, actor, {
    action: run.isDryRun ? 'import_dry_run' : 'import',
    entityType: 'ImportRun',
    entityId: created.id,
    detail: { rows: run.totalRows, fileName: run.fileName },
  });
  return created;
}

/** One run of an area, with its rows' outcomes; `not_found` for another area's. */
export async function getImportRun(db: PrismaClient, areaId: string, id: string, now: Date): Promise<ImportRunReport> {
  const run = await db.importRun.findFirst({ where: { id, areaId } });
  if (!run) throw new AppError('not_found', 'No such import.');
  return {
    ...run,
    rows: (run.rows ?? []) as RowOutcome[],
    isInterrupted: run.status === 'running' && now.getTime() - run.updatedAt.getTime() > STALLED_AFTER_MS,
  };
}

/**
 * Runs an import: every row is checked and planned in memory against the area's records
 * (read a batch at a time), so a dry run writes nothing at all and still says exactly what
 * would happen. The real run then writes each batch's new young people in one transaction
 * (their records, past events, plans and audit entries together) and each update in its
 * own; if a batch is refused (someone added a child with the same NHS number meanwhile) its
 * rows are written one by one, so a bad row spoils only itself. A stop part-way keeps the
 * rows already saved, and importing the file again does only what is left.
 */
export async function runImport(options: {
  db: PrismaClient;
  actor: Actor;
  run: ImportRun;
  rows: readonly ImportRow[];
  today: string;
  reason: string;
}): Promise<void> {
  const { db, run } = options;
  const area = await db.localArea.findUniqueOrThrow({ where: { id: run.areaId } });
  const workers = new Map(
    (
      await db.user.findMany({
        where: { areaId: run.areaId, role: { in: [...NAMED_WORKER_ROLES] }, disabledAt: null },
        select: { id: true, email: true },
      })
    ).map((worker) => [worker.email.toLowerCase(), worker.id]),
  );
  const context: RowContext = {
    actor: options.actor,
    areaId: run.areaId,
    jurisdiction: area.jurisdiction,
    workers,
    today: options.today,
    reason: options.reason,
  };
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const outcomes: RowOutcome[] = [];
  let lastProgress = Date.now();
  try {
    for (let start = 0; start < options.rows.length; start += BATCH_SIZE) {
      const batch = options.rows.slice(start, start + BATCH_SIZE);
      const planned = await planBatch(db, context, batch);
      const done = run.isDryRun ? planned.map((row) => row.outcome) : await writeBatch(db, context, planned);
      for (const outcome of done) {
        counts[outcome.outcome]++;
        if (outcome.outcome !== 'unchanged') outcomes.push(outcome);
      }
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await db.importRun.update({ where: { id: run.id }, data: { processedRows: start + batch.length, ...counts } });
      }
    }
    await db.importRun.update({
      where: { id: run.id },
      data: {
        processedRows: options.rows.length,
        ...counts,
        rows: outcomes,
        status: 'finished',
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    await db.importRun.update({
      where: { id: run.id },
      data: { ...counts, rows: outcomes, status: 'failed', finishedAt: new Date() },
    });
    throw error;
  }
}
