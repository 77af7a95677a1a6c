import {
  buildPlanWithState,
  buildScheduleWithState,
  EVENT_CATALOGUE,
  formatLongDate,
  isoToDay,
  isEventType,
  parseEvent,
  type Plan,
  type PathwayEvent as EngineEvent,
} from '@pathways/engine';
import { AppError } from '../errors.ts';
import type { PathwayEvent, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';
import { materialisePlan } from './materialise-plan.ts';
import { standingEvents } from './standing-events.ts';
import { claimVersion } from './young-people.ts';
import { dateColumn, engineEventOf, profileOf } from './young-person-profile.ts';

/**
 * Records a dated pathway event for a young person, in one transaction: the record must still
 * be at `expectedVersion` (else `conflict`); the pathway machines must accept the event in
 * the state the whole log puts them in (else `unprocessable`, with the machine's reason); then
 * the event is appended, the plan re-materialised and the write audited.
 */
export async function recordPathwayEvent(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
  expectedVersion: number;
  event: unknown;
  today: string;
}): Promise<{ eventId: string; version: number; plan: Plan }> {
  const parsed = parseEvent(options.event);
  if (!parsed.ok) throw new AppError('invalid', `${parsed.field}: ${parsed.message}`, { field: parsed.field });
  return options.db.$transaction(async (tx) => {
    const person = await claimVersion(tx, options.youngPersonId, options.expectedVersion);
    return appendPathwayEvent(tx, options.actor, person, parsed.event, options.today);
  });
}

/**
 * Appends a parsed event to the log of a young person already claimed in this transaction
 * (`claimVersion`), as `recordPathwayEvent` describes: refused by the machines, or when it
 * would break a later event, with the reason; else appended, re-planned and audited. Other
 * workflows (a review) record their events with it inside their own transaction.
 */
export async function appendPathwayEvent(
  tx: Tx,
  actor: Actor,
  person: YoungPerson,
  event: EngineEvent,
  today: string,
): Promise<{ eventId: string; version: number; plan: Plan }> {
  const { id: _ignored, type, date, ...payload } = event;
  if (date > today) throw new AppError('invalid', 'date: cannot be in the future', { field: 'date' });
  const log = await standingEvents(tx, person.id);
  const profile = profileOf(person);
  const events = log.map(engineEventOf);
  const candidate = { ...event, id: 'candidate' };
  const planned = buildPlanWithState(profile, [...events, candidate], { asOf: today });
  const check = planned.plan;
  const refusal = check.rejectedEvents.find((rejected) => rejected.id === 'candidate');
  if (refusal) throw new AppError('unprocessable', refusal.reason, { field: 'type' });
  refuseMarkThatCompletesNothing(event, check);
  // A back-dated event must not make a later, already accepted one impossible. (An event
  // dated on or after every other one cannot change how they replay.)
  const isBackDated = events.some((logged) => logged.date > date);
  const before = isBackDated
    ? new Set(
        buildScheduleWithState(profile, events, { asOf: today }).plan.rejectedEvents.map((rejected) => rejected.id),
      )
    : undefined;
  const broken =
    before && check.rejectedEvents.find((rejected) => rejected.id !== 'candidate' && !before.has(rejected.id));
  if (broken) {
    const label = eventLabel(broken.type);
    throw new AppError(
      'unprocessable',
      `Recording this on ${date} would make the later "${label}" on ${broken.date} impossible: ${broken.reason}`,
      { field: 'date' },
    );
  }

  const lastSequence = await tx.pathwayEvent.aggregate({
    where: { youngPersonId: person.id },
    _max: { sequence: true },
  });
  const created = await tx.pathwayEvent.create({
    data: {
      youngPersonId: person.id,
      sequence: (lastSequence._max.sequence ?? 0) + 1,
      type,
      date: dateColumn(date),
      payload,
      recordedById: actor.userId,
    },
  });
  await materialisePlan(tx, person, today, planned);
  await audit(tx, actor, {
    action: 'record_event',
    entityType: 'PathwayEvent',
    entityId: created.id,
    youngPersonId: person.id,
    detail: { type, date },
  });
  return { eventId: created.id, version: person.version, plan: planned.plan };
}

/**
 * "Mark as done" must do what it says: a date on which the milestone could not yet be done
 * (before the review a report follows, say) is refused, naming the first day that counts,
 * rather than recorded and silently ignored.
 */
function refuseMarkThatCompletesNothing(event: { type: string; date: string }, plan: Plan): void {
  if (event.type !== 'milestone.recorded') return;
  const milestoneId = (event as { milestoneId?: string }).milestoneId;
  const milestone = plan.milestones.find((m) => m.id === milestoneId);
  if (!milestone || milestone.status === 'done' || milestone.isRecurring) return;
  const from =
    milestone.windowStart && milestone.windowStart > event.date
      ? `: it counts from ${longDate(milestone.windowStart)}`
      : '';
  throw new AppError(
    'unprocessable',
    `"${milestone.staffTitle}" cannot be marked as done on ${longDate(event.date)}${from}.`,
    { field: 'date' },
  );
}

