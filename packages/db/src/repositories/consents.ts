import { AppError } from '../errors.ts';
import type { Consent, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';

/**
 * The parts of a record a young person may agree to share with an agency, each separately
 * (what each part holds, and how it is enforced, is the API's `sharing.ts`).
 */
export const SHARING_SCOPES = ['handover', 'plan', 'health', 'goals'] as const;
export type SharingScope = (typeof SHARING_SCOPES)[number];

/** The agreement that is not agency sharing: the family may see the plan from 16. */
export const FAMILY_ACCESS = 'family_access';

/** An agreement with the name of the agency it is with (null: every agency). */
export type ConsentWithAgency = Consent & { agencyName: string | null };

async function withAgencyNames(db: PrismaClient, consents: Consent[]): Promise<ConsentWithAgency[]> {
  const ids = [...new Set(consents.map((consent) => consent.agencyId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((agency) => [
      agency.id,
      agency.name,
    ]),
  );
  return consents.map((consent) => ({
    ...consent,
    agencyName: consent.agencyId ? (names.get(consent.agencyId) ?? null) : null,
  }));
}

/** A young person's agreements, newest first, with agency names, audited as read. */
export async function listConsents(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
}): Promise<ConsentWithAgency[]> {
  const consents = await options.db.consent.findMany({
    where: { youngPersonId: options.youngPersonId },
    orderBy: { givenAt: 'desc' },
  });
  await audit(options.db, options.actor, {
    action: 'read',
    entityType: 'Consent',
    youngPersonId: options.youngPersonId,
  });
  return withAgencyNames(options.db, consents);
}

/** One agreement, or `not_found`. */
export async function getConsent(db: PrismaClient, id: string): Promise<Consent> {
  const consent = await db.consent.findUnique({ where: { id } });
  if (!consent) throw new AppError('not_found', 'No such agreement.');
  return consent;
}

/**
 * Records an agreement to share `scope` with an agency of the young person's area (or every
 * agency), under the role it was given as, audited; the same agreement still in force is
 * answered as it is (`created: false`). An agency of another area is "no such agency".
 */
export async function giveConsent(options: {
  db: PrismaClient;
  actor: Actor;
  person: { id: string; areaId: string };
  scope: string;
  agencyId: string | null;
  givenByRole: string;
  now: Date;
}): Promise<{ consent: ConsentWithAgency; created: boolean }> {
  const { db, actor, person, scope, agencyId, givenByRole, now } = options;
  if (agencyId && !(await db.agency.findFirst({ where: { id: agencyId, areaId: person.areaId } })))
    throw new AppError('invalid', 'agencyId: no such agency in the young person’s area', { field: 'agencyId' });
  const existing = await db.consent.findFirst({
    where: { youngPersonId: person.id, scope, agencyId, withdrawnAt: null },
  });
  if (existing) return { consent: (await withAgencyNames(db, [existing]))[0] as ConsentWithAgency, created: false };
  const consent = await db.$transaction(async (tx) => {
    const created = await tx.consent.create({
      data: { youngPersonId: person.id, scope, agencyId, givenByUserId: actor.userId, givenByRole, givenAt: now },
    });
    await audit(tx, actor, {
      action: 'give_consent',
      entityType: 'Consent',
      entityId: created.id,
      youngPersonId: person.id,
      detail: { scope, agencyId, givenByRole },
    });
    return created;
  });
  return { consent: (await withAgencyNames(db, [consent]))[0] as ConsentWithAgency, created: true };
}

/** Withdraws an agreement at once, audited; one already withdrawn is `unprocessable`. */
export async function withdrawConsent(options: {
  db: PrismaClient;
  actor: Actor;
  consent: Consent;
  now: Date;
}): Promise<ConsentWithAgency> {
  const { db, actor, consent, now } = options;
  const withdrawn = await db.$transaction(async (tx) => {
    const { count } = await tx.consent.updateMany({
      where: { id: consent.id, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnById: actor.userId },
    });
    if (count === 0) throw new AppError('unprocessable', 'This agreement was already withdrawn.');
    await audit(tx, actor, {
      action: 'withdraw_consent',
      entityType: 'Consent',
      entityId: consent.id,
      youngPersonId: consent.youngPersonId,
      detail: { scope: consent.scope, agencyId: consent.agencyId },
    });
    return tx.consent.findUniqueOrThrow({ where: { id: consent.id } });
  });
  return (await withAgencyNames(db, [withdrawn]))[0] as ConsentWithAgency;
}
