import { randomUUID } from 'node:crypto';
import {
  buildScheduleWithState,
  PROFILE_FLAGS,
  type PathwayEvent as EngineEvent,
  type ProfileFlag,
} from '@pathways/engine';
import { AppError, refusedByDatabase } from '../errors.ts';
import type { ImportRun, Prisma, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { materialisePlan } from './materialise-plan.ts';
import { storedPlanOf, type StoredPlan, type StoredPlanSource } from './plan-rows.ts';
import { writeStoredPlans } from './plan-store.ts';
import { NAMED_WORKER_ROLES } from './named-workers.ts';
import { changeClaimed, changedFields, claimVersion, ZYoungPersonChanges, ZYoungPersonInput } from './young-people.ts';
import { dateColumn, engineEventOf, profileOf } from './young-person-profile.ts';

/** What a row of an import file says about a young person: only the fields with a value in the file. */
export type ImportRecord = {
  localId?: string;
  nhsNumber?: string;
  upn?: string;
  givenName?: string;
  familyName?: string;
  preferredName?: string;
  dateOfBirth?: string;
  ehcPlanIssuedOn?: string;
  yearGroupOffset?: number;
} & Partial<Record<ProfileFlag, boolean>>;

/** A past event a row brings with it (the plan issued, the last review), and the column it came from. */
export type ImportEvent = {
  type: 'education.ehc_plan_issued' | 'education.annual_review_held';
  date: string;
  column: string;
};

/** What is wrong with one row, by the column (as the file names it), with a code an interface can translate. */
export type RowProblem = { column: string; code: string; message: string };

export type ImportRow = {
  /** The line of the file the row ends on (the header is line 1). */
  line: number;
  record: ImportRecord;
  events: ImportEvent[];
  namedWorkerEmail?: string;
  /** Problems found reading the row; a row with any is not imported. */
  problems: RowProblem[];
};

/** What became (or would become) of one row. */
export type RowOutcome = {
  line: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  youngPersonId?: string;
  name?: string;
  /** For an update: the fields that change. */
  fields?: string[];
  /** For an update or creation: the past events added. */
  eventsAdded?: number;
  problems?: RowProblem[];
};

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

/** Rows planned (and, in a real run, written) together: few enough that one transaction stays short. */
const BATCH_SIZE = 200;

type RowContext = {
  actor: Actor;
  areaId: string;
  jurisdiction: string;
  workers: Map<string, string>;
  today: string;
  reason: string;
};

/** A row worked out in memory: its outcome, and what writing it takes. */
type PlannedRow =
  | { outcome: RowOutcome; write?: undefined }
  | {
      outcome: RowOutcome;
      write: {
        kind: 'create';
        person: Prisma.YoungPersonCreateManyInput;
        events: Prisma.PathwayEventCreateManyInput[];
        plan: StoredPlan;
      };
    }
  | {
      outcome: RowOutcome;
      write: {
        kind: 'update';
        existing: YoungPerson;
        changes: Record<string, unknown>;
        events: Prisma.PathwayEventCreateManyInput[];
        planned: StoredPlanSource;
      };
    };

/** The columns an error about a record field is reported under, as our template names them. */
const COLUMN_OF_FIELD: Record<string, string> = {
  nhsNumber: 'nhs_number',
  upn: 'upn',
  localId: 'local_id',
  namedWorkerId: 'named_worker_email',
  givenName: 'given_name',
  familyName: 'family_name',
  preferredName: 'preferred_name',
  dateOfBirth: 'date_of_birth',
  ehcPlanIssuedOn: 'ehc_plan_issued_on',
};

/** A refusal of one row, reported under its column in the person's words (no field name in front). */
function failedRow(row: ImportRow, refusal: AppError, events: readonly ImportEvent[] = row.events): RowOutcome {
  const field = refusal.details.field ?? '';
  const event = events.find((candidate) => candidate.type === field);
  return {
    line: row.line,
    outcome: 'failed',
    name: nameOf(row),
    problems: [
      {
        column: event?.column ?? COLUMN_OF_FIELD[field] ?? (field || 'line'),
        code: refusal.details.reason ?? refusal.code,
        message: refusal.message.replace(/^\w+: /, ''),
      },
    ],
  };
}

const nameOf = (row: ImportRow) => [row.record.givenName, row.record.familyName].filter(Boolean).join(' ');

/** Checks and plans a batch of rows against the area's records, writing nothing. */
async function planBatch(db: PrismaClient, context: RowContext, rows: readonly ImportRow[]): Promise<PlannedRow[]> {
  const wanted = { nhsNumber: new Set<string>(), upn: new Set<string>(), localId: new Set<string>() };
  for (const row of rows)
    for (const field of IDENTIFIER_FIELDS) if (row.record[field]) wanted[field].add(row.record[field]);
  const existing = await db.youngPerson.findMany({
    where: {
      areaId: context.areaId,
      OR: IDENTIFIER_FIELDS.filter((field) => wanted[field].size > 0).map((field) => ({
        [field]: { in: [...wanted[field]] },
      })),
    },
  });
  const logs = await standingLogs(
    db,
    existing.map((person) => person.id),
  );
  return rows.map((row) => {
    try {
      return planRow(context, row, existing, logs);
    } catch (error) {
      const refusal = error instanceof AppError ? error : zodRefusal(error);
      if (!refusal) throw error;
      return { outcome: failedRow(row, refusal) };
    }
  });
}

const IDENTIFIER_FIELDS = ['nhsNumber', 'upn', 'localId'] as const;

/** The events that stand for each of these young people, in the order recorded. */
async function standingLogs(
  db: PrismaClient,
  ids: string[],
): Promise<Map<string, { sequence: number; event: EngineEvent }[]>> {
  const logs = new Map<string, { sequence: number; event: EngineEvent }[]>();
  if (ids.length === 0) return logs;
  const rows = await db.pathwayEvent.findMany({
    where: { youngPersonId: { in: ids }, withdrawal: { is: null } },
    orderBy: [{ youngPersonId: 'asc' }, { sequence: 'asc' }],
  });
  for (const row of rows)
    logs.set(row.youngPersonId, [
      ...(logs.get(row.youngPersonId) ?? []),
      { sequence: row.sequence, event: engineEventOf(row) },
    ]);
  return logs;
}

/** A validation failure of the record's own schema, as a refusal naming the field. */
function zodRefusal(error: unknown): AppError | null {
  const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
  if (!issue) return null;
  const field = String(issue.path[0] ?? 'line');
  return new AppError('invalid', `${field}: ${issue.message}`, { field });
}

function planRow(
  context: RowContext,
  row: ImportRow,
  existing: readonly YoungPerson[],
  logs: Map<string, { sequence: number; event: EngineEvent }[]>,
): PlannedRow {
  const name = nameOf(row);
  if (row.problems.length > 0) return { outcome: { line: row.line, outcome: 'failed', name, problems: row.problems } };
  const namedWorkerId = row.namedWorkerEmail ? context.workers.get(row.namedWorkerEmail) : undefined;
  if (row.namedWorkerEmail && !namedWorkerId)
    throw new AppError('invalid', 'No transition worker or team manager of your area has this e-mail address.', {
      field: 'namedWorkerId',
      reason: 'unknown_worker',
    });
  const { record } = row;
  const matches = existing.filter((person) =>
    IDENTIFIER_FIELDS.some((field) => record[field] && person[field] === record[field]),
  );
  if (matches.length > 1)
    throw new AppError('conflict', 'These identifiers belong to two different young people of your area.', {
      field: IDENTIFIER_FIELDS.find((field) => record[field]),
      reason: 'matches_two_records',
    });
  const fields = { ...record, ...(namedWorkerId ? { namedWorkerId } : {}) };
  const match = matches[0];
  if (!match) {
    const input = ZYoungPersonInput.parse({ ...fields, areaId: context.areaId, jurisdiction: context.jurisdiction });
    const id = randomUUID();
    const events = eventRows(id, row.events, 0, context.actor);
    const planned = planWith(profileOf(asPerson(input)), [], events, row.events, context.today);
    const plan = storedPlanOf({ id, areaId: context.areaId, namedWorkerId: input.namedWorkerId ?? null }, planned);
    return {
      outcome: { line: row.line, outcome: 'created', youngPersonId: id, name, eventsAdded: events.length },
      write: {
        kind: 'create',
        person: {
          ...input,
          id,
          dateOfBirth: dateColumn(input.dateOfBirth),
          ehcPlanIssuedOn: input.ehcPlanIssuedOn ? dateColumn(input.ehcPlanIssuedOn) : null,
          planDigest: plan.digest,
        },
        events,
        plan,
      },
    };
  }
  const changes = ZYoungPersonChanges.parse(fields);
  const changing = changedFields(match, changes);
  const log = logs.get(match.id) ?? [];
  const newEvents = row.events.filter(
    (event) => !log.some(({ event: logged }) => logged.type === event.type && logged.date === event.date),
  );
  if (changing.length === 0 && newEvents.length === 0)
    return { outcome: { line: row.line, outcome: 'unchanged', youngPersonId: match.id, name } };
  const onlyChanged = Object.fromEntries(changing.map(({ field }) => [field, changes[field as keyof typeof changes]]));
  const lastSequence = Math.max(0, ...log.map((logged) => logged.sequence));
  const events = eventRows(match.id, newEvents, lastSequence, context.actor);
  const profile = profileOf({ ...match, ...asPersonChanges(onlyChanged) });
  const planned = planWith(
    profile,
    log.map((logged) => logged.event),
    events,
    newEvents,
    context.today,
  );
  return {
    outcome: {
      line: row.line,
      outcome: 'updated',
      youngPersonId: match.id,
      name,
      fields: changing.map(({ field }) => field),
      eventsAdded: events.length,
    },
    write: { kind: 'update', existing: match, changes: onlyChanged, events, planned },
  };
}

/** The rows of a row's past events, each with its id already chosen (the plan is built with the same ids it will be stored with). */
function eventRows(
  youngPersonId: string,
  events: readonly ImportEvent[],
  lastSequence: number,
  actor: Actor,
): Prisma.PathwayEventCreateManyInput[] {
  return events.map((event, index) => ({
    id: randomUUID(),
    youngPersonId,
    sequence: lastSequence + index + 1,
    type: event.type,
    date: dateColumn(event.date),
    payload: {},
    recordedById: actor.userId,
  }));
}

/** The plan after the new events; fails (naming the event's type) when the pathway machines refuse one of them. */
function planWith(
  profile: ReturnType<typeof profileOf>,
  log: EngineEvent[],
  rows: readonly Prisma.PathwayEventCreateManyInput[],
  events: readonly ImportEvent[],
  today: string,
): StoredPlanSource {
  const added = rows.map(
    (row, index) => ({ type: events[index]?.type, date: events[index]?.date, id: row.id }) as EngineEvent,
  );
  const planned = buildScheduleWithState(profile, [...log, ...added], { asOf: today });
  const ids = new Set(rows.map((row) => row.id as string));
  const refused = planned.plan.rejectedEvents.find(
    (rejected) => typeof rejected.id === 'string' && ids.has(rejected.id),
  );
  if (refused) throw new AppError('unprocessable', refused.reason, { field: refused.type, reason: 'event_refused' });
  return planned;
}

/** Writes a batch's planned rows; their outcomes, a row the database refuses reported as failed. */
async function writeBatch(db: PrismaClient, context: RowContext, rows: PlannedRow[]): Promise<RowOutcome[]> {
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
    return {
      ...failedRow({ line: row.outcome.line, record: {}, events: [], problems: [] }, refusal),
      name: row.outcome.name,
    };
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

/** A record not yet stored, as far as planning it needs. */
function asPerson(input: ReturnType<typeof ZYoungPersonInput.parse>): YoungPerson {
  return {
    ...Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, false])),
    ...input,
    yearGroupOffset: input.yearGroupOffset ?? 0,
    dateOfBirth: dateColumn(input.dateOfBirth),
    ehcPlanIssuedOn: input.ehcPlanIssuedOn ? dateColumn(input.ehcPlanIssuedOn) : null,
  } as unknown as YoungPerson;
}

/** Changes as the stored record's columns (dates as Dates). */
function asPersonChanges(changes: Record<string, unknown>): Partial<YoungPerson> {
  const { dateOfBirth, ehcPlanIssuedOn, ...rest } = changes;
  return {
    ...rest,
    ...(typeof dateOfBirth === 'string' ? { dateOfBirth: dateColumn(dateOfBirth) } : {}),
    ...(typeof ehcPlanIssuedOn === 'string' ? { ehcPlanIssuedOn: dateColumn(ehcPlanIssuedOn) } : {}),
  };
}
