import { addMonths, birthday, isoToDay, toIsoDate } from '@pathways/engine';
import { AppError } from '../errors.ts';
import type { Handover, HandoverStatus, Prisma, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';
import { latestReviewProfile } from './reviews.ts';
import { dateColumn, isoDay } from './young-person-profile.ts';

/** How long before the 18th birthday (or an earlier transfer) adult services should have the pack. */
export const HANDOVER_LEAD_MONTHS = 6;

/** What a handover answer needs of the young person and the agency with it. */
export const HANDOVER_INCLUDE = {
  youngPerson: {
    select: {
      givenName: true,
      familyName: true,
      preferredName: true,
      dateOfBirth: true,
      jurisdiction: true,
      areaId: true,
    },
  },
  toAgency: { select: { name: true, areaId: true } },
} as const;
export type HandoverWithParties = Prisma.HandoverGetPayload<{ include: typeof HANDOVER_INCLUDE }>;

/** The pack's words, as staff write them. */
export type HandoverPack = {
  summary: string;
  whatMatters?: string;
  needs?: string;
  currentSupport?: string;
  contacts?: string;
  pendingDecisions?: string;
};

/** The day a handover is aimed at: an expected transfer before 18, else the 18th birthday. */
export function handoverTarget(
  person: { dateOfBirth: Date; jurisdiction: string },
  expectedTransfer: string | null | undefined,
): { day: string; isBirthday: boolean } {
  const at18 = birthday(isoDay(person.dateOfBirth), person.jurisdiction, 18);
  return expectedTransfer && expectedTransfer < at18
    ? { day: expectedTransfer, isBirthday: false }
    : { day: at18, isBirthday: true };
}

/**
 * Drafts a handover to an agency of the young person's own area, due by default
 * HANDOVER_LEAD_MONTHS before the target day (never later than that while it is still ahead;
 * today once it has passed), "what matters to me" from their own words unless written: what
 * they said is important to them in their last review's one-page profile, else "about me".
 */
export async function draftHandover(options: {
  db: PrismaClient;
  actor: Actor;
  person: YoungPerson;
  toAgencyId: string;
  expectedTransfer?: string;
  dueBy?: string;
  pack: HandoverPack;
  today: string;
}): Promise<HandoverWithParties> {
  const { db, actor, person, toAgencyId, expectedTransfer, dueBy, pack, today } = options;
  // Another area's agency is "no such agency" (not "not yours").
  if (!(await db.agency.findFirst({ where: { id: toAgencyId, areaId: person.areaId } })))
    throw new AppError('invalid', 'toAgencyId: no such agency in this young person’s area', { field: 'toAgencyId' });
  const target = handoverTarget(person, expectedTransfer);
  const latestDue = toIsoDate(addMonths(isoToDay(target.day), -HANDOVER_LEAD_MONTHS));
  if (dueBy && dueBy > latestDue && target.day > today) {
    throw new AppError(
      'invalid',
      `dueBy: must be at least ${HANDOVER_LEAD_MONTHS} months before ${target.isBirthday ? 'the 18th birthday' : 'the transfer'} (${latestDue} at the latest)`,
      { field: 'dueBy' },
    );
  }
  return db.$transaction(async (tx) => {
    const created = await tx.handover.create({
      data: {
        ...pack,
        youngPersonId: person.id,
        toAgencyId,
        fromUserId: actor.userId,
        // Their own words: what they wrote for their last review, else "about me".
        whatMatters: pack.whatMatters ?? ((await latestReviewProfile(tx, person.id))?.importantToMe || person.aboutMe),
        dueBy: dateColumn(dueBy ?? (latestDue > today ? latestDue : today)),
        expectedTransfer: expectedTransfer ? dateColumn(expectedTransfer) : null,
      },
      include: HANDOVER_INCLUDE,
    });
    await audit(tx, actor, {
      action: 'create',
      entityType: 'Handover',
      entityId: created.id,
      youngPersonId: person.id,
    });
    return created;
  });
}

/** One handover with its parties, or null. */
export function findHandover(db: PrismaClient, id: string): Promise<HandoverWithParties | null> {
  return db.handover.findUnique({ where: { id }, include: HANDOVER_INCLUDE });
}

/** Handovers sent to an agency (its inbox), or from an area's staff, soonest transfer first. */
export function listHandovers(
  db: PrismaClient,
  scope: { toAgencyId: string; status?: HandoverStatus } | { areaId: string; status?: HandoverStatus },
): Promise<HandoverWithParties[]> {
  const where =
    'toAgencyId' in scope
      ? { toAgencyId: scope.toAgencyId, status: scope.status ?? { not: 'draft' as const } }
      : { youngPerson: { areaId: scope.areaId }, status: scope.status };
  return db.handover.findMany({
    where,
    include: HANDOVER_INCLUDE,
    orderBy: [{ expectedTransfer: 'asc' }, { dueBy: 'asc' }],
  });
}

/** What each step of a handover's life moves it from, and what it records. */
const STEPS = {
  send: { from: ['draft', 'info_requested'], to: 'sent', words: 'sent' },
  acknowledge: { from: ['sent', 'info_requested'], to: 'acknowledged', words: 'acknowledged' },
  request_info: { from: ['sent'], to: 'info_requested', words: 'queried' },
} as const satisfies Record<string, { from: readonly HandoverStatus[]; to: HandoverStatus; words: string }>;
export type HandoverStep = keyof typeof STEPS;

/**
 * Moves a handover one step on (send, acknowledge, ask for more information) if it is still
 * at `version` and in a status that step starts from; otherwise `unprocessable` saying why,
 * or `conflict` with the current version. Audited in the same transaction.
 */
export async function moveHandover(options: {
  db: PrismaClient;
  actor: Actor;
  handover: Handover;
  version: number;
  step: HandoverStep;
  now: Date;
  infoRequest?: string;
}): Promise<HandoverWithParties> {
  const { db, actor, handover, version, step, now } = options;
  const { from, to, words } = STEPS[step];
  if (!(from as readonly HandoverStatus[]).includes(handover.status))
    throw new AppError('unprocessable', `A handover that is ${handover.status.replace('_', ' ')} cannot be ${words}.`);
  const data = {
    status: to,
    ...(step === 'send'
      ? { sentAt: now }
      : step === 'acknowledge'
        ? { acknowledgedAt: now }
        : { infoRequest: options.infoRequest ?? null }),
  };
  return db.$transaction(async (tx) => {
    const { count } = await tx.handover.updateMany({
      where: { id: handover.id, version, status: { in: [...from] } },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this handover; reload it and try again.', {
        currentVersion: handover.version,
      });
    await audit(tx, actor, {
      action: step,
      entityType: 'Handover',
      entityId: handover.id,
      youngPersonId: handover.youngPersonId,
    });
    return tx.handover.findUniqueOrThrow({ where: { id: handover.id }, include: HANDOVER_INCLUDE });
  });
}
