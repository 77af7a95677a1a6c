import { addMonths, birthday, isoToDay, toIsoDate } from '@pathways/engine';
import { AppError } from '../errors.ts';
import type { Handover, HandoverStatus, Prisma, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
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
  /** More to do in the same transaction (the question posted in the handover's conversation). */
  alongside?: (tx: Tx) => Promise<unknown>;
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
    // The first sending is the pack's first version, kept as it went.
    if (step === 'send' && handover.packVersion === 0) await keepVersion(tx, actor, handover, 1, null);
    await options.alongside?.(tx);
    return tx.handover.findUniqueOrThrow({ where: { id: handover.id }, include: HANDOVER_INCLUDE });
  });
}

/** The pack's words, the fields a version keeps and a change compares. */
export const PACK_FIELDS = [
  'summary',
  'whatMatters',
  'needs',
  'currentSupport',
  'contacts',
  'pendingDecisions',
] as const;
export type PackField = (typeof PACK_FIELDS)[number];

/** Keeps the pack as it now stands (in the transaction) as version `packVersion`. */
async function keepVersion(tx: Tx, actor: Actor, handover: Handover, packVersion: number, note: string | null) {
  const current = await tx.handover.findUniqueOrThrow({ where: { id: handover.id } });
  const pack = Object.fromEntries(PACK_FIELDS.map((field) => [field, current[field] ?? null]));
  await tx.handoverVersion.create({
    data: { handoverId: handover.id, version: packVersion, pack, note, publishedById: actor.userId },
  });
  await tx.handover.update({ where: { id: handover.id }, data: { packVersion } });
}

/**
 * Rewrites a draft's pack (staff, naming the version they read). A pack already sent changes
 * only by publishing a new version.
 */
export async function editHandoverDraft(options: {
  db: PrismaClient;
  actor: Actor;
  handover: Handover;
  version: number;
  pack: HandoverPack;
}): Promise<HandoverWithParties> {
  const { db, actor, handover, version, pack } = options;
  if (handover.status !== 'draft')
    throw new AppError('unprocessable', 'This handover has been sent: publish a new version instead.');
  return db.$transaction(async (tx) => {
    const { count } = await tx.handover.updateMany({
      where: { id: handover.id, version, status: 'draft' },
      data: { ...emptiedPack(pack), version: { increment: 1 } },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this handover; reload it and try again.', {
        currentVersion: handover.version,
      });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'Handover',
      entityId: handover.id,
      youngPersonId: handover.youngPersonId,
    });
    return tx.handover.findUniqueOrThrow({ where: { id: handover.id }, include: HANDOVER_INCLUDE });
  });
}

/** Every pack field, those left out cleared: an edit is the whole pack (the summary is required). */
function emptiedPack(pack: HandoverPack) {
  return {
    summary: pack.summary,
    whatMatters: pack.whatMatters ?? null,
    needs: pack.needs ?? null,
    currentSupport: pack.currentSupport ?? null,
    contacts: pack.contacts ?? null,
    pendingDecisions: pack.pendingDecisions ?? null,
  };
}

/**
 * Publishes a changed pack as its next version (staff, naming the version they read): the
 * agency sees it as sent again, to acknowledge afresh, with what changed; any question it asked
 * is answered by it. Only once the pack has been sent.
 */
export async function publishHandoverVersion(options: {
  db: PrismaClient;
  actor: Actor;
  handover: Handover;
  version: number;
  pack: HandoverPack;
  note?: string;
  now: Date;
  /** More to do in the same transaction (the note posted in the handover's conversation). */
  alongside?: (tx: Tx) => Promise<unknown>;
}): Promise<HandoverWithParties> {
  const { db, actor, handover, version, pack, note } = options;
  if (handover.status === 'draft')
    throw new AppError('unprocessable', 'This handover has not been sent yet: send it first.');
  return db.$transaction(async (tx) => {
    // A pack sent before versions were kept: what it said then is its first version.
    if (handover.packVersion === 0) await keepVersion(tx, actor, handover, 1, null);
    const published = Math.max(handover.packVersion, 1) + 1;
    const { count } = await tx.handover.updateMany({
      where: { id: handover.id, version, status: { not: 'draft' } },
      data: {
        ...emptiedPack(pack),
        status: 'sent',
        sentAt: options.now,
        acknowledgedAt: null,
        infoRequest: null,
        version: { increment: 1 },
      },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this handover; reload it and try again.', {
        currentVersion: handover.version,
      });
    await keepVersion(tx, actor, handover, published, note?.trim() || null);
    await audit(tx, actor, {
      action: 'publish',
      entityType: 'Handover',
      entityId: handover.id,
      youngPersonId: handover.youngPersonId,
      detail: { packVersion: published },
    });
    await options.alongside?.(tx);
    return tx.handover.findUniqueOrThrow({ where: { id: handover.id }, include: HANDOVER_INCLUDE });
  });
}

/** A published version of a pack, with the fields it changed from the one before. */
export type HandoverVersionView = {
  version: number;
  publishedAt: Date;
  note: string | null;
  pack: Record<PackField, string | null>;
  changed: PackField[];
};

/** Every published version of a pack, newest first, each with what it changed. */
export async function handoverVersions(db: PrismaClient, handoverId: string): Promise<HandoverVersionView[]> {
  const rows = await db.handoverVersion.findMany({ where: { handoverId }, orderBy: { version: 'asc' } });
  let before: Record<PackField, string | null> | null = null;
  const views: HandoverVersionView[] = [];
  for (const row of rows) {
    const pack = row.pack as Record<PackField, string | null>;
    const previous: Record<PackField, string | null> | null = before;
    views.push({
      version: row.version,
      publishedAt: row.publishedAt,
      note: row.note,
      pack,
      changed: previous ? PACK_FIELDS.filter((field) => (pack[field] ?? null) !== (previous[field] ?? null)) : [],
    });
    before = pack;
  }
  return views.reverse();
}
