import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit, dateColumn, type PrismaClient, type YoungPerson } from '@pathways/db';
import { citationOf, milestoneRule } from '@pathways/engine';
import { Hono } from 'hono';
import ical from 'ical-generator';
import { canSeeYoungPerson } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { hashToken, newSecretToken } from '../auth/secret-token.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, json } from './schemas.ts';

const FEED_ROLES = ['transition_worker', 'team_manager', 'young_person', 'parent_carer', 'adult_services'] as const;
const OPEN_STATUSES = ['overdue', 'due', 'upcoming'];
const MONTHS_AHEAD = 12;

/** Whose milestones belong in a user's calendar: their own young people, by relationship. */
async function youngPeopleFor(db: PrismaClient, user: SessionUser, day: string): Promise<{ people: YoungPerson[]; leadAgency?: string }> {
  switch (user.role) {
    case 'transition_worker':
    case 'team_manager':
      return { people: await db.youngPerson.findMany({ where: { namedWorkerId: user.id } }) };
    case 'young_person':
      return { people: user.youngPersonId ? await db.youngPerson.findMany({ where: { id: user.youngPersonId } }) : [] };
    case 'parent_carer': {
      const links = await db.carerLink.findMany({ where: { userId: user.id }, include: { youngPerson: true } });
      const visible = await Promise.all(links.map(async (link) => ((await canSeeYoungPerson(db, user, link.youngPerson, day)) ? link.youngPerson : null)));
      return { people: visible.filter((person): person is YoungPerson => person !== null) };
    }
    case 'adult_services': {
      // The milestones their agency leads, for young people handed over to it.
      const agency = user.agencyId ? await db.agency.findUnique({ where: { id: user.agencyId } }) : null;
      if (!agency) return { people: [] };
      const handovers = await db.handover.findMany({ where: { toAgencyId: agency.id, status: { not: 'draft' } }, include: { youngPerson: true } });
      return { people: handovers.map((handover) => handover.youngPerson), leadAgency: agency.type };
    }
    default:
      return { people: [] };
  }
}

/**
 * The iCalendar feed of a user's milestones: overdue and due in the next 12 months. Each
 * milestone keeps one UID for good; SEQUENCE is the record's version, which rises with every
 * change, so a moved date updates the calendar entry instead of adding a second one.
 */
export async function calendarFeed(db: PrismaClient, user: SessionUser, day: string): Promise<string> {
  const { people, leadAgency } = await youngPeopleFor(db, user, day);
  const byId = new Map(people.map((person) => [person.id, person]));
  const horizon = dateColumn(day);
  horizon.setUTCMonth(horizon.getUTCMonth() + MONTHS_AHEAD);
  const milestones = await db.milestone.findMany({
    where: { youngPersonId: { in: [...byId.keys()] }, status: { in: OPEN_STATUSES }, dueDate: { lte: horizon }, leadAgency },
    orderBy: [{ dueDate: 'asc' }],
  });
  const calendar = ical({ name: 'Pathways milestones', prodId: { company: 'Pathways', product: 'Transition planner', language: 'EN' } });
  for (const milestone of milestones) {
    const person = byId.get(milestone.youngPersonId);
    if (!person || !milestone.dueDate) continue;
    const rule = milestoneRule(milestone.milestoneId);
    // Minimal personal data leaves the system: a first name and an initial.
    const who = user.role === 'young_person' ? '' : ` — ${person.preferredName ?? person.givenName} ${person.familyName.slice(0, 1)}.`;
    calendar.createEvent({
      id: `${milestone.youngPersonId}.${milestone.milestoneId}@pathways`,
      // All-day: ical-generator writes a date without a calendar zone from its UTC parts, and
      // Prisma gives @db.Date values at UTC midnight, so no server time zone can move the day.
      start: milestone.dueDate,
      allDay: true,
      summary: `${rule?.title ?? milestone.milestoneId}${who}`,
      description: rule ? `${rule.rule[0]?.toUpperCase()}${rule.rule.slice(1)}. Lead: ${milestone.leadAgency}. Source: ${citationOf(rule.source)}.` : undefined,
      sequence: person.version,
      lastModified: person.updatedAt,
      stamp: person.updatedAt,
    });
  }
  return calendar.toString();
}

const ZFeedAddress = z.object({ url: z.string().openapi({ example: 'http://localhost:3000/calendar/3q2…Xw.ics' }) }).openapi('CalendarFeed');

const issue = createRoute({
  method: 'post',
  path: '/api/calendar-feed',
  tags: ['Calendar'],
  summary: 'Create (or replace) your secret calendar feed address; the old one stops working',
  middleware: [requireRole(...FEED_ROLES)] as const,
  responses: { 201: json(ZFeedAddress, 'The new address: keep it secret'), ...errorResponses(401, 403) },
});
const revoke = createRoute({
  method: 'delete',
  path: '/api/calendar-feed',
  tags: ['Calendar'],
  summary: 'Revoke your calendar feed address',
  middleware: [requireRole()] as const,
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403) },
});

export const calendarRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(issue, async (c) => {
    const { db, now } = c.get('services');
    const user = signedInUser(c);
    const token = newSecretToken();
    await db.$transaction([
      db.calendarToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now() } }),
      db.calendarToken.create({ data: { tokenHash: hashToken(token), userId: user.id, createdAt: now() } }),
    ]);
    return c.json({ url: `${new URL(c.req.url).origin}/calendar/${token}.ics` }, 201);
  })
  .openapi(revoke, async (c) => {
    const { db, now } = c.get('services');
    await db.calendarToken.updateMany({ where: { userId: signedInUser(c).id, revokedAt: null }, data: { revokedAt: now() } });
    return c.body(null, 204);
  });

/** The feed itself: authenticated by the secret in its address, for calendar apps (no cookies). */
export const calendarFeedRoutes = new Hono<AppEnv>().get('/calendar/:file{[A-Za-z0-9_-]+\\.ics}', async (c) => {
  const services = c.get('services');
  const token = c.req.param('file').replace(/\.ics$/, '');
  const found = await services.db.calendarToken.findUnique({ where: { tokenHash: hashToken(token) } });
  const user = found && !found.revokedAt ? await services.db.user.findUnique({ where: { id: found.userId } }) : null;
  if (!user || user.disabledAt) return c.text('Not found', 404);
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role, areaId: user.areaId, agencyId: user.agencyId, youngPersonId: user.youngPersonId };
  const body = await calendarFeed(services.db, sessionUser, today(services));
  await audit(services.db, { userId: user.id, role: user.role }, { action: 'read', entityType: 'CalendarFeed' });
  c.header('Cache-Control', 'private, max-age=300');
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
});
