import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

type Mail = { to: string; subject: string; text: string };

/** The token of the newest link e-mailed to someone. */
function linkTokenFor(mails: Mail[], email: string): string {
  const token = /\/set-password#([\w-]+)/.exec(mails.findLast((mail) => mail.to === email)?.text ?? '')?.[1];
  if (!token) throw new Error(`no link e-mailed to ${email}`);
  return token;
}

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`named workers and families (${backend})`, () => {
    let f: Fixture;
    let manager: Session;
    let worker: Session;
    const mails: Mail[] = [];

    beforeAll(async () => {
      f = await startTestServer(backend, undefined, {
        services: {
          tellAccountHolder: async (to, subject, text) => {
            mails.push({ to: to.email, subject, text });
          },
        },
      });
      manager = await signIn(f, f.users.manager.email);
      worker = await signIn(f, f.users.worker.email);
    });
    afterAll(() => f.close());

    it('lists who can be a named worker in the area, with their caseloads', async () => {
      const workers = await call(f, worker, 'GET', '/api/named-workers');
      expect(workers.status).toBe(200);
      expect(workers.body.items.map((w: any) => [w.email, w.caseload])).toEqual([
        ['manager@ns.test', 0],
        ['worker@ns.test', 1],
      ]);
    });

    it('hands ten young people to another worker at once, tells each family, and moves the caseload with them', async () => {
      const ids: string[] = [];
      for (let n = 0; n < 10; n++) {
        const created = await call(f, manager, 'POST', '/api/young-people', {
          givenName: `Person${n}`,
          familyName: 'Moving',
          dateOfBirth: '2010-04-0' + ((n % 9) + 1),
          jurisdiction: 'england',
          hasEhcPlan: true,
          namedWorkerId: f.users.worker.id,
        });
        expect(created.status).toBe(201);
        ids.push(created.body.id);
      }
      const moved = await call(f, manager, 'POST', '/api/named-workers/assignments', {
        youngPersonIds: ids,
        namedWorkerId: f.users.manager.id,
      });
      expect(moved.body).toEqual({ moved: 10, unchanged: 0 });
      const people = await f.db.prisma.youngPerson.findMany({ where: { id: { in: ids } } });
      expect(people.every((person) => person.namedWorkerId === f.users.manager.id && person.version === 2)).toBe(true);
      const milestones = await f.db.prisma.milestone.groupBy({
        by: ['namedWorkerId'],
        where: { youngPersonId: { in: ids } },
      });
      expect(milestones).toEqual([{ namedWorkerId: f.users.manager.id }]);
      const caseload = await call(f, manager, 'GET', '/api/caseload?worker=me&from=2000-01-01&to=2100-01-01');
      expect(new Set(caseload.body.items.map((item: any) => item.youngPersonId))).toEqual(new Set(ids));
      // Again: nothing moves.
      expect(
        (
          await call(f, manager, 'POST', '/api/named-workers/assignments', {
            youngPersonIds: ids,
            namedWorkerId: f.users.manager.id,
          })
        ).body,
      ).toEqual({ moved: 0, unchanged: 10 });
    });

    it('hands a whole caseload over in one step, and the young person is told who their new worker is', async () => {
      const moved = await call(f, manager, 'POST', '/api/named-workers/assignments', {
        fromWorkerId: f.users.worker.id,
        namedWorkerId: f.users.manager.id,
      });
      expect(moved.body).toEqual({ moved: 1, unchanged: 0 });
      const maya = await signIn(f, f.users.youngPerson.email);
      const notices = await call(f, maya, 'GET', '/api/notifications');
      expect(notices.body.items).toEqual([
        expect.objectContaining({
          kind: 'named_worker',
          workerName: 'manager',
          youngPersonId: f.personId,
          milestoneId: null,
        }),
      ]);
      const record = await call(f, maya, 'GET', `/api/young-people/${f.personId}`);
      expect(record.body.namedWorkerName).toBe('manager');
    });

    it('tells a family of a new named worker chosen on the record itself', async () => {
      const leo = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.childId } });
      const changed = await call(f, worker, 'PATCH', `/api/young-people/${f.childId}`, {
        version: leo.version,
        changes: { namedWorkerId: f.users.worker.id },
      });
      expect(changed.status).toBe(200);
      const parent = await signIn(f, f.users.parent.email);
      const notices = await call(f, parent, 'GET', '/api/notifications');
      expect(notices.body.items).toContainEqual(
        expect.objectContaining({ kind: 'named_worker', workerName: 'worker', youngPersonId: f.childId }),
      );
    });

    it('lists a leaver who still has young people, so their caseload can be handed over after they go', async () => {
      const leaver = await f.db.prisma.user.create({
        data: { email: 'leaver@ns.test', name: 'Lee Leaver', role: 'transition_worker', areaId: f.areaId },
      });
      const created = await call(f, manager, 'POST', '/api/young-people', {
        givenName: 'Left',
        familyName: 'Behind',
        dateOfBirth: '2011-05-05',
        jurisdiction: 'england',
        namedWorkerId: leaver.id,
      });
      await f.db.prisma.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
      const workers = await call(f, manager, 'GET', '/api/named-workers');
      expect(workers.body.items).toContainEqual(
        expect.objectContaining({ id: leaver.id, isActive: false, caseload: 1 }),
      );
      // A leaver can no longer be made anyone's worker, but their caseload moves on.
      const toLeaver = await call(f, manager, 'POST', '/api/named-workers/assignments', {
        youngPersonIds: [f.childId],
        namedWorkerId: leaver.id,
      });
      expect(toLeaver.body.error.field).toBe('namedWorkerId');
      const moved = await call(f, manager, 'POST', '/api/named-workers/assignments', {
        fromWorkerId: leaver.id,
        namedWorkerId: f.users.worker.id,
      });
      expect(moved.body).toEqual({ moved: 1, unchanged: 0 });
      const after = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(after.namedWorkerId).toBe(f.users.worker.id);
      // Gone from the list once nobody names them.
      const again = await call(f, manager, 'GET', '/api/named-workers');
      expect(again.body.items.map((worker: any) => worker.id)).not.toContain(leaver.id);
      const elsewhere = await call(f, manager, 'POST', '/api/named-workers/assignments', {
        fromWorkerId: f.users.otherWorker.id,
        namedWorkerId: f.users.worker.id,
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.field).toBe('fromWorkerId');
    });

    it('refuses, with nothing written, a young person of another area, another area’s worker, and nonsense', async () => {
      const before = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.childId } });
      const cases: [unknown, string][] = [
        [{ youngPersonIds: [f.childId, f.otherPersonId], namedWorkerId: f.users.worker.id }, 'youngPersonIds'],
        [{ youngPersonIds: [f.childId], namedWorkerId: f.users.otherWorker.id }, 'namedWorkerId'],
        [{ youngPersonIds: [f.childId], namedWorkerId: f.users.commissioner.id }, 'namedWorkerId'],
        [{ youngPersonIds: [], namedWorkerId: f.users.worker.id }, 'youngPersonIds'],
        [{ youngPersonIds: ['not-an-id'], namedWorkerId: f.users.worker.id }, 'youngPersonIds.0'],
      ];
      for (const [body, field] of cases) {
        const answer = await call(f, manager, 'POST', '/api/named-workers/assignments', body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.field).toBe(field);
      }
      const after = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.childId } });
      expect(after.version).toBe(before.version);
    });

    it('invites a parent, who sets a password from the e-mail and sees only their child', async () => {
      // Leo is 14: his parents see his plan without his agreement (Maya, at 17, would have to agree).
      const invited = await call(f, worker, 'POST', `/api/young-people/${f.childId}/family`, {
        role: 'parent_carer',
        name: 'Sam Hill',
        email: 'Sam.Hill@family.test',
        relationship: 'father',
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({
        emailed: true,
        linkedExisting: false,
        member: { status: 'invited', relationship: 'father' },
      });
      expect(mails.at(-1)?.subject).toBe("See Leo's plan in Pathways");
      const token = linkTokenFor(mails, 'sam.hill@family.test');
      const used = await call(f, null, 'POST', '/api/account-links/use', { token, password: PASSWORD });
      expect(used.status).toBe(200);
      const sam = await signIn(f, 'sam.hill@family.test');
      const children = await call(f, sam, 'GET', '/api/my-young-people');
      expect(children.body.items.map((person: any) => person.id)).toEqual([f.childId]);
      expect((await call(f, sam, 'GET', `/api/young-people/${f.childId}/plan`)).status).toBe(200);
      expect((await call(f, sam, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
      const family = await call(f, worker, 'GET', `/api/young-people/${f.childId}/family`);
      expect(
        await f.db.prisma.auditEntry.count({
          where: { youngPersonId: f.childId, entityType: 'Family', action: 'read', actorId: f.users.worker.id },
        }),
      ).toBe(1);
      expect(family.body.items).toHaveLength(2);
      expect(family.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: 'parent_carer', email: 'parent@family.test', status: 'active' }),
          expect.objectContaining({ role: 'parent_carer', email: 'sam.hill@family.test', status: 'active' }),
        ]),
      );
    });

    it('links a parent who already has an account, and invites a young person to their own plan once', async () => {
      const linked = await call(f, worker, 'POST', `/api/young-people/${f.personId}/family`, {
        role: 'parent_carer',
        name: 'Parent',
        email: 'parent@family.test',
      });
      expect(linked.body).toMatchObject({ linkedExisting: true, emailed: false });
      const leo = await call(f, worker, 'POST', `/api/young-people/${f.childId}/family`, {
        role: 'young_person',
        name: 'Leo Khan',
        email: 'leo@family.test',
      });
      expect(leo.status).toBe(201);
      expect(mails.at(-1)?.subject).toBe('See your plan in Pathways');
      const again = await call(f, worker, 'POST', `/api/young-people/${f.childId}/family`, {
        role: 'young_person',
        name: 'Leo',
        email: 'leo2@family.test',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.field).toBe('role');
      const staffAddress = await call(f, worker, 'POST', `/api/young-people/${f.childId}/family`, {
        role: 'parent_carer',
        name: 'Someone',
        email: 'manager@ns.test',
      });
      expect(staffAddress.status).toBe(409);
      expect(staffAddress.body.error.field).toBe('email');
      expect(await f.db.prisma.user.count({ where: { email: 'leo2@family.test' } })).toBe(0);
    });

    it('refuses a bad invitation naming the field, with no account made', async () => {
      const users = await f.db.prisma.user.count();
      const cases: [unknown, string][] = [
        [{ role: 'sibling', name: 'A', email: 'a@family.test' }, 'role'],
        [{ role: 'parent_carer', name: ' ', email: 'a@family.test' }, 'name'],
        [{ role: 'parent_carer', name: 'A', email: 'not an address' }, 'email'],
        [{ role: 'parent_carer', name: 'A', email: 'a@family.test', relationship: 'x'.repeat(101) }, 'relationship'],
        [{ role: 'parent_carer', name: 'A', email: 'a@family.test', isAdmin: true }, 'isAdmin'],
      ];
      for (const [body, field] of cases) {
        const answer = await call(f, worker, 'POST', `/api/young-people/${f.childId}/family`, body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.field).toBe(field);
      }
      expect(await f.db.prisma.user.count()).toBe(users);
    });

    it('keeps identifiers unique within an area: a second child with the same UPN or local id is refused, naming it', async () => {
      const base = { givenName: 'Sam', familyName: 'Twin', dateOfBirth: '2011-02-02', jurisdiction: 'england' };
      const first = await call(f, worker, 'POST', '/api/young-people', {
        ...base,
        upn: 'H801200001001',
        localId: 'LL-7',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ upn: 'H801200001001', localId: 'LL-7' });
      for (const [extra, field] of [
        [{ upn: 'h801200001001' }, 'upn'],
        [{ localId: 'LL-7' }, 'localId'],
      ] as const) {
        const again = await call(f, worker, 'POST', '/api/young-people', { ...base, ...extra });
        expect(again.status).toBe(409);
        expect(again.body.error.field).toBe(field);
      }
      const wrong = await call(f, worker, 'POST', '/api/young-people', { ...base, upn: 'H801200001002' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.field).toBe('upn');
      // Another council may hold the same UPN: that is its business, and no answer here says so.
      const elsewhere = await call(f, await signIn(f, f.users.otherWorker.email), 'POST', '/api/young-people', {
        ...base,
        upn: 'H801200001001',
      });
      expect(elsewhere.status).toBe(201);
      expect(await f.db.prisma.youngPerson.count({ where: { familyName: 'Twin' } })).toBe(2);
    });

    it('keeps families to the staff of the young person’s area', async () => {
      const other = await signIn(f, f.users.otherWorker.email);
      expect((await call(f, other, 'GET', `/api/young-people/${f.personId}/family`)).status).toBe(404);
      const body = { role: 'parent_carer', name: 'X', email: 'x@family.test' };
      expect((await call(f, other, 'POST', `/api/young-people/${f.personId}/family`, body)).status).toBe(404);
      const adults = await signIn(f, f.users.adults.email);
      expect((await call(f, adults, 'POST', `/api/young-people/${f.personId}/family`, body)).status).toBe(403);
      expect(await f.db.prisma.user.count({ where: { email: 'x@family.test' } })).toBe(0);
    });
  });
}
