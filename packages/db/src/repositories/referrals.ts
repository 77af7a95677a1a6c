import type { Referral, ReferralUpdate, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { appendPathwayEvent } from './pathway-events.ts';
import { claimVersion } from './young-people.ts';
import { dateColumn } from './young-person-profile.ts';
import { parseEvent } from '@pathways/engine';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'started', 'ended'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Where a referral may go from each status: a service accepts or declines, then starts, then ends. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'declined'],
  accepted: ['started', 'declined'],
  started: ['ended'],
  declined: [],
  ended: [],
};

export function nextReferralStatuses(status: string): readonly ReferralStatus[] {
  return NEXT[status as ReferralStatus] ?? [];
}

/** A referral with its service's and agency's names and its history. */
export type ReferralWithService = Referral & {
  service: { id: string; name: string; agencyId: string; agencyName: string; topics: string[] };
  updates: ReferralUpdate[];
};

const include = {
  service: { select: { id: true, name: true, agencyId: true, topics: true, agency: { select: { name: true } } } },
  updates: { orderBy: { at: 'asc' } },
} as const;

type Loaded = Referral & {
  service: { id: string; name: string; agencyId: string; topics: string[]; agency: { name: string } };
  updates: ReferralUpdate[];
};
const shaped = ({ service: { agency, ...service }, ...referral }: Loaded): ReferralWithService => ({
  ...referral,
  service: { ...service, agencyName: agency.name },
});

export type NewReferral = {
  person: YoungPerson;
  service: { id: string; agencyId: string };
  reason: string;
  milestoneId: string | null;
  completesMilestone: boolean;
  reviewActionId: string | null;
  agreedBy: string;
  bestInterestsReason: string | null;
  sharedParts: readonly string[];
  referredByName: string;
  /** The service's referral address the letter goes to (null: none known; printed instead). */
  sentTo: string | null;
  today: string;
  now: Date;
};

/**
 * Records a referral, sent today, in one transaction: the referral and its first status, and
 * each part of the record it shares as an agreement to share with the service's agency (like
 * any other sharing agreement: listed, and withdrawn the same way), audited.
 */
export async function createReferral(db: PrismaClient, actor: Actor, referral: NewReferral): Promise<Referral> {
  const { person, service, today, now } = referral;
  return db.$transaction(async (tx) => {
    if (referral.reviewActionId) {
      const action = await tx.reviewAction.findFirst({
        where: { id: referral.reviewActionId, youngPersonId: person.id },
        select: { id: true },
      });
      if (!action)
        throw new AppError('invalid', 'reviewActionId: no such action for this young person', {
          field: 'reviewActionId',
        });
    }
    const created = await tx.referral.create({
      data: {
        youngPersonId: person.id,
        serviceId: service.id,
        reason: referral.reason,
        milestoneId: referral.milestoneId,
        completesMilestone: referral.completesMilestone,
        reviewActionId: referral.reviewActionId,
        agreedBy: referral.agreedBy,
        agreedOn: dateColumn(today),
        bestInterestsReason: referral.bestInterestsReason,
        sharedParts: [...referral.sharedParts],
        sentOn: dateColumn(today),
        referredById: actor.userId,
        referredByName: referral.referredByName,
        sentTo: referral.sentTo,
        updates: {
          create: { status: 'sent', on: dateColumn(today), byId: actor.userId, byName: referral.referredByName },
        },
      },
    });
    for (const scope of referral.sharedParts) {
      const agreed = await tx.consent.findFirst({
        where: { youngPersonId: person.id, scope, agencyId: service.agencyId, withdrawnAt: null },
        select: { id: true },
      });
      if (agreed) continue;
      const consent = await tx.consent.create({
        data: {
          youngPersonId: person.id,
          scope,
          agencyId: service.agencyId,
          givenByUserId: actor.userId,
          givenByRole: referral.agreedBy,
          givenAt: now,
        },
      });
      await audit(tx, actor, {
        action: 'give_consent',
        entityType: 'Consent',
        entityId: consent.id,
        youngPersonId: person.id,
        detail: { scope, agencyId: service.agencyId, givenByRole: referral.agreedBy, referralId: created.id },
      });
    }
    await audit(tx, actor, {
      action: 'create',
      entityType: 'Referral',
      entityId: created.id,
      youngPersonId: person.id,
      detail: { serviceId: service.id, agreedBy: referral.agreedBy, sharedParts: [...referral.sharedParts] },
    });
    return created;
  });
}

