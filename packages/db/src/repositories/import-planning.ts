import { randomUUID } from 'node:crypto';
import { buildScheduleWithState, PROFILE_FLAGS, type PathwayEvent as EngineEvent } from '@pathways/engine';
import { AppError } from '../errors.ts';
import type { Prisma, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import type { Actor } from './actor.ts';
import { storedPlanOf, type StoredPlan, type StoredPlanSource } from './plan-rows.ts';
import type { ImportEvent, ImportRow, RowOutcome } from './import-rows.ts';
import { changedFields, ZYoungPersonChanges, ZYoungPersonInput } from './young-people.ts';
import { dateColumn, engineEventOf, profileOf, recordColumns } from './young-person-profile.ts';

/**
 * Working out an import's rows in memory: each row matched to the area's young people on NHS
 * number, UPN or local id (a batch at a time), checked, and planned with its past events, so
 * that a dry run writes nothing and still says exactly what would happen.
 */

/** Rows planned (and, in a real run, written) together: few enough that one transaction stays short. */
export const BATCH_SIZE = 200;

export type RowContext = {
  actor: Actor;
  areaId: string;
  jurisdiction: string;
  workers: Map<string, string>;
  today: string;
  reason: string;
};

/** A row worked out in memory: its outcome, and what writing it takes. */
export type PlannedRow =
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

/**
 * A refusal of one row (its line and name), reported under its column in the person's words
 * (no field name in front); a refused event under the column it came from.
 */
export function failedRow(
  row: Pick<RowOutcome, 'line' | 'name'>,
  refusal: AppError,
  events: readonly ImportEvent[] = [],
): RowOutcome {
  const field = refusal.details.field ?? '';
  const event = events.find((candidate) => candidate.type === field);
  return {
    line: row.line,
    outcome: 'failed',
    name: row.name,
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
export async function planBatch(
  db: PrismaClient,
  context: RowContext,
  rows: readonly ImportRow[],
): Promise<PlannedRow[]> {
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
      return { outcome: failedRow({ line: row.line, name: nameOf(row) }, refusal, row.events) };
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
          ...recordColumns(input),
          id,
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
  const profile = profileOf({ ...match, ...recordColumns(onlyChanged) });
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

/** A record not yet stored, as far as planning it needs: every fact not given is false. */
function asPerson(input: ReturnType<typeof ZYoungPersonInput.parse>): YoungPerson {
  return {
    ...Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, false])),
    yearGroupOffset: 0,
    ehcPlanIssuedOn: null,
    ...recordColumns(input),
  } as unknown as YoungPerson;
}
