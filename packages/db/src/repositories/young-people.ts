import { JURISDICTIONS, PROFILE_FLAGS, ZIsoDate, ZNhsNumber, ZUpn } from '@pathways/engine';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { Prisma, type PrismaClient, type YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { materialisePlan } from './materialise-plan.ts';
import { checkNamedWorker, tellFamilyOfNewWorker } from './named-workers.ts';
import { isoDay, recordColumns } from './young-person-profile.ts';

const flagShape = Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<
  (typeof PROFILE_FLAGS)[number],
  z.ZodOptional<z.ZodBoolean>
>;

/** What a worker may set on a young person's record. */
export const ZYoungPersonInput = z
  .object({
    areaId: z.uuid(),
    namedWorkerId: z.uuid().nullable().optional(),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    preferredName: z.string().trim().max(100).nullable().optional(),
    dateOfBirth: ZIsoDate,
    nhsNumber: ZNhsNumber.nullable().optional(),
    upn: ZUpn.nullable().optional(),
    /** The council's own id for the child in its case system. */
    localId: z.string().trim().min(1).max(100).nullable().optional(),
    jurisdiction: z.enum(JURISDICTIONS),
    yearGroupOffset: z.number().int().min(-3).max(3).optional(),
    /** When the EHC plan was first issued: the yearly review is dated from it. */
    ehcPlanIssuedOn: ZIsoDate.nullable().optional(),
    aboutMe: z.string().max(10_000).nullable().optional(),
    ...flagShape,
  })
  .strict();
export type YoungPersonInput = z.input<typeof ZYoungPersonInput>;

export const ZYoungPersonChanges = ZYoungPersonInput.partial().strict();

/**
 * Creates a young person and their first plan, audited, in one transaction. An NHS number, UPN
 * or local id another young person of the area already has is refused by the database's
 * unique keys (`conflict` naming the field): two records must never describe one child.
 */
export async function createYoungPerson(options: {
  db: PrismaClient;
  actor: Actor;
  input: YoungPersonInput;
  today: string;
}): Promise<YoungPerson> {
  const input = ZYoungPersonInput.parse(options.input);
  return options.db.$transaction(async (tx) => {
    await checkNamedWorker(tx, input.areaId, input.namedWorkerId);
    const person = await tx.youngPerson.create({ data: recordColumns(input) });
    await materialisePlan(tx, person, options.today);
    await audit(tx, options.actor, {
      action: 'create',
      entityType: 'YoungPerson',
      entityId: person.id,
      youngPersonId: person.id,
    });
    return person;
  });
}

/** Fields whose changes are not corrections: "about me" is the young person's own words, rewritten at will. */
const NOT_CORRECTIONS = new Set(['aboutMe']);

const asText = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? isoDay(value)
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

/**
 * Changes a young person's record if nobody else has changed it since `expectedVersion`
 * (otherwise `conflict` with the current version), re-plans, audits the fields changed and
 * keeps each corrected field's previous and new value, who changed it and why (rectification,
 * UK GDPR art. 16).
 */
export async function updateYoungPerson(options: {
  db: PrismaClient;
  actor: Actor;
  id: string;
  expectedVersion: number;
  changes: z.input<typeof ZYoungPersonChanges>;
  reason?: string;
  today: string;
}): Promise<YoungPerson> {
  const changes = ZYoungPersonChanges.parse(options.changes);
  return options.db.$transaction(async (tx) => {
    const before = await claimVersion(tx, options.id, options.expectedVersion);
    return changeClaimed(tx, options.actor, before, changes, options.reason ?? null, options.today);
  });
}

/**
 * Changes a record already claimed in the caller's transaction (`claimVersion`): the named
 * worker and identifiers checked, each corrected field's previous and new value kept with who
 * and why, the plan materialised again and the change audited.
 */
export async function changeClaimed(
  tx: Tx,
  actor: Actor,
  before: YoungPerson,
  changes: z.output<typeof ZYoungPersonChanges>,
  reason: string | null,
  today: string,
  planned?: Parameters<typeof materialisePlan>[3],
): Promise<YoungPerson> {
  await checkNamedWorker(tx, changes.areaId ?? before.areaId, changes.namedWorkerId);
  const corrections = changedFields(before, changes)
    .filter(({ field }) => !NOT_CORRECTIONS.has(field))
    .map((change) => ({ ...change, youngPersonId: before.id, reason, correctedById: actor.userId }));
  if (corrections.length > 0) await tx.recordCorrection.createMany({ data: corrections });
  const person = await tx.youngPerson.update({
    where: { id: before.id },
    data: recordColumns(changes),
  });
  if (person.namedWorkerId && person.namedWorkerId !== before.namedWorkerId)
    await tellFamilyOfNewWorker(tx, person.id, person.namedWorkerId, today);
  await materialisePlan(tx, person, today, planned);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'YoungPerson',
    entityId: person.id,
    youngPersonId: person.id,
    detail: { fields: Object.keys(changes) },
  });
  return person;
}

