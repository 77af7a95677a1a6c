import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  auditList,
  calendarFeedOwner,
  dateColumn,
  findAgency,
  findYoungPerson,
  reviewFeedItems,
  ownRecord,
  hashToken,
  isoDay,
  listOpenMilestonesDueBy,
  newSecretToken,
  replaceCalendarToken,
  revokeCalendarTokens,
  youngPeopleHandedOverTo,
  youngPeopleLinkedToCarer,
  youngPeopleOfNamedWorker,
  type PrismaClient,
  type SessionUser,
  type YoungPerson,
} from '@pathways/db';
import { citationOf, formatLongDate, isoToDay, milestoneRule, RULE_PACKS, shortName } from '@pathways/engine';
import { Hono } from 'hono';
import ical, { ICalEventTransparency } from 'ical-generator';
import { canSeeYoungPerson, NOWHERE } from '../access.ts';
import { instantIn } from '../reviews/meeting-invitation.ts';
import { DEFAULT_TIME_ZONE } from '../service-day.ts';
import { ALL_PARTS, partsSharedWith, pathwayVisible, type VisibleParts } from '../sharing.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const FEED_ROLES = ['transition_worker', 'team_manager', 'young_person', 'parent_carer', 'adult_services'] as const;
const MONTHS_AHEAD = 12;

type FeedPerson = { person: YoungPerson; parts: VisibleParts };

/**
 * Whose milestones belong in a user's calendar, by relationship, each with the parts of their
 * record the user may see (the same decision as every other answer about them).
 */
async function youngPeopleFor(
  db: PrismaClient,
  user: SessionUser,
  day: string,
): Promise<{ people: FeedPerson[]; leadAgency?: string }> {
  const everything = (people: YoungPerson[]) => people.map((person) => ({ person, parts: ALL_PARTS }));
  switch (user.role) {
    case 'transition_worker':
    case 'team_manager':
      return {
        people: everything(await youngPeopleOfNamedWorker(db, user.id, user.areaId ?? NOWHERE)),
      };
    case 'young_person':
      return {
        people: everything(await ownRecord(db, user.youngPersonId)),
      };
    case 'parent_carer': {
      const linked = await youngPeopleLinkedToCarer(db, user.id);
      const visible = await Promise.all(
        linked.map(async (person) => ((await canSeeYoungPerson(db, user, person, day)) ? person : null)),
      );
      return { people: everything(visible.filter((person): person is YoungPerson => person !== null)) };
    }
    case 'adult_services': {
      // The milestones their agency leads, for young people handed over to it who still agree to share.
      const agency = user.agencyId ? await findAgency(db, user.agencyId) : null;
      if (!agency) return { people: [] };
      const handedOver = await youngPeopleHandedOverTo(db, agency);
      const shared = await partsSharedWith(
        db,
        handedOver.map((person) => person.id),
        agency.id,
      );
      const people = handedOver.map((person) => ({ person, parts: shared.get(person.id) ?? new Set<never>() }));
      return { people: people.filter(({ parts }) => parts.has('handover')), leadAgency: agency.type };
    }
    default:
      return { people: [] };
  }
}

/** Days from 1 January 2020, for SEQUENCE numbers that only rise. */
const dayIndex = (date: Date) => Math.floor((date.getTime() - Date.UTC(2020, 0, 1)) / 86_400_000);

/**
 * The iCalendar feed of a user's milestones: overdue and due in the next 12 months, with the
 * young people it named (for the audit trail). Each milestone keeps one UID for good. A late
 * milestone stands on today, where a calendar user looks, not on its past due date. SEQUENCE
 * rises with every change of the record (its day and version) and, for a late milestone, with
 * every day it moves forward, so a moved date updates the entry instead of adding a second one.
 */