/** An event type as people read it ("Moved to adult health teams"). */
const eventLabel = (type: string) => (isEventType(type) ? EVENT_CATALOGUE[type].label : type);

/** A day in words, as people read it in a message ("2 November 2026"). */
const longDate = (isoDay: string) => formatLongDate(isoToDay(isoDay), 'en-GB');

/**
 * Undoes an event recorded by mistake ("mark as done" on the wrong milestone, or the wrong
 * date), in one transaction: the record must still be at `expectedVersion`; the event is
 * kept and a withdrawal recorded beside it (both logs stay append-only), so it is never
 * replayed; the plan is re-materialised. Refused
 * (`unprocessable`) when a later event only makes sense after it (a transfer after the
 * planning it followed): undo that one first.
 */
export async function withdrawPathwayEvent(options: {
  db: PrismaClient;
  actor: Actor;
  youngPersonId: string;
  eventId: string;
  expectedVersion: number;
  today: string;
}): Promise<{ version: number; plan: Plan }> {
  return options.db.$transaction(async (tx) => {
    const person = await claimVersion(tx, options.youngPersonId, options.expectedVersion);
    const log = await standingEvents(tx, person.id);
    const withdrawn = log.find((row) => row.id === options.eventId);
    if (!withdrawn) throw new AppError('not_found', 'No such event on this record.');
    const remaining = log.filter((row) => row !== withdrawn).map(engineEventOf);
    const planned = buildPlanWithState(profileOf(person), remaining, { asOf: options.today });
    const broken = planned.plan.rejectedEvents[0];
    if (broken) {
      const label = eventLabel(broken.type);
      throw new AppError(
        'unprocessable',
        `Undoing this would make the later "${label}" on ${broken.date ? longDate(broken.date) : 'a later day'} impossible: ${broken.reason} Undo that one first.`,
        { field: 'eventId' },
      );
    }
    await tx.pathwayEventWithdrawal.create({ data: { eventId: withdrawn.id, withdrawnById: options.actor.userId } });
    await materialisePlan(tx, person, options.today, planned);
    await audit(tx, options.actor, {
      action: 'withdraw_event',
      entityType: 'PathwayEvent',
      entityId: withdrawn.id,
      youngPersonId: person.id,
      detail: { type: withdrawn.type, date: withdrawn.date.toISOString().slice(0, 10) },
    });
    return { version: person.version, plan: planned.plan };
  });
}

/**
 * A young person's event log, withdrawn events left out: in the order it was recorded
 * (`recorded`, the order the plan replays it in) or by the date each happened (`dated`, as a
 * person reads a history).
 */
export async function listPathwayEvents(
  db: PrismaClient,
  youngPersonId: string,
  order: 'recorded' | 'dated',
): Promise<PathwayEvent[]> {
  return db.pathwayEvent.findMany({
    where: { youngPersonId, withdrawal: { is: null } },
    orderBy: order === 'recorded' ? { sequence: 'asc' } : [{ date: 'asc' }, { sequence: 'asc' }],
  });
}

/**
 * Withdraws events a workflow recorded (a cancelled review's "meeting arranged"), inside its
 * transaction: each still standing gets a withdrawal, the plan is re-made once, and the
 * whole is refused if it would make a later event impossible.
 */
export async function withdrawInTransaction(
  tx: Tx,
  actor: Actor,
  youngPersonId: string,
  eventIds: readonly string[],
  today: string,
): Promise<void> {
  if (eventIds.length === 0) return;
  const log = await standingEvents(tx, youngPersonId);
  const withdrawn = log.filter((row) => eventIds.includes(row.id));
  if (withdrawn.length === 0) return;
  const current = await tx.youngPerson.findUniqueOrThrow({ where: { id: youngPersonId }, select: { version: true } });
  const person = await claimVersion(tx, youngPersonId, current.version);
  const remaining = log.filter((row) => !withdrawn.includes(row)).map(engineEventOf);
  const planned = buildPlanWithState(profileOf(person), remaining, { asOf: today });
  const broken = planned.plan.rejectedEvents[0];
  if (broken)
    throw new AppError(
      'unprocessable',
      `This would make the later "${eventLabel(broken.type)}" impossible: ${broken.reason}`,
    );
  for (const row of withdrawn) {
    await tx.pathwayEventWithdrawal.create({ data: { eventId: row.id, withdrawnById: actor.userId } });
    await audit(tx, actor, {
      action: 'withdraw_event',
      entityType: 'PathwayEvent',
      entityId: row.id,
      youngPersonId,
      detail: { type: row.type, date: row.date.toISOString().slice(0, 10) },
    });
  }
  await materialisePlan(tx, person, today, planned);
}
