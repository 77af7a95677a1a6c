import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPathwayEvent } from '@pathways/db';
import {
  call,
  ROLES,
  sendFile,
  signIn,
  startTestServer,
  TODAY,
  type Fixture,
  type RoleName,
  type Session,
} from '../test-support/test-server.ts';
import { ACCOUNT_ENDPOINTS } from '../test-support/account-endpoints.ts';

type Who = RoleName | 'anonymous';
/** `csv`: the body is sent as a CSV file rather than JSON; `file`: as an uploaded file. */
type Request = { method: string; path: string; body?: unknown; csv?: string; file?: string };
type Row = { name: string; request: (f: Fixture) => Promise<Request>; expect: Record<Who, number> };

const version = async (f: Fixture, id: string) =>
  (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id } })).version;
const goal = async (f: Fixture) =>
  (await f.db.prisma.goal.findFirst({ where: { youngPersonId: f.personId } })) ??
  (await f.db.prisma.goal.create({
    data: { youngPersonId: f.personId, text: 'I want a job in a café', outcomeArea: 'employment' },
  }));
const handover = (f: Fixture, status: 'draft' | 'sent') =>
  f.db.prisma.handover.create({
    data: {
      youngPersonId: f.personId,
      toAgencyId: f.adultAgencyId,
      status,
      dueBy: new Date(`${TODAY}T00:00:00Z`),
      summary: 'Pack',
    },
  });