/** A young person's referrals, newest first. */
export async function referralsOf(db: PrismaClient, youngPersonId: string): Promise<ReferralWithService[]> {
  const rows = await db.referral.findMany({ where: { youngPersonId }, include, orderBy: { createdAt: 'desc' } });
  return rows.map(shaped);
}

/** One referral, or `not_found`. */
export async function getReferral(db: PrismaClient, id: string): Promise<ReferralWithService> {
  const referral = await db.referral.findUnique({ where: { id }, include });
  if (!referral) throw new AppError('not_found', 'No such referral.');
  return shaped(referral);
}

/**
 * Moves a referral on (accepted, declined, started, ended) on a day, at the version read; when
 * the service accepts a referral meant to complete a milestone still open, the milestone is
 * recorded as done that day, in the same transaction.
 */
export async function updateReferral(
  db: PrismaClient,
  actor: Actor,
  change: {
    referral: Referral;
    version: number;
    status: ReferralStatus;
    on: string;
    note: string | null;
    byName: string;
    today: string;
  },
): Promise<{ referral: Referral; completedMilestone: string | null }> {
  const { referral, status, on, today } = change;
  if (!nextReferralStatuses(referral.status).includes(status))
    throw new AppError('unprocessable', `A referral that is ${referral.status} cannot become ${status}.`, {
      field: 'status',
    });
  if (on > today) throw new AppError('invalid', 'on: cannot be in the future', { field: 'on' });
  if (dateColumn(on) < referral.sentOn)
    throw new AppError('invalid', 'on: cannot be before the referral was sent', { field: 'on' });
  return db.$transaction(async (tx) => {
    const { count } = await tx.referral.updateMany({
      where: { id: referral.id, version: change.version },
      data: {
        status,
        version: { increment: 1 },
        ...(status === 'accepted' ? { acceptedOn: dateColumn(on) } : {}),
        ...(status === 'started' ? { startedOn: dateColumn(on) } : {}),
        ...(status === 'ended' || status === 'declined' ? { endedOn: dateColumn(on), outcome: change.note } : {}),
      },
    });
    if (count === 0)
      throw new AppError('conflict', 'Someone else changed this referral; reload it and try again.', {
        currentVersion: referral.version,
      });
    await tx.referralUpdate.create({
      data: {
        referralId: referral.id,
        status,
        on: dateColumn(on),
        note: change.note,
        byId: actor.userId,
        byName: change.byName,
      },
    });
    const completedMilestone =
      status === 'accepted' && referral.completesMilestone && referral.milestoneId
        ? await completeMilestone(tx, actor, referral, on, today)
        : null;
    await audit(tx, actor, {
      action: 'update',
      entityType: 'Referral',
      entityId: referral.id,
      youngPersonId: referral.youngPersonId,
      detail: { status, completedMilestone },
    });
    return { referral: await tx.referral.findUniqueOrThrow({ where: { id: referral.id } }), completedMilestone };
  });
}

/** Records the referral's milestone as done on the day it was accepted, if it is still to do. */
async function completeMilestone(
  tx: Tx,
  actor: Actor,
  referral: Referral,
  on: string,
  today: string,
): Promise<string | null> {
  const milestoneId = referral.milestoneId;
  if (!milestoneId) return null;
  const open = await tx.milestone.findFirst({
    where: { youngPersonId: referral.youngPersonId, milestoneId, completedOn: null },
    select: { milestoneId: true },
  });
  if (!open) return null;
  const current = await tx.youngPerson.findUniqueOrThrow({ where: { id: referral.youngPersonId } });
  const person = await claimVersion(tx, current.id, current.version);
  const parsed = parseEvent({ type: 'milestone.recorded', date: on, milestoneId });
  if (!parsed.ok) throw new AppError('invalid', `${parsed.field}: ${parsed.message}`, { field: parsed.field });
  await appendPathwayEvent(tx, actor, person, parsed.event, today);
  return milestoneId;
}