/** The fields `changes` would really change on the record, each with its value before and after, as text. */
export function changedFields(
  before: YoungPerson,
  changes: z.output<typeof ZYoungPersonChanges>,
): { field: string; previousValue: string | null; newValue: string | null }[] {
  return Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({
      field,
      previousValue: asText(before[field as keyof YoungPerson]),
      newValue: asText(value),
    }))
    .filter((change) => change.previousValue !== change.newValue);
}

/**
 * Moves the record from `expectedVersion` to the next one and returns it, or fails:
 * `not_found`, or `conflict` carrying the current version. The row lock it takes makes a
 * concurrent writer wait, then see the new version and fail in turn: never a silent
 * overwrite. The plan digest is cleared: the record no longer matches what a re-plan found.
 */
export async function claimVersion(tx: Tx, id: string, expectedVersion: number): Promise<YoungPerson> {
  try {
    return await tx.youngPerson.update({
      where: { id, version: expectedVersion },
      data: { version: { increment: 1 }, planDigest: null },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error;
  }
  const current = await tx.youngPerson.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new AppError('not_found', 'No such young person.');
  throw new AppError('conflict', 'Someone else changed this record; reload it and try again.', {
    currentVersion: current.version,
  });
}

/** Reads one young person's record, audited as a read. */
export async function getYoungPerson(options: { db: PrismaClient; actor: Actor; id: string }): Promise<YoungPerson> {
  return options.db.$transaction(async (tx) => {
    const person = await tx.youngPerson.findUnique({ where: { id: options.id } });
    if (!person) throw new AppError('not_found', 'No such young person.');
    await audit(tx, options.actor, {
      action: 'read',
      entityType: 'YoungPerson',
      entityId: person.id,
      youngPersonId: person.id,
    });
    return person;
  });
}

/**
 * Erases a young person: their record and everything about them (events, plan, goals and
 * progress notes, handovers with their contents, consents, corrections, reminders, family
 * links) in one transaction, if nobody changed the record since `expectedVersion`. Their own
 * account, if any, is emptied of name and e-mail and disabled. What was erased is counted in
 * an ErasureRecord, the proof; it and the audit trail keep only the record's random id, which
 * no longer leads to a person.
 */
export async function eraseYoungPerson(options: {
  db: PrismaClient;
  actor: Actor;
  id: string;
  expectedVersion: number;
}): Promise<ErasedCounts> {
  return options.db.$transaction(async (tx) => {
    await claimVersion(tx, options.id, options.expectedVersion);
    return eraseClaimed(tx, options.actor, options.id, 'request');
  });
}

export type ErasedCounts = Record<string, number>;

/** Erases a record already locked by the caller's transaction, and records the proof. */
export async function eraseClaimed(
  tx: Tx,
  actor: Actor,
  id: string,
  reason: 'request' | 'retention',
): Promise<ErasedCounts> {
  const where = { youngPersonId: id };
  const accounts = await tx.user.findMany({ where: { youngPersonId: id }, select: { id: true } });
  const rows: ErasedCounts = {
    youngPerson: 1,
    pathwayEvents: await tx.pathwayEvent.count({ where }),
    milestones: await tx.milestone.count({ where }),
    pathwayStates: await tx.pathwayState.count({ where }),
    goals: await tx.goal.count({ where }),
    goalProgressNotes: await tx.goalProgressNote.count({ where: { goal: where } }),
    handovers: await tx.handover.count({ where }),
    consents: await tx.consent.count({ where }),
    corrections: await tx.recordCorrection.count({ where }),
    notifications: await tx.notification.count({ where }),
    carerLinks: await tx.carerLink.count({ where }),
    contributorLinks: await tx.contributorLink.count({ where }),
    documents: await tx.document.count({ where }),
    messages: await tx.message.count({ where: { thread: where } }),
    referrals: await tx.referral.count({ where }),
    ownAccounts: accounts.length,
  };
  // The event log refuses deletes unless erasure opts in, for this transaction only.
  await tx.$executeRawUnsafe("SET LOCAL pathways.erasure = 'on'");
  await tx.pathwayEvent.deleteMany({ where });
  for (const account of accounts) {
    await tx.session.deleteMany({ where: { userId: account.id } });
    await tx.user.update({
      where: { id: account.id },
      data: {
        youngPersonId: null,
        disabledAt: new Date(),
        name: 'Erased account',
        email: `erased-${account.id}@invalid`,
        passwordHash: '!',
      },
    });
  }
  // An import's report names the young people of its rows: their line goes too.
  rows.importReportLines = await tx.$executeRaw`
    UPDATE "ImportRun"
       SET rows = (SELECT coalesce(jsonb_agg(line), '[]'::jsonb) FROM jsonb_array_elements(rows) AS line
                    WHERE line->>'youngPersonId' IS DISTINCT FROM ${id})
     WHERE rows @> jsonb_build_array(jsonb_build_object('youngPersonId', ${id}::text))`;
  // Everything else about them goes with the record (ON DELETE CASCADE).
  await tx.youngPerson.delete({ where: { id } });
  await tx.erasureRecord.create({ data: { youngPersonId: id, reason, erasedById: actor.userId, rows } });
  await audit(tx, actor, {
    action: 'erase',
    entityType: 'YoungPerson',
    entityId: id,
    youngPersonId: id,
    detail: { reason },
  });
  return rows;
}

/**
 * One page of an area's young people, by family then given name; `search` matches either
 * name, any case; `namedWorkerId` keeps one worker's young people (`none`: those without one).
 */
export async function listYoungPeopleOfArea(
  db: PrismaClient,
  query: { areaId: string; search?: string; namedWorkerId?: string; page: number; pageSize: number },
): Promise<{ items: YoungPerson[]; total: number }> {
  const { areaId, search, namedWorkerId, page, pageSize } = query;
  const where: Prisma.YoungPersonWhereInput = {
    areaId,
    ...(namedWorkerId ? { namedWorkerId: namedWorkerId === 'none' ? null : namedWorkerId } : {}),
    ...(search
      ? {
          OR: [
            { givenName: { contains: search, mode: 'insensitive' } },
            { familyName: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.youngPerson.count({ where }),
    db.youngPerson.findMany({
      where,
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { dateOfBirth: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { items, total };
}

/** The name of a young person's named worker, or null when they have none. */
export async function namedWorkerName(db: PrismaClient, person: YoungPerson): Promise<string | null> {
  if (!person.namedWorkerId) return null;
  const worker = await db.user.findUnique({ where: { id: person.namedWorkerId }, select: { name: true } });
  return worker?.name ?? null;
}