/** A letter about the 17-year-old, added by the worker, with its content. */
const letter = (f: Fixture) =>
  f.db.prisma.document.create({
    data: {
      youngPersonId: f.personId,
      type: 'letter',
      title: 'Letter',
      fileName: 'letter.pdf',
      mediaType: 'application/pdf',
      byteSize: 14,
      sha256: '0'.repeat(64),
      addedById: f.users.worker.id,
      addedByName: 'worker',
      addedByRole: 'transition_worker',
      chunks: { create: { seq: 0, bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF') } },
    },
  });
/** Someone new from Maya's school, linked to her (each role's request unlinks its own). */
const linkedTeacher = async (f: Fixture) => {
  const teacher = await f.db.prisma.user.create({
    data: {
      email: `teacher-${crypto.randomUUID()}@school.test`,
      name: 'Teacher',
      role: 'contributor',
      areaId: f.areaId,
      agencyId: f.schoolAgencyId,
    },
  });
  await f.db.prisma.contributorLink.create({ data: { userId: teacher.id, youngPersonId: f.personId } });
  return teacher;
};

/** A service of the area's local offer (one, made once). */
const offered = async (f: Fixture) =>
  (await f.db.prisma.service.findFirst({ where: { areaId: f.areaId, externalId: 'breaks' } })) ??
  f.db.prisma.service.create({
    data: {
      areaId: f.areaId,
      agencyId: (
        await f.db.prisma.agency.create({
          data: { name: 'Short Breaks Trust', type: 'other', areaId: f.areaId, externalId: 'org-breaks' },
        })
      ).id,
      externalId: 'breaks',
      name: 'Saturday club',
      sortName: 'saturday club',
      topics: ['short_breaks'],
      referralEmail: 'referrals@breaks.test',
      digest: '',
    },
  });
/** A referral of the 17-year-old made by the worker, just sent (each role's request gets its own). */
const referral = async (f: Fixture) =>
  f.db.prisma.referral.create({
    data: {
      youngPersonId: f.personId,
      serviceId: (await offered(f)).id,
      reason: 'Saturday breaks',
      agreedBy: 'young_person',
      agreedOn: new Date(`${TODAY}T00:00:00Z`),
      sentOn: new Date(`${TODAY}T00:00:00Z`),
      referredById: f.users.worker.id,
      referredByName: 'worker',
    },
  });

/** A review of the 17-year-old in a given state, made directly (each role's request gets its own). */
const review = (f: Fixture, extra: Record<string, unknown> = {}) =>
  f.db.prisma.review.create({
    data: {
      youngPersonId: f.personId,
      kind: 'care_act_transition_meeting',
      meetingDate: new Date('2026-12-16T00:00:00Z'),
      startTime: '10:00',
      durationMinutes: 60,
      place: 'Northshire College',
      ...extra,
    },
  });
const invited = async (f: Fixture, extra: Record<string, unknown> = {}) => {
  const made = await review(f, extra);
  const invitation = await f.db.prisma.reviewInvitation.create({
    data: {
      reviewId: made.id,
      name: 'Maya',
      role: 'young_person',
      userId: f.users.youngPerson.id,
      adviceRequested: true,
      adviceQuestion: 'What matters?',
      adviceDueOn: new Date('2026-11-30T00:00:00Z'),
    },
  });
  return { review: made, invitation };
};
/** Staff of the young person's area only; staff elsewhere find nothing; everyone else is refused by role. */
const STAFF_WRITE = (ok: number) => by({ worker: ok, manager: ok, otherWorker: 404, otherwise: 403 });

/** Expected status for each caller: staff of the area, staff elsewhere, the young person, a parent of someone else, adult services with a handover, commissioner, administrator. */
const by = (statuses: Partial<Record<Who, number>> & { otherwise: number }): Record<Who, number> =>
  Object.fromEntries(
    (['anonymous', ...ROLES] as Who[]).map((who) => [
      who,
      who === 'anonymous' ? 401 : (statuses[who] ?? statuses.otherwise),
    ]),
  ) as Record<Who, number>;
/** The contributor of an agency she shares nothing with, and the one whose agreement she withdrew. */
const UNSEEN_BY_OTHER_AGENCIES = { otherContributor: 404, withdrawnContributor: 404 };
/** Other agencies' staff, refused by role whether or not they may see her record. */
const REFUSED_TO_OTHER_AGENCIES = { senco: 403, otherContributor: 403, withdrawnContributor: 403 };

/** The young person's own record: their area's staff, themselves; a parent of someone else and staff elsewhere find nothing. */
const DATA_SUBJECT = {
  worker: 200,
  manager: 200,
  youngPerson: 200,
  adults: 403,
  commissioner: 403,
  admin: 403,
  ...REFUSED_TO_OTHER_AGENCIES,
  otherwise: 404,
};
const STAFF_READ = {
  worker: 200,
  manager: 200,
  otherWorker: 404,
  youngPerson: 200,
  adults: 200,
  senco: 200,
  otherwise: 404,
};
/** Staff of the area only, by role: staff elsewhere find nothing; everyone else is refused by role. */
const STAFF_ONLY = (ok: number) => by({ worker: ok, manager: ok, otherWorker: 404, otherwise: 403 });

const MATRIX: Row[] = [
  {
    name: 'GET /api/session',
    request: async () => ({ method: 'GET', path: '/api/session' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'GET /api/young-people',
    request: async () => ({ method: 'GET', path: '/api/young-people' }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/young-people',
    request: async () => ({
      method: 'POST',
      path: '/api/young-people',
      body: { givenName: 'New', familyName: 'Person', dateOfBirth: '2011-04-04', jurisdiction: 'england' },
    }),
    expect: by({ worker: 201, manager: 201, otherWorker: 201, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'PATCH /api/young-people/{id}',
    request: async (f) => ({
      method: 'PATCH',
      path: `/api/young-people/${f.personId}`,
      body: { version: await version(f, f.personId), changes: { preferredName: 'May' } },
    }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'DELETE /api/young-people/{id}',
    request: async (f) => {
      const person = await f.db.prisma.youngPerson.create({
        data: {
          areaId: f.areaId,
          givenName: 'Erase',
          familyName: 'Me',
          dateOfBirth: new Date('2010-01-01'),
          jurisdiction: 'england',
        },
      });
      return { method: 'DELETE', path: `/api/young-people/${person.id}?version=1` };
    },
    expect: by({ manager: 204, otherWorker: 403, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/plan',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/plan` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'GET /api/young-people/{id}/fhir',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/fhir` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'GET /api/young-people/{id}/events',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/events` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'POST /api/young-people/{id}/events',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/events`,
      body: { version: await version(f, f.personId), event: { type: 'education.annual_review_held', date: TODAY } },
    }),
    // The school leads the education pathway; other agencies that may not see her find nothing.
    expect: by({
      worker: 201,
      manager: 201,
      otherWorker: 404,
      senco: 201,
      ...UNSEEN_BY_OTHER_AGENCIES,
      otherwise: 403,
    }),
  },
  {
    name: 'DELETE /api/young-people/{id}/events/{eventId}',
    request: async (f) => {
      // A fresh event for each caller, recorded directly: undoing is what is tried.
      const { eventId, version: current } = await recordPathwayEvent({
        db: f.db.prisma,
        actor: { userId: null, role: 'system' },
        youngPersonId: f.personId,
        expectedVersion: await version(f, f.personId),
        event: { type: 'milestone.recorded', date: TODAY, milestoneId: 'community_inclusion' },
        today: TODAY,
      });
      return { method: 'DELETE', path: `/api/young-people/${f.personId}/events/${eventId}?version=${current}` };
    },
    expect: by({ worker: 200, manager: 200, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'GET /api/caseload',
    request: async () => ({ method: 'GET', path: `/api/caseload?from=${TODAY}&to=2027-06-30` }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/plan-preview',
    request: async () => ({
      method: 'POST',
      path: '/api/plan-preview',
      body: { profile: { dateOfBirth: '2012-03-03', jurisdiction: 'england', hasEhcPlan: true }, events: [] },
    }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/goals',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/goals` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'POST /api/young-people/{id}/goals',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/goals`,
      body: { text: 'Learn to cook', outcomeArea: 'independent_living' },
    }),
    expect: by({ worker: 201, manager: 201, youngPerson: 201, adults: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'PATCH /api/goals/{goalId}',
    request: async (f) => {
      const g = await goal(f);
      return { method: 'PATCH', path: `/api/goals/${g.id}`, body: { version: g.version, status: 'active' } };
    },
    expect: by({ worker: 200, manager: 200, youngPerson: 200, adults: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'POST /api/goals/{goalId}/notes',
    request: async (f) => ({
      method: 'POST',
      path: `/api/goals/${(await goal(f)).id}/notes`,
      body: { note: 'Made pasta on my own' },
    }),
    expect: by({ worker: 201, manager: 201, youngPerson: 201, adults: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'POST /api/young-people/{id}/handovers',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/handovers`,
      body: { toAgencyId: f.adultAgencyId, summary: 'Summary' },
    }),
    expect: by({ worker: 201, manager: 201, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'GET /api/handovers',
    request: async () => ({ method: 'GET', path: '/api/handovers' }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, adults: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/handovers/{handoverId}',
    request: async (f) => ({ method: 'GET', path: `/api/handovers/${(await handover(f, 'sent')).id}` }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, adults: 200, otherwise: 403 }),
  },
  {
    name: 'PUT /api/handovers/{handoverId}',
    request: async (f) => ({
      method: 'PUT',
      path: `/api/handovers/${(await handover(f, 'draft')).id}`,
      body: { version: 1, summary: 'Rewritten' },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/handovers/{handoverId}/publish',
    request: async (f) => ({
      method: 'POST',
      path: `/api/handovers/${(await handover(f, 'sent')).id}/publish`,
      body: { version: 1, summary: 'Version 2', note: 'Changed the summary' },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'GET /api/handovers/{handoverId}/versions',
    request: async (f) => ({ method: 'GET', path: `/api/handovers/${(await handover(f, 'sent')).id}/versions` }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, adults: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/messages',
    request: async () => ({ method: 'GET', path: '/api/messages' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'GET /api/messages/{kind}/{subjectId}',
    // The family conversation: the young person, her family and her area's staff.
    request: async (f) => ({ method: 'GET', path: `/api/messages/family/${f.personId}` }),
    expect: by({ worker: 200, manager: 200, youngPerson: 200, otherwise: 404 }),
  },
  {
    name: 'POST /api/messages/{kind}/{subjectId}/messages',
    // The team conversation: her area's staff and the other agencies linked to her who may see her record.
    request: async (f) => ({
      method: 'POST',
      path: `/api/messages/team/${f.personId}/messages`,
      body: { body: 'Hello' },
    }),
    expect: by({ worker: 201, manager: 201, senco: 201, otherwise: 404 }),
  },
  {
    name: 'GET /api/handovers/{handoverId}/fhir',
    request: async (f) => ({ method: 'GET', path: `/api/handovers/${(await handover(f, 'sent')).id}/fhir` }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, adults: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/handovers/{handoverId}/send',
    request: async (f) => ({
      method: 'POST',
      path: `/api/handovers/${(await handover(f, 'draft')).id}/send`,
      body: { version: 1 },
    }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'POST /api/handovers/{handoverId}/acknowledge',
    request: async (f) => ({
      method: 'POST',
      path: `/api/handovers/${(await handover(f, 'sent')).id}/acknowledge`,
      body: { version: 1 },
    }),
    expect: by({ adults: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/handovers/{handoverId}/request-info',
    request: async (f) => ({
      method: 'POST',
      path: `/api/handovers/${(await handover(f, 'sent')).id}/request-info`,
      body: { version: 1, message: 'Please add the current care plan.' },
    }),
    expect: by({ adults: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/forecast',
    request: async () => ({ method: 'GET', path: '/api/forecast' }),
    expect: by({ commissioner: 200, manager: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/forecast.csv',
    request: async () => ({ method: 'GET', path: '/api/forecast.csv?months=12' }),
    expect: by({ commissioner: 200, manager: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/calendar-feed',
    request: async () => ({ method: 'POST', path: '/api/calendar-feed' }),
    expect: by({
      worker: 201,
      manager: 201,
      otherWorker: 201,
      youngPerson: 201,
      parent: 201,
      adults: 201,
      otherwise: 403,
    }),
  },
  {
    name: 'DELETE /api/calendar-feed',
    request: async () => ({ method: 'DELETE', path: '/api/calendar-feed' }),
    expect: by({ otherwise: 204 }),
  },
  {
    name: 'POST /api/agencies/import',
    request: async (f) => ({ method: 'POST', path: `/api/agencies/import?areaId=${f.areaId}`, body: [] }),
    expect: by({ admin: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/agencies/fetch',
    // The administrator passes, and is then refused a feed on the planner's own network.
    request: async (f) => ({
      method: 'POST',
      path: '/api/agencies/fetch',
      body: { areaId: f.areaId, url: 'http://127.0.0.1:9/api/services' },
    }),
    expect: by({ admin: 400, otherwise: 403 }),
  },
  {
    name: 'GET /api/agencies/feed',
    request: async (f) => ({ method: 'GET', path: `/api/agencies/feed?areaId=${f.areaId}` }),
    expect: by({ admin: 200, otherwise: 403 }),
  },
  {
    name: 'DELETE /api/agencies/feed',
    request: async (f) => ({ method: 'DELETE', path: `/api/agencies/feed?areaId=${f.areaId}` }),
    expect: by({ admin: 204, otherwise: 403 }),
  },
  {
    name: 'GET /api/services',
    request: async () => ({ method: 'GET', path: '/api/services' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'GET /api/services/{id}',
    request: async (f) => ({ method: 'GET', path: `/api/services/${(await offered(f)).id}` }),
    // Anyone of its area (and the installation's administrator); another area finds nothing.
    expect: by({ otherWorker: 404, otherwise: 200 }),
  },
  {
    name: 'GET /api/young-people/{id}/helpful-services',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/helpful-services` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'GET /api/young-people/{id}/referrals',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/referrals` }),
    // Commissioners and administrators are refused by role (they never see a record).
    expect: by({ ...STAFF_READ, commissioner: 403, admin: 403 }),
  },
  {
    name: 'POST /api/young-people/{id}/referrals',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/referrals`,
      body: { serviceId: (await offered(f)).id, reason: 'Saturday breaks', agreement: 'agreed' },
    }),
    // Her workers: the area's staff and her school's linked SEN coordinator.
    expect: by({
      worker: 201,
      manager: 201,
      senco: 201,
      ...UNSEEN_BY_OTHER_AGENCIES,
      otherWorker: 404,
      otherwise: 403,
    }),
  },
  {
    name: 'POST /api/referrals/{referralId}/status',
    request: async (f) => ({
      method: 'POST',
      path: `/api/referrals/${(await referral(f)).id}/status`,
      body: { version: 1, status: 'accepted', on: TODAY },
    }),
    // The area's staff, or whoever referred (the worker here).
    expect: by({ worker: 200, manager: 200, ...UNSEEN_BY_OTHER_AGENCIES, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'GET /api/referrals/{referralId}/letter',
    request: async (f) => ({ method: 'GET', path: `/api/referrals/${(await referral(f)).id}/letter` }),
    // Commissioners and administrators are refused by role (they never see a record).
    expect: by({ ...STAFF_READ, commissioner: 403, admin: 403 }),
  },
  {
    name: 'GET /api/commissioning/referrals',
    request: async () => ({ method: 'GET', path: '/api/commissioning/referrals' }),
    expect: by({ manager: 200, commissioner: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/agencies',
    request: async () => ({ method: 'GET', path: '/api/agencies' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'GET /api/my-young-people',
    request: async () => ({ method: 'GET', path: '/api/my-young-people' }),
    expect: by({
      youngPerson: 200,
      parent: 200,
      senco: 200,
      otherContributor: 200,
      withdrawnContributor: 200,
      otherwise: 403,
    }),
  },
  {
    name: 'PUT /api/young-people/{id}/about-me',
    request: async (f) => ({
      method: 'PUT',
      path: `/api/young-people/${f.personId}/about-me`,
      body: { version: await version(f, f.personId), aboutMe: 'I like trains and loud music.' },
    }),
    expect: by({
      worker: 200,
      manager: 200,
      youngPerson: 200,
      adults: 403,
      commissioner: 403,
      admin: 403,
      ...REFUSED_TO_OTHER_AGENCIES,
      otherwise: 404,
    }),
  },
  {
    name: 'GET /api/young-people/{id}/audit',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/audit` }),
    expect: by({ worker: 200, manager: 200, youngPerson: 200, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/consents',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/consents` }),
    expect: by(DATA_SUBJECT),
  },
  {
    name: 'POST /api/young-people/{id}/consents',
    request: async (f) => {
      // Each caller starts from no agreement (with an agency new to her), so an allowed one is
      // recorded (201); never one with every agency, which would let the other agencies in.
      const agency = await f.db.prisma.agency.create({ data: { name: 'Day centre', type: 'other', areaId: f.areaId } });
      return {
        method: 'POST',
        path: `/api/young-people/${f.personId}/consents`,
        body: { scope: 'plan', agencyId: agency.id },
      };
    },
    expect: by({ ...DATA_SUBJECT, worker: 201, manager: 201, youngPerson: 201 }),
  },
  {
    name: 'POST /api/consents/{consentId}/withdraw',
    request: async (f) => {
      // With an agency of its own: one left with every agency would let the other agencies in.
      const agency = await f.db.prisma.agency.create({ data: { name: 'Day centre', type: 'other', areaId: f.areaId } });
      const consent = await f.db.prisma.consent.create({
        data: {
          youngPersonId: f.personId,
          scope: 'goals',
          agencyId: agency.id,
          givenByRole: 'young_person',
          givenAt: new Date(),
        },
      });
      return { method: 'POST', path: `/api/consents/${consent.id}/withdraw` };
    },
    expect: by(DATA_SUBJECT),
  },
  {
    name: 'GET /api/young-people/{id}/subject-access',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/subject-access` }),
    expect: by(DATA_SUBJECT),
  },
  {
    name: 'GET /api/young-people/{id}/subject-access.html',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/subject-access.html` }),
    expect: by(DATA_SUBJECT),
  },
  {
    name: 'GET /api/notifications',
    request: async () => ({ method: 'GET', path: '/api/notifications' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'POST /api/notifications/{notificationId}/read',
    request: async (f) => {
      const notification = await f.db.prisma.notification
        .create({
          data: {
            userId: f.users.worker.id,
            youngPersonId: f.personId,
            milestoneId: 'annual_review',
            kind: 'overdue',
            onDate: new Date(`${TODAY}T00:00:00Z`),
          },
        })
        .catch(() =>
          f.db.prisma.notification.findFirstOrThrow({
            where: { userId: f.users.worker.id, milestoneId: 'annual_review' },
          }),
        );
      await f.db.prisma.notification.update({ where: { id: notification.id }, data: { readAt: null } });
      return { method: 'POST', path: `/api/notifications/${notification.id}/read` };
    },
    expect: by({ worker: 200, otherwise: 404 }),
  },
  {
    name: 'GET /api/named-workers',
    request: async () => ({ method: 'GET', path: '/api/named-workers' }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/named-workers/assignments',
    request: async (f) => ({
      method: 'POST',
      path: '/api/named-workers/assignments',
      body: { youngPersonIds: [f.childId], namedWorkerId: f.users.worker.id },
    }),
    // Staff elsewhere are told only that the young person is not one of theirs.
    expect: by({ worker: 200, manager: 200, otherWorker: 400, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/family',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.childId}/family` }),
    expect: by({ worker: 200, manager: 200, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'POST /api/young-people/{id}/family',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.childId}/family`,
      body: { role: 'parent_carer', name: 'A carer', email: `carer-${crypto.randomUUID()}@family.test` },
    }),
    expect: by({ worker: 201, manager: 201, otherWorker: 404, otherwise: 403 }),
  },
  {
    name: 'GET /api/imports/young-people/template.csv',
    request: async () => ({ method: 'GET', path: '/api/imports/young-people/template.csv' }),
    expect: by({ manager: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/imports/young-people',
    request: async () => ({
      method: 'POST',
      path: '/api/imports/young-people?dryRun=true',
      csv: 'local_id,given_name,family_name,date_of_birth\nCS-1,Ada,Lee,2011-01-01\n',
    }),
    expect: by({ manager: 202, otherwise: 403 }),
  },
  {
    name: 'GET /api/imports/{id}',
    request: async (f) => {
      const run = await f.db.prisma.importRun.create({
        data: { areaId: f.areaId, fileName: 'a.csv', isDryRun: true, totalRows: 1, ignoredColumns: [] },
      });
      return { method: 'GET', path: `/api/imports/${run.id}` };
    },
    expect: by({ manager: 200, otherwise: 403 }),
  },
  {
    name: 'POST /api/agencies',
    request: async (f) => ({
      method: 'POST',
      path: '/api/agencies',
      body: { name: 'Supported employment', type: 'other', areaId: f.areaId },
    }),
    expect: by({ admin: 201, otherwise: 403 }),
  },
  {
    name: 'PATCH /api/agencies/{id}',
    request: async (f) => ({
      method: 'PATCH',
      path: `/api/agencies/${f.adultAgencyId}`,
      body: { phone: '01234 567890' },
    }),
    expect: by({ admin: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/reviews',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/reviews` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'POST /api/young-people/{id}/reviews',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/reviews`,
      body: {
        kind: 'ehc_annual_review',
        meetingDate: '2027-01-20',
        startTime: '10:00',
        durationMinutes: 60,
        place: 'School',
      },
    }),
    expect: STAFF_WRITE(201),
  },
  {
    name: 'GET /api/reviews',
    request: async () => ({ method: 'GET', path: '/api/reviews?worker=me' }),
    // Staff only; staff of another area see their own area's (none of this one's).
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/reviews/{reviewId}',
    request: async (f) => ({ method: 'GET', path: `/api/reviews/${(await review(f)).id}` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'POST /api/reviews/{reviewId}/meeting',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f)).id}/meeting`,
      body: { version: 1, place: 'Town hall' },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/cancel',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f)).id}/cancel`,
      body: { version: 1 },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/circulate-advice',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f, { invitationsReleased: true })).id}/circulate-advice`,
      body: { version: 1 },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/meeting-record',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f, { meetingDate: new Date('2026-11-20T00:00:00Z') })).id}/meeting-record`,
      body: { version: 1, heldOn: '2026-11-20', youngPersonTookPart: 'in_room' },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/after-meeting',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f, { status: 'held', heldOn: new Date('2026-11-10T00:00:00Z') })).id}/after-meeting`,
      body: { version: 1, reportSentOn: '2026-11-20' },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'PUT /api/reviews/{reviewId}/profile',
    request: async (f) => ({
      method: 'PUT',
      path: `/api/reviews/${(await review(f)).id}/profile`,
      body: {
        importantToMe: 'My dog',
        workingWell: 'College',
        notWorking: 'The bus',
        wantToTalkAbout: 'A job',
        takePart: 'in_room',
        helpedBy: 'on_my_own',
      },
    }),
    expect: by({
      worker: 200,
      manager: 200,
      youngPerson: 200,
      adults: 403,
      commissioner: 403,
      admin: 403,
      ...REFUSED_TO_OTHER_AGENCIES,
      otherwise: 404,
    }),
  },
  {
    name: 'POST /api/reviews/{reviewId}/invitations',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f)).id}/invitations`,
      body: {
        name: 'Sam Senco',
        email: 'senco@school.test',
        role: 'school',
        advice: { question: 'How is college going?' },
      },
    }),
    expect: STAFF_WRITE(201),
  },
  {
    name: 'POST /api/reviews/{reviewId}/invitations/{invitationId}/advice-request',
    request: async (f) => {
      const { review: made, invitation } = await invited(f);
      return {
        method: 'POST',
        path: `/api/reviews/${made.id}/invitations/${invitation.id}/advice-request`,
        body: { question: 'What would help?' },
      };
    },
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/invitations/{invitationId}/withdraw',
    request: async (f) => {
      const { review: made, invitation } = await invited(f);
      return { method: 'POST', path: `/api/reviews/${made.id}/invitations/${invitation.id}/withdraw` };
    },
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/invitations/{invitationId}/by-hand',
    request: async (f) => {
      const { review: made, invitation } = await invited(f, { invitationsReleased: true });
      return { method: 'POST', path: `/api/reviews/${made.id}/invitations/${invitation.id}/by-hand` };
    },
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/send-invitations',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await invited(f)).review.id}/send-invitations`,
      body: { version: 1 },
    }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'GET /api/reviews/{reviewId}/people',
    request: async (f) => ({ method: 'GET', path: `/api/reviews/${(await review(f)).id}/people` }),
    expect: STAFF_WRITE(200),
  },
  {
    name: 'POST /api/reviews/{reviewId}/reply',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await invited(f)).review.id}/reply`,
      body: { reply: 'accepted' },
    }),
    // Only the person invited; others who may see the review are refused; the rest find nothing.
    expect: by({ youngPerson: 200, worker: 403, manager: 403, adults: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'POST /api/reviews/{reviewId}/advice',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await invited(f)).review.id}/advice`,
      body: { advice: 'I like college.' },
    }),
    expect: by({ youngPerson: 200, worker: 403, manager: 403, adults: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'POST /api/reviews/{reviewId}/actions',
    request: async (f) => ({
      method: 'POST',
      path: `/api/reviews/${(await review(f, { status: 'held', heldOn: new Date('2026-11-10T00:00:00Z') })).id}/actions`,
      body: { description: 'Book a college visit', owner: { name: 'Maya’s mum' }, dueOn: '2026-12-20' },
    }),
    expect: STAFF_WRITE(201),
  },
  {
    name: 'GET /api/actions',
    request: async () => ({ method: 'GET', path: '/api/actions' }),
    expect: by({ commissioner: 403, admin: 403, otherwise: 200 }),
  },
  {
    name: 'PATCH /api/actions/{actionId}',
    request: async (f) => {
      const made = await review(f, { status: 'held', heldOn: new Date('2026-11-10T00:00:00Z') });
      const action = await f.db.prisma.reviewAction.create({
        data: {
          reviewId: made.id,
          youngPersonId: f.personId,
          description: 'Send the care assessment',
          ownerName: 'adults',
          ownerUserId: f.users.adults.id,
          dueOn: new Date('2026-12-01T00:00:00Z'),
        },
      });
      return { method: 'PATCH', path: `/api/actions/${action.id}`, body: { version: 1, status: 'done' } };
    },
    // The owner and the area's staff; the young person may see it but not change it.
    expect: by({ adults: 200, worker: 200, manager: 200, youngPerson: 403, senco: 403, otherwise: 404 }),
  },
  {
    name: 'GET /api/areas',
    request: async () => ({ method: 'GET', path: '/api/areas' }),
    expect: by({ otherwise: 200 }),
  },
  {
    name: 'GET /api/contributors',
    request: async () => ({ method: 'GET', path: '/api/contributors' }),
    expect: by({ worker: 200, manager: 200, otherWorker: 200, otherwise: 403 }),
  },
  {
    name: 'GET /api/young-people/{id}/contributors',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/contributors` }),
    expect: STAFF_ONLY(200),
  },
  {
    name: 'POST /api/young-people/{id}/contributors',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/contributors`,
      body: { userId: f.users.senco.id },
    }),
    expect: STAFF_ONLY(201),
  },
  {
    name: 'DELETE /api/young-people/{id}/contributors/{userId}',
    request: async (f) => ({
      method: 'DELETE',
      path: `/api/young-people/${f.personId}/contributors/${(await linkedTeacher(f)).id}`,
    }),
    expect: STAFF_ONLY(204),
  },
  {
    name: 'GET /api/young-people/{id}/documents',
    request: async (f) => ({ method: 'GET', path: `/api/young-people/${f.personId}/documents` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'POST /api/young-people/{id}/documents',
    request: async (f) => ({
      method: 'POST',
      path: `/api/young-people/${f.personId}/documents?type=letter&title=Letter`,
      file: '%PDF-1.4\n%%EOF\n',
    }),
    // Adult services receive a handover; they do not add to the record.
    expect: by({
      ...STAFF_READ,
      worker: 201,
      manager: 201,
      youngPerson: 201,
      senco: 201,
      adults: 403,
      commissioner: 403,
      admin: 403,
    }),
  },
  {
    name: 'GET /api/documents/{documentId}/content',
    request: async (f) => ({ method: 'GET', path: `/api/documents/${(await letter(f)).id}/content` }),
    expect: by(STAFF_READ),
  },
  {
    name: 'DELETE /api/documents/{documentId}',
    request: async (f) => ({ method: 'DELETE', path: `/api/documents/${(await letter(f)).id}` }),
    // Whoever added it (the worker here) or the area's staff; others who see it may not.
    expect: by({ ...STAFF_READ, worker: 204, manager: 204, youngPerson: 403, adults: 403, senco: 403 }),
  },
  {
    name: 'GET /api/event-types',
    request: async () => ({ method: 'GET', path: '/api/event-types' }),
    expect: by({ otherwise: 200 }),
  },
];

const BACKENDS = [
  ['PGlite', true],
  ['PostgreSQL', true],
] as const;

describe.each(BACKENDS)('authorisation on %s: every endpoint × every role', (backend, isAvailable) => {
  let fixture: Fixture;
  const sessions = new Map<Who, Session>();

  beforeAll(async () => {
    if (!isAvailable) return;
    fixture = await startTestServer(backend);
    sessions.set('anonymous', null);
    for (const role of ROLES) sessions.set(role, await signIn(fixture, fixture.users[role].email));
  });
  afterAll(async () => fixture?.close());

  it.skipIf(!isAvailable)('covers every endpoint of the OpenAPI document', async () => {
    const document = (await call(fixture, null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Signing in and out are open to everyone by design (tested in api.test.ts); a calendar
    // feed's only key is the secret in its address (tested in calendar.test.ts and the consent walk).
    // The account endpoints have a matrix of their own (accounts-authorisation.test.ts).
    const open = [
      'POST /api/session',
      'DELETE /api/session',
      'GET /calendar/{file}',
      ...ACCOUNT_ENDPOINTS,
      // An invitee's private link is its own key (tested in reviews.test.ts).
      'POST /api/invitation-links/look-up',
      'POST /api/invitation-links/reply',
      'POST /api/invitation-links/advice',
    ];
    expect(documented.filter((name) => !open.includes(name) && !MATRIX.some((row) => row.name === name))).toEqual([]);
  });

  describe.each(MATRIX)('$name', (row) => {
    it.skipIf(!isAvailable).each(['anonymous', ...ROLES] as Who[])('%s', async (who) => {
      const request = await row.request(fixture);
      const response = request.csv
        ? await sendFile(fixture, sessions.get(who) ?? null, request.path, 'text/csv', request.csv)
        : request.file
          ? await sendFile(fixture, sessions.get(who) ?? null, request.path, 'application/octet-stream', request.file)
          : await call(fixture, sessions.get(who) ?? null, request.method, request.path, request.body);
      expect(response.status, JSON.stringify(response.body)).toBe(row.expect[who]);
    });
  });
});