/** Referrals whose letter is still to be e-mailed to the service (oldest first). */
export async function referralLettersOwed(db: PrismaClient): Promise<{ id: string; sentTo: string }[]> {
  const rows = await db.referral.findMany({
    where: { emailedAt: null, sentTo: { not: null } },
    select: { id: true, sentTo: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  return rows.flatMap((row) => (row.sentTo ? [{ id: row.id, sentTo: row.sentTo }] : []));
}

/** Claims a referral's letter for sending (false: another process has it). */
export async function claimReferralLetter(db: PrismaClient, id: string, now: Date): Promise<boolean> {
  const { count } = await db.referral.updateMany({ where: { id, emailedAt: null }, data: { emailedAt: now } });
  return count === 1;
}

/** Gives a claimed letter back (its sending failed), so the next run tries again. */
export async function releaseReferralLetter(db: PrismaClient, id: string): Promise<void> {
  await db.referral.updateMany({ where: { id }, data: { emailedAt: null } });
}

export type ReferralsOfTopic = {
  topic: string;
  services: number;
  referrals: number;
  accepted: number;
  declined: number;
  waiting: number;
  /** Median days from sending to acceptance, of those accepted; null with none. */
  medianDaysToAccept: number | null;
};

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const [low = 0, high = 0] = sorted.slice(sorted.length % 2 === 1 ? middle : middle - 1, middle + 1);
  return sorted.length % 2 === 1 ? low : Math.round((low + high) / 2);
}

/**
 * Referrals sent since a day, and the services offered, per topic (a service under two topics
 * counts in both): how many, accepted, declined, still waiting, and the median wait for an
 * answer. Aggregates only: no young person is named.
 */
export async function referralsByTopic(
  db: PrismaClient,
  withinAreas: readonly string[] | null,
  since: string,
): Promise<ReferralsOfTopic[]> {
  const area = withinAreas ? { areaId: { in: [...withinAreas] } } : {};
  const [services, referrals] = await Promise.all([
    db.service.findMany({ where: { ...area, status: { not: 'inactive' } }, select: { topics: true } }),
    db.referral.findMany({
      where: { sentOn: { gte: dateColumn(since) }, service: area },
      select: { status: true, sentOn: true, acceptedOn: true, service: { select: { topics: true } } },
    }),
  ]);
  const topics = new Set([...services, ...referrals.map((referral) => referral.service)].flatMap((s) => s.topics));
  return [...topics].sort().map((topic) => {
    const about = referrals.filter((referral) => referral.service.topics.includes(topic));
    return {
      topic,
      services: services.filter((service) => service.topics.includes(topic)).length,
      referrals: about.length,
      accepted: about.filter((referral) => referral.acceptedOn !== null).length,
      declined: about.filter((referral) => referral.status === 'declined').length,
      waiting: about.filter((referral) => referral.status === 'sent').length,
      medianDaysToAccept: median(
        about.flatMap((referral) =>
          referral.acceptedOn ? [Math.round((referral.acceptedOn.getTime() - referral.sentOn.getTime()) / DAY_MS)] : [],
        ),
      ),
    };
  });
}

/** The e-mail address of whoever made a referral (the service answers them), if they still have an account. */
export async function referrerEmail(
  db: PrismaClient,
  referral: Pick<Referral, 'referredById'>,
): Promise<string | null> {
  if (!referral.referredById) return null;
  const user = await db.user.findUnique({ where: { id: referral.referredById }, select: { email: true } });
  return user?.email ?? null;
}
