import { refusedByDatabase, AppError } from '../errors.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { failedRow, type PlannedRow, type RowContext } from './import-planning.ts';
import { materialisePlan } from './materialise-plan.ts';
import { writeStoredPlans } from './plan-store.ts';
import type { RowOutcome } from './import-rows.ts';
import { changeClaimed, claimVersion } from './young-people.ts';

/** Writing an import's planned rows: new young people a batch at a time, each update on its own. */

/** Writes a batch's planned rows; their outcomes, a row the database refuses reported as failed. */
export async function writeBatch(db: PrismaClient, context: RowContext, rows: PlannedRow[]): Promise<RowOutcome[]> {
  const creates = rows.filter((row) => row.write?.kind === 'create');
  const outcomes = new Map<PlannedRow, RowOutcome>(rows.map((row) => [row, row.outcome]));
  if (creates.length > 0) {
    try {
      await db.$transaction((tx) => writeCreates(tx, context.actor, creates));
    } catch (error) {
      if (!(error instanceof AppError || refusedByDatabase(error))) throw error;
      // One of them was refused: each on its own, so only that one fails.
      for (const row of creates)
        outcomes.set(row, await writeAlone(db, row, (tx) => writeCreates(tx, context.actor, [row])));
    }
  }
  for (const row of rows)
    if (row.write?.kind === 'update')
      outcomes.set(row, await writeAlone(db, row, (tx) => writeUpdate(tx, context, row)));
  return rows.map((row) => outcomes.get(row) as RowOutcome);
}

/** One row in its own transaction: its outcome, or failed with the database's refusal. */
async function writeAlone(db: PrismaClient, row: PlannedRow, write: (tx: Tx) => Promise<void>): Promise<RowOutcome> {
  try {
    await db.$transaction(write);
    return row.outcome;
  } catch (error) {
    const refusal = error instanceof AppError ? error : refusedByDatabase(error);
    if (!refusal) throw error;
    return failedRow(row.outcome, refusal);
  }
}

/** New young people with their past events, plans and audit entries, in the caller's transaction. */
async function writeCreates(tx: Tx, actor: Actor, rows: PlannedRow[]): Promise<void> {
  const writes = rows.flatMap((row) => (row.write?.kind === 'create' ? [row.write] : []));
  await tx.youngPerson.createMany({ data: writes.map((write) => write.person) });
  const events = writes.flatMap((write) => write.events);
  if (events.length > 0) await tx.pathwayEvent.createMany({ data: events });
  await writeStoredPlans(
    tx,
    writes.map((write) => write.plan),
  );
  await tx.auditEntry.createMany({
    data: writes.flatMap((write) => {
      const id = write.person.id as string;
      const entry = {
        actorId: actor.userId,
        actorRole: actor.role,
        entityType: 'YoungPerson',
        entityId: id,
        youngPersonId: id,
      };
      return [
        { ...entry, action: 'create', detail: { imported: true } },
        ...(write.events.length > 0
          ? [
              {
                ...entry,
                action: 'record_event',
                entityType: 'PathwayEvent',
                entityId: null,
                detail: { imported: eventList(write.events) },
              },
            ]
          : []),
      ];
    }),
  });
}

const eventList = (events: readonly Prisma.PathwayEventCreateManyInput[]) =>
  events.map((event) => ({ type: event.type, date: (event.date as Date).toISOString().slice(0, 10) }));

/** One update: the record must still be as it was read (else the row fails with a conflict), then its changes, new events and plan. */
async function writeUpdate(tx: Tx, context: RowContext, row: PlannedRow): Promise<void> {
  if (row.write?.kind !== 'update') return;
  const { existing, changes, events, planned } = row.write;
  const claimed = await claimVersion(tx, existing.id, existing.version);
  if (events.length > 0) {
    await tx.pathwayEvent.createMany({ data: events });
    await audit(tx, context.actor, {
      action: 'record_event',
      entityType: 'PathwayEvent',
      youngPersonId: existing.id,
      detail: { imported: eventList(events) },
    });
  }
  if (Object.keys(changes).length > 0)
    await changeClaimed(tx, context.actor, claimed, changes, context.reason, context.today, planned);
  else await materialisePlan(tx, claimed, context.today, planned);
}
