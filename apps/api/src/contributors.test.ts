import { runReminders } from '@pathways/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';

/**
 * Other agencies at work: Maya's school (she shares her plan and goals with it, not her health)
 * records on the pathways it leads, is reminded of the steps it leads, and is linked and
 * unlinked by her worker.
 */
describe('other agencies around the young person', () => {
  let f: Fixture;
  let worker: Session;
  let senco: Session;

  beforeAll(async () => {
    f = await startTestServer('PostgreSQL');
    worker = await signIn(f, f.users.worker.email);
    senco = await signIn(f, f.users.senco.email);
  });
  afterAll(() => f.close());

  const version = async () => (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;

  it('records an event on a pathway its agency leads, and no other', async () => {
    // The record says where each reader may record: the school its own pathways, the worker every one.
    expect((await call(f, senco, 'GET', `/api/young-people/${f.personId}`)).body.mayRecordOn).toEqual([
      'education',
      'employment',
    ]);
    expect((await call(f, worker, 'GET', `/api/young-people/${f.personId}`)).body.mayRecordOn).toContain('health');
    const education = await call(f, senco, 'POST', `/api/young-people/${f.personId}/events`, {
      version: await version(),
      event: { type: 'education.annual_review_held', date: TODAY },
    });
    expect(education.status).toBe(201);
    const recorded = await f.db.prisma.pathwayEvent.findFirstOrThrow({ where: { id: education.body.eventId } });
    expect(recorded.recordedById).toBe(f.users.senco.id);
    const health = await call(f, senco, 'POST', `/api/young-people/${f.personId}/events`, {
      version: await version(),
      event: { type: 'health.transfer_planned', date: TODAY },
    });
    expect(health.status).toBe(403);
    expect(health.body.error).toMatchObject({ field: 'event.type' });
  });

  it('reminds the lead agency’s linked people of a step opening, while the young person shares that part', async () => {
    // A school-led step and a health-led step open today.
    const open = (leadAgency: string) =>
      f.db.prisma.milestone.findFirstOrThrow({ where: { youngPersonId: f.personId, leadAgency } });
    const schoolStep = await open('school');
    const healthStep = await open('nhs_childrens');
    for (const step of [schoolStep, healthStep])
      await f.db.prisma.milestone.update({
        where: { youngPersonId_milestoneId: { youngPersonId: f.personId, milestoneId: step.milestoneId } },
        data: {
          status: 'due',
          windowStart: new Date(`${TODAY}T00:00:00Z`),
          dueDate: new Date('2027-03-01T00:00:00Z'),
          closesOn: null,
        },
      });
    await runReminders({ db: f.db.prisma, today: TODAY });
    const notified = async (userId: string) =>
      (await f.db.prisma.notification.findMany({ where: { userId, youngPersonId: f.personId } })).map(
        (notice) => notice.milestoneId,
      );
    // The school hears of the steps it leads (this one, and any other opening today), never another agency's.
    const toSchool = await notified(f.users.senco.id);
    expect(toSchool).toContain(schoolStep.milestoneId);
    expect(toSchool).not.toContain(healthStep.milestoneId);
    const leads = await f.db.prisma.milestone.findMany({
      where: { youngPersonId: f.personId, milestoneId: { in: toSchool.filter((id): id is string => id !== null) } },
    });
    expect(new Set(leads.map((milestone) => milestone.leadAgency))).toEqual(new Set(['school']));
    expect(await notified(f.users.worker.id)).toEqual(
      expect.arrayContaining([schoolStep.milestoneId, healthStep.milestoneId]),
    );
    // Children's social care: linked, but Maya withdrew her agreement with it.
    expect(await notified(f.users.withdrawnContributor.id)).toEqual([]);
    const reminders = await call(f, senco, 'GET', '/api/notifications');
    expect(reminders.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ youngPersonName: 'Maya Hill', kind: 'window_opens' })]),
    );
  });

  it('no longer shows the school its old reminders about Maya once she withdraws her agreement', async () => {
    const before = await call(f, senco, 'GET', '/api/notifications');
    expect(before.body.items.length).toBeGreaterThan(0);
    const agreements = await f.db.prisma.consent.findMany({
      where: { youngPersonId: f.personId, agencyId: f.schoolAgencyId, withdrawnAt: null },
    });
    for (const agreement of agreements)
      expect((await call(f, worker, 'POST', `/api/consents/${agreement.id}/withdraw`)).status).toBe(200);
    const after = await call(f, senco, 'GET', '/api/notifications');
    expect(after.body).toEqual({ unread: 0, items: [] });
    expect(JSON.stringify(after.body)).not.toContain('Maya');
  });

  it('is linked and unlinked by the worker, and sees the young person only while linked', async () => {
    const college = await signIn(f, f.users.otherContributor.email);
    expect((await call(f, college, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
    const area = await call(f, worker, 'GET', '/api/contributors');
    expect(area.body.items.map((c: any) => c.email)).toEqual(
      expect.arrayContaining(['senco@school.test', 'tutor@college.test', 'social@ns.test']),
    );
    // Someone who is not another agency's worker cannot be linked.
    const wrong = await call(f, worker, 'POST', `/api/young-people/${f.personId}/contributors`, {
      userId: f.users.adults.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('userId');
    // The college has no agreement yet: linked, it still sees nothing until Maya shares with it.
    await call(f, worker, 'POST', `/api/young-people/${f.personId}/contributors`, {
      userId: f.users.otherContributor.id,
    });
    expect((await call(f, college, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
    const collegeAgency = (await f.db.prisma.user.findUniqueOrThrow({ where: { id: f.users.otherContributor.id } }))
      .agencyId as string;
    const agreed = await call(f, worker, 'POST', `/api/young-people/${f.personId}/consents`, {
      scope: 'plan',
      agencyId: collegeAgency,
    });
    expect(agreed.status).toBe(201);
    expect((await call(f, college, 'GET', `/api/young-people/${f.personId}`)).status).toBe(200);
    expect((await call(f, college, 'GET', '/api/my-young-people')).body.items.map((p: any) => p.id)).toEqual([
      f.personId,
    ]);
    // Health facts are not theirs (plan only).
    expect((await call(f, college, 'GET', `/api/young-people/${f.personId}`)).body).not.toHaveProperty(
      'usesChildrensHealthServices',
    );
    expect(
      (await call(f, worker, 'DELETE', `/api/young-people/${f.personId}/contributors/${f.users.otherContributor.id}`))
        .status,
    ).toBe(204);
    expect((await call(f, college, 'GET', `/api/young-people/${f.personId}`)).status).toBe(404);
  });
});
