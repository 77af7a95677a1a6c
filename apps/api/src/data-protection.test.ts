import { runReminders, runRetention } from '@pathways/db';
import { englandRulePack } from '@pathways/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';

const BACKENDS = [
  ['PGlite', true],
  ['PostgreSQL', true],
] as const;

describe.each(BACKENDS)('data protection over HTTP on %s', (backend, isAvailable) => {
  let f: Fixture;
  let worker: Session;
  let manager: Session;
  let adults: Session;
  let youngPerson: Session;
  let parent: Session;

  beforeAll(async () => {
    if (!isAvailable) return;
    f = await startTestServer(backend);
    worker = await signIn(f, f.users.worker.email);
    manager = await signIn(f, f.users.manager.email);
    adults = await signIn(f, f.users.adults.email);
    youngPerson = await signIn(f, f.users.youngPerson.email);
    parent = await signIn(f, f.users.parent.email);
  });
  afterAll(async () => f?.close());

  const consentsOf = async (id: string) =>
    (await call(f, worker, 'GET', `/api/young-people/${id}/consents`)).body.items as {
      id: string;
      scope: string;
      agencyId: string | null;
      withdrawnAt: string | null;
      givenByRole: string;
    }[];
  const active = async (id: string, scope: string) =>
    (await consentsOf(id)).find((c) => c.scope === scope && c.withdrawnAt === null);

  describe.skipIf(!isAvailable)('consent and sharing', () => {
    it('lets an agency see only the parts agreed, and a withdrawal takes effect at once, audited', async () => {
      // The fixture: Maya (17) agreed to share her handover, plan, health and goals with adult social care.
      const plan = await call(f, adults, 'GET', `/api/young-people/${f.personId}/plan`);
      expect(plan.status).toBe(200);
      expect(plan.body.milestones.some((m: { pathway: string }) => m.pathway === 'health')).toBe(true);

      const health = await active(f.personId, 'health');
      expect((await call(f, youngPerson, 'POST', `/api/consents/${health?.id}/withdraw`)).status).toBe(200);
      const withoutHealth = await call(f, adults, 'GET', `/api/young-people/${f.personId}/plan`);
      expect(withoutHealth.status).toBe(200);
      expect(withoutHealth.body.milestones.length).toBeGreaterThan(0);
      expect(
        withoutHealth.body.milestones.some(
          (m: { pathway: string }) => m.pathway === 'health' || m.pathway === 'palliative',
        ),
      ).toBe(false);
      // Staff of the area still see everything.
      expect(
        (await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`)).body.milestones.some(
          (m: { pathway: string }) => m.pathway === 'health',
        ),
      ).toBe(true);

      const goals = await active(f.personId, 'goals');
      expect((await call(f, youngPerson, 'POST', `/api/consents/${goals?.id}/withdraw`)).status).toBe(200);
      const refused = await call(f, adults, 'GET', `/api/young-people/${f.personId}/goals`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/has not agreed to share their goals/);
      expect((await call(f, adults, 'GET', `/api/young-people/${f.personId}`)).body.aboutMe).toBeNull();

      const handover = await active(f.personId, 'handover');
      expect((await call(f, worker, 'POST', `/api/consents/${handover?.id}/withdraw`)).status).toBe(200);
      expect((await call(f, adults, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
      expect((await call(f, adults, 'GET', '/api/handovers')).body.items).toEqual([]);
      expect((await call(f, worker, 'POST', `/api/consents/${handover?.id}/withdraw`)).status).toBe(422);

      const audited = await f.db.prisma.auditEntry.findMany({
        where: { youngPersonId: f.personId, action: 'withdraw_consent' },
      });
      expect(audited.map((entry) => [entry.actorId, (entry.detail as { scope: string }).scope])).toEqual([
        [f.users.youngPerson.id, 'health'],
        [f.users.youngPerson.id, 'goals'],
        [f.users.worker.id, 'handover'],
      ]);

      // Maya agrees again, herself: the agency sees her handover once more.
      const given = await call(f, youngPerson, 'POST', `/api/young-people/${f.personId}/consents`, {
        scope: 'handover',
        agencyId: f.adultAgencyId,
      });
      expect(given.status).toBe(201);
      expect(given.body).toMatchObject({ scope: 'handover', givenByRole: 'young_person', withdrawnAt: null });
      expect((await call(f, adults, 'GET', `/api/young-people/${f.personId}`)).status).toBe(200);
      expect(
        (
          await call(f, youngPerson, 'POST', `/api/young-people/${f.personId}/consents`, {
            scope: 'handover',
            agencyId: f.adultAgencyId,
          })
        ).status,
      ).toBe(200);
    });

    it('lets the right person decide: the young person from 16, a parent before, staff recording either', async () => {
      // Maya is 17: her parent cannot decide for her (and is not linked to her anyway).
      expect(
        (await call(f, parent, 'POST', `/api/young-people/${f.personId}/consents`, { scope: 'plan' })).status,
      ).toBe(404);
      // Leo is 14: his parent decides; the record says so.
      const byParent = await call(f, parent, 'POST', `/api/young-people/${f.childId}/consents`, {
        scope: 'plan',
        agencyId: null,
      });
      expect(byParent.status).toBe(201);
      expect(byParent.body).toMatchObject({ givenByRole: 'parent_carer', agencyId: null });
      expect((await call(f, parent, 'GET', `/api/young-people/${f.childId}/consents`)).body.decidedBy).toBe(
        'parent_carer',
      );
      const byStaff = await call(f, worker, 'POST', `/api/young-people/${f.childId}/consents`, {
        scope: 'goals',
        agencyId: f.adultAgencyId,
      });
      expect(byStaff.body.givenByRole).toBe('parent_carer');
      // Family access needs no agreement under 16; a best-interests decision needs a reason to doubt capacity.
      expect(
        (await call(f, parent, 'POST', `/api/young-people/${f.childId}/consents`, { scope: 'family_access' })).status,
      ).toBe(422);
      const bestInterests = await call(f, worker, 'POST', `/api/young-people/${f.personId}/consents`, {
        scope: 'plan',
        basis: 'best_interests',
      });
      expect(bestInterests.status).toBe(422);
      expect(bestInterests.body.error.field).toBe('basis');
      // Bad input names the field; nothing written.
      const before = await f.db.prisma.consent.count();
      const bad = await call(f, worker, 'POST', `/api/young-people/${f.childId}/consents`, { scope: 'everything' });
      expect([bad.status, bad.body.error.field]).toEqual([400, 'scope']);
      const elsewhere = await call(f, worker, 'POST', `/api/young-people/${f.childId}/consents`, {
        scope: 'plan',
        agencyId: '00000000-0000-4000-8000-000000000000',
      });
      expect([elsewhere.status, elsewhere.body.error.field]).toEqual([400, 'agencyId']);
      expect(await f.db.prisma.consent.count()).toBe(before);
      // Adult services never manage consents.
      expect((await call(f, adults, 'GET', `/api/young-people/${f.personId}/consents`)).status).toBe(403);
    });

    it('refuses to send a handover the young person has not agreed to share', async () => {
      const draft = await call(f, worker, 'POST', `/api/young-people/${f.childId}/handovers`, {
        toAgencyId: f.adultAgencyId,
        summary: 'Leo',
      });
      expect(draft.status).toBe(201);
      const refused = await call(f, worker, 'POST', `/api/handovers/${draft.body.id}/send`, {
        version: draft.body.version,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ field: 'toAgencyId' });
      expect(refused.body.error.message).toMatch(/not agreed to share/);
      expect((await f.db.prisma.handover.findUniqueOrThrow({ where: { id: draft.body.id } })).status).toBe('draft');
      await call(f, parent, 'POST', `/api/young-people/${f.childId}/consents`, {
        scope: 'handover',
        agencyId: f.adultAgencyId,
      });
      expect(
        (await call(f, worker, 'POST', `/api/handovers/${draft.body.id}/send`, { version: draft.body.version })).status,
      ).toBe(200);
    });
  });

  describe.skipIf(!isAvailable)('subject access, rectification and erasure', () => {
    it('keeps the history of a correction: what it was, what it became, who and why', async () => {
      const version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.childId } })).version;
      const changed = await call(f, worker, 'PATCH', `/api/young-people/${f.childId}`, {
        version,
        changes: { familyName: 'Khan-Ali', preferredName: 'Leo' },
        reason: 'Name was misspelt on the referral',
      });
      expect(changed.status).toBe(200);
      const corrections = await f.db.prisma.recordCorrection.findMany({
        where: { youngPersonId: f.childId },
        orderBy: { field: 'asc' },
      });
      expect(corrections.map((c) => [c.field, c.previousValue, c.newValue, c.reason, c.correctedById])).toEqual([
        ['familyName', 'Khan', 'Khan-Ali', 'Name was misspelt on the referral', f.users.worker.id],
        ['preferredName', null, 'Leo', 'Name was misspelt on the referral', f.users.worker.id],
      ]);
    });

    it('gives the young person (16+) and a parent (under 16) everything held, as JSON and a printable document, audited', async () => {
      const mine = await call(f, youngPerson, 'GET', `/api/young-people/${f.personId}/subject-access`);
      expect(mine.status).toBe(200);
      expect(mine.body.record).toMatchObject({ givenName: 'Maya', familyName: 'Hill', dateOfBirth: '2009-06-01' });
      for (const section of [
        'events',
        'milestones',
        'pathways',
        'goals',
        'handovers',
        'consents',
        'corrections',
        'reminders',
        'auditTrail',
        'familyLinks',
      ])
        expect(mine.body).toHaveProperty(section);
      expect(mine.body.milestones).toHaveLength(englandRulePack.milestones.length);
      expect(mine.body.handovers[0]).toMatchObject({
        summary: 'Needs support with personal care.',
        toAgency: 'Adult social care',
      });
      expect(mine.body.auditTrail.some((entry: { who: string; role: string }) => entry.role === 'adult_services')).toBe(
        true,
      );
      expect(mine.headers.get('content-disposition')).toMatch(/attachment/);

      const printable = await call(f, youngPerson, 'GET', `/api/young-people/${f.personId}/subject-access.html`);
      expect(printable.status).toBe(200);
      expect(printable.headers.get('content-type')).toMatch(/text\/html/);
      expect(printable.body).toContain('Information held about Maya Hill');
      expect(printable.body).toContain('Who looked at or changed the record');
      expect(printable.body).toContain('Needs support with personal care.');
      expect(printable.body).not.toMatch(/<script/i);

      const forChild = await call(f, parent, 'GET', `/api/young-people/${f.childId}/subject-access`);
      expect(forChild.status).toBe(200);
      expect(forChild.body.corrections.map((c: { field: string }) => c.field).sort()).toEqual([
        'familyName',
        'preferredName',
      ]);
      // Nobody else's, whatever the URL.
      expect((await call(f, youngPerson, 'GET', `/api/young-people/${f.otherPersonId}/subject-access`)).status).toBe(
        404,
      );
      expect((await call(f, adults, 'GET', `/api/young-people/${f.personId}/subject-access`)).status).toBe(403);
      const audited = await f.db.prisma.auditEntry.findMany({ where: { action: 'subject_access' } });
      expect(
        audited.map((entry) => [entry.actorId, entry.youngPersonId, (entry.detail as { format: string }).format]),
      ).toEqual([
        [f.users.youngPerson.id, f.personId, 'json'],
        [f.users.youngPerson.id, f.personId, 'html'],
        [f.users.parent.id, f.childId, 'json'],
      ]);
    });

    it('erases a person everywhere, proves what went, and keeps only a pseudonymous id in the audit trail', async () => {
      const created = await call(f, worker, 'POST', '/api/young-people', {
        givenName: 'Zebedee',
        familyName: 'Quill',
        dateOfBirth: '2010-05-05',
        jurisdiction: 'england',
        nhsNumber: '943 476 5919',
        aboutMe: 'I love trains',
      });
      const id = created.body.id as string;
      await call(f, worker, 'POST', `/api/young-people/${id}/goals`, {
        text: 'Ride the Flying Scotsman',
        outcomeArea: 'community_inclusion',
      });
      await call(f, worker, 'POST', `/api/young-people/${id}/handovers`, {
        toAgencyId: f.adultAgencyId,
        summary: 'Zebedee needs a quiet room',
      });
      await call(f, worker, 'PATCH', `/api/young-people/${id}`, {
        version: 1,
        changes: { preferredName: 'Zeb' },
        reason: 'asked to be called Zeb',
      });
      const erased = await call(f, manager, 'DELETE', `/api/young-people/${id}?version=2`);
      expect(erased.status).toBe(204);
      const proof = await f.db.prisma.erasureRecord.findFirstOrThrow({ where: { youngPersonId: id } });
      expect(proof).toMatchObject({ reason: 'request', erasedById: f.users.manager.id });
      expect(proof.rows).toMatchObject({
        youngPerson: 1,
        goals: 1,
        handovers: 1,
        corrections: 1,
        milestones: englandRulePack.milestones.length,
      });
      for (const table of ['goal', 'handover', 'recordCorrection', 'milestone', 'pathwayState', 'consent'] as const) {
        expect(
          await (f.db.prisma[table] as unknown as { count: (args: object) => Promise<number> }).count({
            where: { youngPersonId: id },
          }),
        ).toBe(0);
      }
      const trail = JSON.stringify(
        await f.db.prisma.auditEntry.findMany({ where: { youngPersonId: id } }),
        (_key, value) => (typeof value === 'bigint' ? String(value) : value),
      );
      expect(trail).toContain(id);
      expect(trail).not.toMatch(/Zebedee|Quill|Zeb\b|9434765919|2010-05-05|trains|Flying Scotsman|quiet room/);
    });
  });

  describe.skipIf(!isAvailable)('scheduled jobs', () => {
    it('reminds the named worker once when a window opens or a milestone becomes late, in the app', async () => {
      // Move two of Maya's open milestones so that, today, one window opens and one is a day late.
      const open = await f.db.prisma.milestone.findMany({
        where: { youngPersonId: f.personId, status: { in: ['due', 'upcoming', 'overdue'] } },
        take: 2,
      });
      const [opening, late] = open as [(typeof open)[number], (typeof open)[number]];
      await f.db.prisma.milestone.update({
        where: { youngPersonId_milestoneId: { youngPersonId: f.personId, milestoneId: opening.milestoneId } },
        data: {
          windowStart: new Date(`${TODAY}T00:00:00Z`),
          dueDate: new Date('2027-06-30T00:00:00Z'),
          status: 'upcoming',
        },
      });
      await f.db.prisma.milestone.update({
        where: { youngPersonId_milestoneId: { youngPersonId: f.personId, milestoneId: late.milestoneId } },
        data: {
          windowStart: new Date('2026-01-01T00:00:00Z'),
          dueDate: new Date('2026-11-21T00:00:00Z'),
          status: 'due',
        },
      });
      const first = await runReminders({ db: f.db.prisma, today: TODAY });
      expect(first.ran).toBe(true);
      const again = await runReminders({ db: f.db.prisma, today: TODAY });
      expect(again.ran).toBe(false);
      const mine = await call(f, worker, 'GET', '/api/notifications');
      const forMaya = mine.body.items.filter((n: { youngPersonId: string }) => n.youngPersonId === f.personId);
      expect(
        forMaya
          .map((n: { milestoneId: string; kind: string; onDate: string }) => [n.milestoneId, n.kind, n.onDate])
          .sort(),
      ).toEqual(
        [
          [opening.milestoneId, 'window_opens', TODAY],
          [late.milestoneId, 'overdue', '2026-11-21'],
        ].sort(),
      );
      expect(
        forMaya.every(
          (n: { youngPersonName: string; milestoneTitle: string }) =>
            n.youngPersonName === 'Maya Hill' && n.milestoneTitle.length > 3,
        ),
      ).toBe(true);
      const unread = mine.body.unread as number;
      expect((await call(f, worker, 'POST', `/api/notifications/${forMaya[0].id}/read`)).status).toBe(200);
      expect((await call(f, worker, 'GET', '/api/notifications')).body.unread).toBe(unread - 1);
      // Nobody else's reminders.
      expect((await call(f, manager, 'POST', `/api/notifications/${forMaya[1].id}/read`)).status).toBe(404);
      expect(await f.db.prisma.jobRun.count({ where: { job: 'reminders' } })).toBe(1);
    });

    it('erases records whose retention period after the plan ended has passed, and logs the proof', async () => {
      const old = await f.db.prisma.youngPerson.create({
        data: {
          areaId: f.areaId,
          givenName: 'Long',
          familyName: 'Gone',
          dateOfBirth: new Date('1990-01-01T00:00:00Z'),
          jurisdiction: 'england',
        },
      });
      const recent = await f.db.prisma.youngPerson.create({
        data: {
          areaId: f.areaId,
          givenName: 'Still',
          familyName: 'Here',
          dateOfBirth: new Date('1998-01-01T00:00:00Z'),
          jurisdiction: 'england',
        },
      });
      const result = await runRetention({ db: f.db.prisma, today: TODAY, retentionYears: 6 });
      expect(result.ran).toBe(true);
      if (!result.ran) return;
      // Born 1990: plan ended at 25 in 2015, kept 6 years, gone. Born 1998: ended 2023, kept until 2029.
      expect(result.summary.erased.map((e) => e.youngPersonId)).toEqual([old.id]);
      expect(await f.db.prisma.youngPerson.findUnique({ where: { id: old.id } })).toBeNull();
      expect(await f.db.prisma.youngPerson.findUnique({ where: { id: recent.id } })).not.toBeNull();
      expect(await f.db.prisma.erasureRecord.findFirst({ where: { youngPersonId: old.id } })).toMatchObject({
        reason: 'retention',
        erasedById: null,
      });
      const run = await f.db.prisma.jobRun.findFirstOrThrow({ where: { job: 'retention' } });
      expect(JSON.stringify(run.summary)).toContain(old.id);
      expect(JSON.stringify(run.summary)).not.toMatch(/Long|Gone/);
    });
  });
});
