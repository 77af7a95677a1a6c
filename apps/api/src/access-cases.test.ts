import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';

/**
 * The access cases an attacker's probe found open, each closed: an id that arrives in a body
 * is a relationship to check (same area, right role), not only a row that exists, and no
 * answer tells a caller what exists in another area.
 */
for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`ids in a body are relationships (${backend})`, () => {
    let f: Fixture;
    let worker: Session;
    beforeAll(async () => {
      f = await startTestServer(backend);
      worker = await signIn(f, f.users.worker.email);
    });
    afterAll(async () => f?.close());
    const version = async (id: string) => (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id } })).version;

    it('takes as named worker only staff of the young person’s own area, naming the field, never a 500', async () => {
      const unknown = '6f1c2b1e-1111-4222-8333-944455556666';
      for (const [who, id] of [
        ['another area’s worker', f.users.otherWorker.id],
        ['the commissioner', f.users.commissioner.id],
        ['a young person', f.users.youngPerson.id],
        ['adult services', f.users.adults.id],
        ['nobody at all', unknown],
      ] as const) {
        const changed = await call(f, worker, 'PATCH', `/api/young-people/${f.childId}`, {
          version: await version(f.childId),
          changes: { namedWorkerId: id },
        });
        expect(changed.status, who).toBe(400);
        expect(changed.body.error.field, who).toBe('namedWorkerId');
        const created = await call(f, worker, 'POST', '/api/young-people', {
          givenName: 'New',
          familyName: 'Person',
          dateOfBirth: '2011-04-04',
          jurisdiction: 'england',
          namedWorkerId: id,
        });
        expect(created.status, who).toBe(400);
      }
      expect((await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.childId } })).namedWorkerId).toBeNull();
      // The other area's worker was never given the child: their calendar does not list them.
      const other = await signIn(f, f.users.otherWorker.email);
      const feed = new URL((await call(f, other, 'POST', '/api/calendar-feed')).body.url as string).pathname;
      expect(await (await fetch(`${f.baseUrl}${feed}`)).text()).not.toContain(f.childId);
      // A manager of the area is a fine named worker.
      const ok = await call(f, worker, 'PATCH', `/api/young-people/${f.childId}`, {
        version: await version(f.childId),
        changes: { namedWorkerId: f.users.manager.id },
      });
      expect(ok.status).toBe(200);
    });

    it('drafts and sends handovers only to an agency of the young person’s area', async () => {
      const elsewhere = await f.db.prisma.agency.create({
        data: { name: 'Westvale adult social care', type: 'adult_social_care', areaId: f.otherAreaId },
      });
      const drafted = await call(f, worker, 'POST', `/api/young-people/${f.personId}/handovers`, {
        toAgencyId: elsewhere.id,
        summary: 'Pack',
      });
      expect(drafted.status).toBe(400);
      expect(drafted.body.error.field).toBe('toAgencyId');
      expect(await f.db.prisma.handover.count({ where: { toAgencyId: elsewhere.id } })).toBe(0);

      // One drafted that way before this check existed cannot be sent, and is never read there.
      const old = await f.db.prisma.handover.create({
        data: {
          youngPersonId: f.personId,
          toAgencyId: elsewhere.id,
          status: 'draft',
          dueBy: new Date(`${TODAY}T00:00:00Z`),
          summary: 'Old pack',
        },
      });
      await f.db.prisma.consent.create({
        data: {
          youngPersonId: f.personId,
          scope: 'handover',
          agencyId: elsewhere.id,
          givenByRole: 'young_person',
          givenAt: new Date(),
        },
      });
      const sent = await call(f, worker, 'POST', `/api/handovers/${old.id}/send`, { version: 1 });
      expect(sent.status).toBe(422);
      await f.db.prisma.handover.update({ where: { id: old.id }, data: { status: 'sent' } });
      const reader = await f.db.prisma.user.create({
        data: {
          email: `reader-${backend.toLowerCase()}@wv.test`,
          name: 'Reader',
          role: 'adult_services',
          passwordHash: (await f.db.prisma.user.findUniqueOrThrow({ where: { id: f.users.adults.id } })).passwordHash,
          areaId: f.otherAreaId,
          agencyId: elsewhere.id,
        },
      });
      const theirs = await signIn(f, reader.email);
      expect((await call(f, theirs, 'GET', `/api/handovers/${old.id}`)).status).toBe(404);
      expect((await call(f, theirs, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
      expect((await call(f, theirs, 'GET', '/api/handovers')).body.items).toEqual([]);
    });

    it('does not say whether an NHS number is used in another area', async () => {
      await f.db.prisma.youngPerson.update({ where: { id: f.otherPersonId }, data: { nhsNumber: '9434765870' } });
      const same = await call(f, worker, 'POST', '/api/young-people', {
        givenName: 'Same',
        familyName: 'Number',
        dateOfBirth: '2011-04-04',
        jurisdiction: 'england',
        nhsNumber: '943 476 5870',
      });
      expect(same.status).toBe(201);
      const again = await call(f, worker, 'POST', '/api/young-people', {
        givenName: 'Twice',
        familyName: 'Here',
        dateOfBirth: '2011-04-04',
        jurisdiction: 'england',
        nhsNumber: '9434765870',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.field).toBe('nhsNumber');
    });

    it('records refused access as a security event', async () => {
      const adults = await signIn(f, f.users.adults.email);
      expect((await call(f, adults, 'GET', `/api/young-people/${f.otherPersonId}`)).status).toBe(404);
      expect((await call(f, adults, 'GET', '/api/caseload?from=2026-01-01&to=2026-12-31')).status).toBe(403);
      const refusals = await f.db.prisma.auditEntry.findMany({
        where: { actorId: f.users.adults.id, action: 'refused' },
        orderBy: { id: 'asc' },
      });
      expect(refusals.map((entry) => entry.detail)).toEqual([
        { method: 'GET', path: `/api/young-people/${f.otherPersonId}`, status: 404, code: 'not_found' },
        { method: 'GET', path: '/api/caseload', status: 403, code: 'forbidden' },
      ]);
    });

    it('records which young people each list showed, so their own "who viewed my record" is complete', async () => {
      const caseload = await call(f, worker, 'GET', '/api/caseload?from=2026-01-01&to=2027-12-31');
      const shown = Object.keys(caseload.body.people as object);
      expect(shown.length).toBeGreaterThan(0);
      const list = await call(f, worker, 'GET', '/api/young-people');
      expect(list.body.items.length).toBeGreaterThan(1);
      const trail = await call(f, worker, 'GET', `/api/young-people/${f.personId}/audit`);
      const views = (trail.body.items as { action: string; entityType: string; actorId?: string }[]).filter(
        (item) => item.action === 'list',
      );
      expect(views.map((item) => item.entityType)).toEqual(expect.arrayContaining(['Caseload', 'YoungPerson']));
      for (const id of shown)
        expect(
          await f.db.prisma.auditEntry.count({ where: { youngPersonId: id, action: 'list', entityType: 'Caseload' } }),
          id,
        ).toBeGreaterThan(0);
      const adults = await signIn(f, f.users.adults.email);
      await call(f, adults, 'GET', '/api/handovers');
      expect(
        await f.db.prisma.auditEntry.count({
          where: { youngPersonId: f.personId, action: 'list', entityType: 'Handover', actorId: f.users.adults.id },
        }),
      ).toBe(1);
      // So does the reminders list, which names the young person each reminder is about.
      await f.db.prisma.notification.create({
        data: {
          userId: f.users.worker.id,
          youngPersonId: f.childId,
          milestoneId: 'year9_pfa_review',
          kind: 'overdue',
          onDate: new Date(`${TODAY}T00:00:00Z`),
        },
      });
      expect((await call(f, worker, 'GET', '/api/notifications')).body.items).toHaveLength(1);
      expect(
        await f.db.prisma.auditEntry.count({
          where: { youngPersonId: f.childId, action: 'list', entityType: 'Notification', actorId: f.users.worker.id },
        }),
      ).toBe(1);
      // The calendar feed names whom it showed.
      const feed = new URL((await call(f, worker, 'POST', '/api/calendar-feed')).body.url as string).pathname;
      await fetch(`${f.baseUrl}${feed}`);
      expect(
        await f.db.prisma.auditEntry.count({
          where: { youngPersonId: f.personId, action: 'list', entityType: 'CalendarFeed' },
        }),
      ).toBe(1);
    });
  });
}