export async function calendarFeed(
  db: PrismaClient,
  user: SessionUser,
  day: string,
  timeZone = DEFAULT_TIME_ZONE,
): Promise<{ body: string; youngPersonIds: string[] }> {
  const { people, leadAgency } = await youngPeopleFor(db, user, day);
  const byId = new Map(people.map((entry) => [entry.person.id, entry]));
  const todayColumn = dateColumn(day);
  const horizon = dateColumn(day);
  horizon.setUTCMonth(horizon.getUTCMonth() + MONTHS_AHEAD);
  const milestones = await listOpenMilestonesDueBy(db, {
    youngPersonIds: [...byId.keys()],
    today: todayColumn,
    dueBy: horizon,
    leadAgency,
  });
  const calendar = ical({
    name: 'Pathways milestones',
    prodId: { company: 'Pathways', product: 'Transition planner', language: 'EN' },
  });
  const named = new Set<string>();
  for (const milestone of milestones) {
    const entry = byId.get(milestone.youngPersonId);
    if (!entry || !milestone.dueDate || !pathwayVisible(entry.parts, milestone.pathway)) continue;
    const { person } = entry;
    named.add(person.id);
    const rule = milestoneRule(milestone.milestoneId);
    const isLate = milestone.dueDate < todayColumn;
    // Minimal personal data leaves the system: a first name and an initial.
    const who = user.role === 'young_person' ? '' : ` — ${shortName(person)}`;
    const lead = agencyName(person.jurisdiction, milestone.leadAgency);
    const late = isLate ? `Late: it was due on ${formatLongDate(isoToDay(isoDay(milestone.dueDate)), 'en-GB')}. ` : '';
    calendar.createEvent({
      id: `${milestone.youngPersonId}.${milestone.milestoneId}@pathways`,
      // All-day: ical-generator writes a date without a calendar zone from its UTC parts, and
      // Prisma gives @db.Date values at UTC midnight, so no server time zone can move the day.
      start: isLate ? todayColumn : milestone.dueDate,
      allDay: true,
      // A reminder of a deadline, not a meeting: it must not block the person's free time.
      transparency: ICalEventTransparency.TRANSPARENT,
      summary: `${isLate ? 'Late: ' : ''}${(user.role === 'young_person' ? rule?.title : rule?.staffTitle) ?? 'A transition milestone'}${who}`,
      description: rule
        ? `${late}${rule.rule[0]?.toUpperCase()}${rule.rule.slice(1)}. Lead: ${lead}. Source: ${citationOf(rule.source)}.`
        : late || undefined,
      sequence: (isLate ? dayIndex(todayColumn) : dayIndex(person.updatedAt)) * 1000 + (person.version % 1000),
      lastModified: person.updatedAt,
      stamp: person.updatedAt,
    });
  }
  await addReviewItems(db, user, { day, timeZone }, horizon, calendar, named);
  return { body: endWithCrlf(calendar.toString()), youngPersonIds: [...named] };
}

/**
 * Review meetings the user is invited to (timed, in the service's zone, with the same UID as
 * their e-mailed invitation, so a calendar shows one entry) and the actions they own (all-day
 * on their due date, or today once late) — about young people they may still see.
 */
async function addReviewItems(
  db: PrismaClient,
  user: SessionUser,
  { day, timeZone }: { day: string; timeZone: string },
  horizon: Date,
  calendar: ReturnType<typeof ical>,
  named: Set<string>,
): Promise<void> {
  const { meetings, actions } = await reviewFeedItems(db, {
    userId: user.id,
    agencyId: user.agencyId,
    today: day,
    dueBy: isoDay(horizon),
  });
  const seen = new Map<string, boolean>();
  const mayStillSee = async (person: { id: string }) => {
    if (!seen.has(person.id)) {
      const record = await findYoungPerson(db, person.id);
      seen.set(person.id, !!record && (await canSeeYoungPerson(db, user, record, day)));
    }
    return seen.get(person.id) === true;
  };
  const who = (person: Parameters<typeof shortName>[0]) =>
    user.role === 'young_person' ? '' : ` — ${shortName(person)}`;
  for (const review of meetings) {
    if (!(await mayStillSee(review.youngPerson))) continue;
    named.add(review.youngPerson.id);
    const start = instantIn(isoDay(review.meetingDate), review.startTime, timeZone);
    calendar.createEvent({
      id: `review.${review.id}@pathways`,
      start,
      end: new Date(start.getTime() + review.durationMinutes * 60_000),
      summary: `Review meeting${who(review.youngPerson)}`,
      location: review.place,
      sequence: review.sequence,
      stamp: review.updatedAt,
    });
  }
  const todayColumn = dateColumn(day);
  for (const action of actions) {
    if (!(await mayStillSee(action.youngPerson))) continue;
    named.add(action.youngPerson.id);
    const isLate = action.dueOn < todayColumn;
    calendar.createEvent({
      id: `action.${action.id}@pathways`,
      start: isLate ? todayColumn : action.dueOn,
      allDay: true,
      transparency: ICalEventTransparency.TRANSPARENT,
      // What was agreed stays in Pathways (it may be health or care detail): the entry says there is one.
      summary: `${isLate ? 'Late: ' : ''}Action agreed at a review${who(action.youngPerson)}`,
      description: `Due by ${formatLongDate(isoToDay(isoDay(action.dueOn)), 'en-GB')}. Sign in to Pathways to see what it is.`,
      sequence: (isLate ? dayIndex(todayColumn) : dayIndex(action.updatedAt)) * 1000 + (action.version % 1000),
      stamp: action.updatedAt,
    });
  }
}

