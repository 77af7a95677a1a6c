import { JURISDICTIONS, PROFILE_FLAGS, ZIsoDate, ZNhsNumber } from '@pathways/engine';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { Prisma, type PrismaClient, type YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { materialisePlan } from './materialise-plan.ts';
import { dateColumn } from './young-person-profile.ts';

const flagShape = Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<(typeof PROFILE_FLAGS)[number], z.ZodOptional<z.ZodBoolean>>;

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
    jurisdiction: z.enum(JURISDICTIONS),
    yearGroupOffset: z.number().int().min(-3).max(3).optional(),
    aboutMe: z.string().max(10_000).nullable().optional(),
    ...flagShape,
  })
  .strict();
export type YoungPersonInput = z.input<typeof ZYoungPersonInput>;

export const ZYoungPersonChanges = ZYoungPersonInput.partial().strict();

/** Creates a young person and their first plan, audited, in one transaction. */
export async function createYoungPerson(options: { db: PrismaClient; actor: Actor; input: YoungPersonInput; today: string }): Promise<YoungPerson> {
  const input = ZYoungPersonInput.parse(options.input);
  return options.db.$transaction(async (tx) => {
    const person = await tx.youngPerson.create({ data: { ...input, dateOfBirth: dateColumn(input.dateOfBirth) } });
    await materialisePlan(tx, person, options.today);
    await audit(tx, options.actor, { action: 'create', entityType: 'YoungPerson', entityId: person.id, youngPersonId: person.id });
    return person;
  });
}

/**
 * Changes a young person's record if nobody else has changed it since `expectedVersion`
 * (otherwise `conflict` with the current version), re-plans, and audits the fields changed.
 */
export async function updateYoungPerson(options: {
  db: PrismaClient;
  actor: Actor;
  id: string;
  expectedVersion: number;
  changes: z.input<typeof ZYoungPersonChanges>;
  today: string;
}): Promise<YoungPerson> {
  const changes = ZYoungPersonChanges.parse(options.changes);
  return options.db.$transaction(async (tx) => {
    await claimVersion(tx, options.id, options.expectedVersion);
    const person = await tx.youngPerson.update({
      where: { id: options.id },
      data: { ...changes, dateOfBirth: changes.dateOfBirth ? dateColumn(changes.dateOfBirth) : undefined },
    });
    await materialisePlan(tx, person, options.today);
    await audit(tx, options.actor, { action: 'update', entityType: 'YoungPerson', entityId: person.id, youngPersonId: person.id, detail: { fields: Object.keys(changes) } });
    return person;
  });
}

/**
 * Moves the record from `expectedVersion` to the next one and returns it, or fails:
 * `not_found`, or `conflict` carrying the current version. The row lock it takes makes a
 * concurrent writer wait, then see the new version and fail in turn: never a silent
 * overwrite. The plan digest is cleared: the record no longer matches what a re-plan found.
 */
export async function claimVersion(tx: Tx, id: string, expectedVersion: number): Promise<YoungPerson> {
  try {
    return await tx.youngPerson.update({ where: { id, version: expectedVersion }, data: { version: { increment: 1 }, planDigest: null } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error;
  }
  const current = await tx.youngPerson.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new AppError('not_found', 'No such young person.');
  throw new AppError('conflict', 'Someone else changed this record; reload it and try again.', { currentVersion: current.version });
}

/** Reads one young person's record, audited as a read. */
export async function getYoungPerson(options: { db: PrismaClient; actor: Actor; id: string }): Promise<YoungPerson> {
  return options.db.$transaction(async (tx) => {
    const person = await tx.youngPerson.findUnique({ where: { id: options.id } });
    if (!person) throw new AppError('not_found', 'No such young person.');
    await audit(tx, options.actor, { action: 'read', entityType: 'YoungPerson', entityId: person.id, youngPersonId: person.id });
    return person;
  });
}

/**
 * Erases a young person: their record and everything about them (events, plan, goals,
 * handovers, consents, family links) in one transaction, if nobody changed the record since
 * `expectedVersion`. The audit trail is kept, holding only the record's random id, which no
 * longer leads to a person.
 */
export async function eraseYoungPerson(options: { db: PrismaClient; actor: Actor; id: string; expectedVersion: number }): Promise<void> {
  await options.db.$transaction(async (tx) => {
    await claimVersion(tx, options.id, options.expectedVersion);
    // The event log refuses deletes unless erasure opts in, for this transaction only.
    await tx.$executeRawUnsafe("SET LOCAL pathways.erasure = 'on'");
    await tx.pathwayEvent.deleteMany({ where: { youngPersonId: options.id } });
    await tx.user.updateMany({ where: { youngPersonId: options.id }, data: { youngPersonId: null, disabledAt: new Date() } });
    await tx.youngPerson.delete({ where: { id: options.id } });
    await audit(tx, options.actor, { action: 'erase', entityType: 'YoungPerson', entityId: options.id, youngPersonId: options.id });
  });
}