/** An agency type as people call it, in the young person's jurisdiction. */
function agencyName(jurisdiction: string, type: string): string {
  const pack = RULE_PACKS[jurisdiction as keyof typeof RULE_PACKS] ?? RULE_PACKS.england;
  return (
    pack.agencyNames[type as keyof typeof pack.agencyNames] ??
    RULE_PACKS.england.agencyNames[type as keyof typeof RULE_PACKS.england.agencyNames] ??
    'the lead agency'
  );
}

/** RFC 5545 §3.1: every content line, the last one included, ends with CRLF. */
function endWithCrlf(text: string): string {
  return text.endsWith('\r\n') ? text : `${text.replace(/\r?\n?$/, '')}\r\n`;
}

const ZFeedAddress = z
  .object({ url: z.string().openapi({ example: 'http://localhost:3000/calendar/3q2…Xw.ics' }) })
  .openapi('CalendarFeed');

const issue = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createCalendarFeed',
  tags: ['Calendar'],
  summary: 'Create (or replace) your secret calendar feed address; the old one stops working',
  middleware: [requireRole(...FEED_ROLES)] as const,
  responses: { 201: json(ZFeedAddress, 'The new address: keep it secret'), ...errorResponses(401, 403) },
});
const revoke = createRoute({
  method: 'delete',
  path: '/',
  operationId: 'revokeCalendarFeed',
  tags: ['Calendar'],
  summary: 'Revoke your calendar feed address',
  middleware: [requireRole()] as const,
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403) },
});

export const calendarRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(issue, async (c) => {
    const { db, now } = c.get('services');
    const token = newSecretToken();
    await replaceCalendarToken({ db, userId: signedInUser(c).id, tokenHash: hashToken(token), now: now() });
    return c.json({ url: `${new URL(c.req.url).origin}/calendar/${token}.ics` }, 201);
  })
  .openapi(revoke, async (c) => {
    const { db, now } = c.get('services');
    await revokeCalendarTokens({ db, userId: signedInUser(c).id, now: now() });
    return c.body(null, 204);
  });

/** The feed itself, mounted at /calendar: authenticated by the secret in its address, for calendar apps (no cookies). */
export const calendarFeedRoutes = new Hono<AppEnv>().get('/:file{[A-Za-z0-9_-]+\\.ics}', async (c) => {
  const services = c.get('services');
  const token = c.req.param('file').replace(/\.ics$/, '');
  const user = await calendarFeedOwner(services.db, hashToken(token));
  if (!user) return c.text('Not found', 404);
  const sessionUser: SessionUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    areaId: user.areaId,
    agencyId: user.agencyId,
    youngPersonId: user.youngPersonId,
    // A calendar feed is written in each young person's own pack's words.
    language: null,
  };
  const { body, youngPersonIds } = await calendarFeed(services.db, sessionUser, today(services), services.timeZone);
  await auditList(services.db, { userId: user.id, role: user.role }, 'CalendarFeed', youngPersonIds);
  c.header('Cache-Control', 'private, max-age=300');
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
});
