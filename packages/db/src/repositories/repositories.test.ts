import { englandRulePack } from '@pathways/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { findCaseload } from './caseload.ts';
import { recordPathwayEvent } from './pathway-events.ts';
import { createYoungPerson, getYoungPerson, updateYoungPerson } from './young-people.ts';

/** Every England milestone is stored for every young person. */
const ENGLAND_MILESTONES = englandRulePack.milestones.length;

const TODAY = '2027-10-01';

describe.each(BACKENDS)('repositories on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  let areaId: string;
  let worker: Actor & { userId: string };

  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
    areaId = (await db.prisma.localArea.create({ data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' } }))
      .id;
    const user = await db.prisma.user.create({
      data: { email: 'sam@northshire.test', name: 'Sam Okafor', passwordHash: 'x', role: 'transition_worker', areaId },
    });
    worker = { userId: user.id, role: 'transition_worker' };
  });
  afterEach(async () => {
    await db?.drop();
  });

  const maya = () => ({
    areaId,
    namedWorkerId: worker.userId,
    givenName: 'Maya',
    familyName: 'Hill',
    dateOfBirth: '2012-03-03',
    jurisdiction: 'england' as const,
    hasEhcPlan: true,
    usesChildrensHealthServices: true,
    nhsNumber: '943 476 5919',
  });
  const eventsOf = (id: string) => db.prisma.pathwayEvent.count({ where: { youngPersonId: id } });
  const auditOf = (id: string) =>
    db.prisma.auditEntry.findMany({ where: { youngPersonId: id }, orderBy: { id: 'asc' } });

  it('creates a young person with their whole plan materialised, and audits it', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    expect(person).toMatchObject({ version: 1, nhsNumber: '9434765919' });
    expect(await db.prisma.milestone.count({ where: { youngPersonId: person.id } })).toBe(ENGLAND_MILESTONES);
    expect(await db.prisma.pathwayState.count({ where: { youngPersonId: person.id } })).toBe(8);
    expect(
      await db.prisma.milestone.findUnique({
        where: { youngPersonId_milestoneId: { youngPersonId: person.id, milestoneId: 'post16_transfer' } },
      }),
    ).toMatchObject({ status: 'due', leadAgency: 'la_send' });
    expect((await auditOf(person.id)).map((entry) => [entry.action, entry.actorId])).toEqual([
      ['create', worker.userId],
    ]);
  });

  it('refuses invalid input naming the field, writing nothing', async () => {
    const error = await createYoungPerson({
      db: db.prisma,
      actor: worker,
      input: { ...maya(), nhsNumber: '943 476 5918' },
      today: TODAY,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.path).toEqual(['nhsNumber']);
    expect(await db.prisma.youngPerson.count()).toBe(0);
    expect(await db.prisma.auditEntry.count()).toBe(0);
  });

  it('records an accepted event: appended, plan re-materialised, version bumped, audited', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    const result = await recordPathwayEvent({
      db: db.prisma,
      actor: worker,
      youngPersonId: person.id,
      expectedVersion: 1,
      event: {
        type: 'education.plan_amended',
        date: '2027-09-20',
        transfer: 'post16',
        institution: 'Riverside College',
      },
      today: TODAY,
    });
    expect(result.version).toBe(2);
    expect(result.plan.milestones.find((m) => m.id === 'post16_transfer')).toMatchObject({
      status: 'done',
      completedOn: '2027-09-20',
    });
    const stored = await db.prisma.milestone.findUnique({
      where: { youngPersonId_milestoneId: { youngPersonId: person.id, milestoneId: 'post16_transfer' } },
    });
    expect(stored?.status).toBe('done');
    expect((await db.prisma.pathwayEvent.findFirst({ where: { youngPersonId: person.id } }))?.payload).toEqual({
      transfer: 'post16',
      institution: 'Riverside College',
    });
    expect((await auditOf(person.id)).map((entry) => entry.action)).toEqual(['create', 'record_event']);
    expect((await getYoungPerson({ db: db.prisma, actor: worker, id: person.id })).version).toBe(2);
  });

  it('rewrites only the milestone and pathway rows an event changes, and keeps every row equal to a fresh plan', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    const versions = async () => {
      const rows = await db.prisma.$queryRaw<{ key: string; xmin: string }[]>`
        SELECT 'm/' || "milestoneId" AS key, xmin::text AS xmin FROM "Milestone" WHERE "youngPersonId" = ${person.id}::uuid
        UNION ALL SELECT 's/' || pathway, xmin::text FROM "PathwayState" WHERE "youngPersonId" = ${person.id}::uuid`;
      return new Map(rows.map((row) => [row.key, row.xmin]));
    };
    const before = await versions();
    const result = await recordPathwayEvent({
      db: db.prisma,
      actor: worker,
      youngPersonId: person.id,
      expectedVersion: 1,
      event: {
        type: 'education.plan_amended',
        date: '2027-09-20',
        transfer: 'post16',
        institution: 'Riverside College',
      },
      today: TODAY,
    });
    const after = await versions();
    const rewritten = [...after].filter(([key, xmin]) => before.get(key) !== xmin).map(([key]) => key);
    expect(rewritten).toContain('m/post16_transfer');
    expect(
      rewritten.every(
        (key) =>
          key === 's/education' || result.plan.milestones.find((m) => `m/${m.id}` === key)?.pathway === 'education',
      ),
    ).toBe(true);
    expect(rewritten.length).toBeLessThan(10);
    // What is stored is exactly the plan returned.
    const stored = await db.prisma.milestone.findMany({ where: { youngPersonId: person.id } });
    expect(stored).toHaveLength(result.plan.milestones.length);
    for (const milestone of result.plan.milestones) {
      const row = stored.find((r) => r.milestoneId === milestone.id);
      expect([
        row?.status,
        row?.dueDate?.toISOString().slice(0, 10) ?? null,
        row?.completedOn?.toISOString().slice(0, 10) ?? null,
      ]).toEqual([milestone.status, milestone.dueDate, milestone.completedOn]);
    }
  });

  it('moves the milestones to the new named worker when the record changes hands', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    const other = await db.prisma.user.create({
      data: { email: 'jo@northshire.test', name: 'Jo Patel', passwordHash: 'x', role: 'transition_worker', areaId },
    });
    const query = (namedWorkerId: string) =>
      findCaseload({
        db: db.prisma,
        today: TODAY,
        query: { from: '2027-01-01', to: '2028-12-31', areaId, namedWorkerId, pageSize: 500 },
      });
    const before = (await query(worker.userId)).total;
    expect(before).toBeGreaterThan(0);
    await updateYoungPerson({
      db: db.prisma,
      actor: worker,
      id: person.id,
      expectedVersion: 1,
      changes: { namedWorkerId: other.id },
      today: TODAY,
    });
    expect((await query(worker.userId)).total).toBe(0);
    const moved = await query(other.id);
    expect(moved.total).toBe(before);
    expect(moved.people[person.id]).toMatchObject({ namedWorkerId: other.id, namedWorkerName: 'Jo Patel' });
    expect(
      await db.prisma.milestone.count({ where: { youngPersonId: person.id, namedWorkerId: other.id, areaId } }),
    ).toBe(ENGLAND_MILESTONES);
  });

  it('refuses an event the machines do not accept, with their reason, writing nothing', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    const attempt = (event: object, expectedVersion = 1) =>
      recordPathwayEvent({
        db: db.prisma,
        actor: worker,
        youngPersonId: person.id,
        expectedVersion,
        event,
        today: TODAY,
      }).catch((e: unknown) => e);

    const refused = await attempt({ type: 'social_care.adult_services_started', date: '2027-09-01' });
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'unprocessable' });
    expect((refused as Error).message).toMatch(/^"Adult support started" cannot be recorded now/);
    expect(await attempt({ type: 'education.annual_review_held', date: '2027-10-02' })).toMatchObject({
      code: 'invalid',
      details: { field: 'date' },
    });
    expect(
      await attempt({
        type: 'education.transfer_planned',
        date: '2027-09-01',
        transfer: 'sideways',
        moveDate: '2028-09-01',
      }),
    ).toMatchObject({ code: 'invalid', details: { field: 'transfer' } });
    expect(await attempt({ type: 'education.annual_review_held', date: '2027-09-01' }, 7)).toMatchObject({
      code: 'conflict',
      details: { currentVersion: 1 },
    });

    expect(await eventsOf(person.id)).toBe(0);
    expect((await db.prisma.youngPerson.findUniqueOrThrow({ where: { id: person.id } })).version).toBe(1);
    expect((await auditOf(person.id)).map((entry) => entry.action)).toEqual(['create']);
  });

  it('refuses a back-dated event that would make a later recorded one impossible', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    await recordPathwayEvent({
      db: db.prisma,
      actor: worker,
      youngPersonId: person.id,
      expectedVersion: 1,
      event: { type: 'person.died', date: '2027-09-10' },
      today: TODAY,
    }).catch(() => undefined);
    const other = await createYoungPerson({
      db: db.prisma,
      actor: worker,
      input: { ...maya(), nhsNumber: null, givenName: 'Leo' },
      today: TODAY,
    });
    await recordPathwayEvent({
      db: db.prisma,
      actor: worker,
      youngPersonId: other.id,
      expectedVersion: 1,
      event: { type: 'education.annual_review_held', date: '2027-09-15' },
      today: TODAY,
    });
    const error = await recordPathwayEvent({
      db: db.prisma,
      actor: worker,
      youngPersonId: other.id,
      expectedVersion: 2,
      event: { type: 'person.died', date: '2027-09-01' },
      today: TODAY,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unprocessable', details: { field: 'date' } });
    expect((error as Error).message).toContain(
      'would make the later "Annual review meeting held" on 2027-09-15 impossible',
    );
    expect(await eventsOf(other.id)).toBe(1);
  });

  it('never lets two workers silently overwrite each other: one wins, the other gets a conflict', async () => {
    const person = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    const results = await Promise.allSettled([
      recordPathwayEvent({
        db: db.prisma,
        actor: worker,
        youngPersonId: person.id,
        expectedVersion: 1,
        event: { type: 'education.annual_review_held', date: '2027-09-02' },
        today: TODAY,
      }),
      updateYoungPerson({
        db: db.prisma,
        actor: worker,
        id: person.id,
        expectedVersion: 1,
        changes: { learningDisability: true },
        today: TODAY,
      }),
      recordPathwayEvent({
        db: db.prisma,
        actor: worker,
        youngPersonId: person.id,
        expectedVersion: 1,
        event: { type: 'health.transition_planning_started', date: '2027-09-03' },
        today: TODAY,
      }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(2);
    for (const reason of rejected) expect(reason).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect((await db.prisma.youngPerson.findUniqueOrThrow({ where: { id: person.id } })).version).toBe(2);
    expect((await auditOf(person.id)).map((entry) => entry.action)).toHaveLength(2);
  });

  it('finds a caseload in a date window with filters and paging, statuses as of today', async () => {
    const maya1 = await createYoungPerson({ db: db.prisma, actor: worker, input: maya(), today: TODAY });
    await createYoungPerson({
      db: db.prisma,
      actor: worker,
      input: { ...maya(), nhsNumber: null, givenName: 'Ava', dateOfBirth: '2009-05-05', namedWorkerId: null },
      today: TODAY,
    });
    const window = { from: '2027-10-01', to: '2028-03-31', areaId };
    const all = await findCaseload({ db: db.prisma, query: window, today: TODAY });
    // Enough live work for two pages of two (legal facts and duties are not in a caseload).
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.every((row) => ['overdue', 'due', 'upcoming'].includes(row.status))).toBe(true);
    expect(all.items.map((row) => row.dueDate)).toEqual([...all.items.map((row) => row.dueDate)].sort());
    expect(
      all.items.every((row) => row.dueDate !== null && row.dueDate >= '2027-10-01' && row.dueDate <= '2028-03-31'),
    ).toBe(true);
    const post16 = all.items.find((row) => row.youngPersonId === maya1.id && row.milestoneId === 'post16_transfer');
    expect(post16).toEqual({
      youngPersonId: maya1.id,
      milestoneId: 'post16_transfer',
      status: 'due',
      dueDate: '2028-03-31',
      windowStart: '2027-09-01',
      closesOn: '2028-08-31',
      leadAgency: 'la_send',
    });
    // Who the young person is and what each milestone is, once for the page, not on every row.
    expect(all.people[maya1.id]).toEqual({
      name: 'Maya Hill',
      dateOfBirth: '2012-03-03',
      namedWorkerId: worker.userId,
      namedWorkerName: 'Sam Okafor',
    });
    expect(all.milestones.post16_transfer).toMatchObject({
      pathway: 'education',
      title: 'Amend the EHC plan for the post-16 move (31 March)',
      source: 'SEND Regulations 2014, reg. 18(1)(a)',
    });
    expect(all.milestones.post16_transfer?.rule).toContain('by 31 March');
    expect(Object.keys(all.milestones).sort()).toEqual([...new Set(all.items.map((row) => row.milestoneId))].sort());
    expect(Object.keys(all.people).sort()).toEqual([...new Set(all.items.map((row) => row.youngPersonId))].sort());

    const mine = await findCaseload({
      db: db.prisma,
      query: { ...window, namedWorkerId: worker.userId },
      today: TODAY,
    });
    expect(new Set(mine.items.map((row) => row.youngPersonId))).toEqual(new Set([maya1.id]));

    // The same stored plan read months later: the milestone is overdue without re-planning.
    const later = await findCaseload({
      db: db.prisma,
      query: { ...window, statuses: ['overdue'], pathway: 'education' },
      today: '2028-04-02',
    });
    expect(
      later.items.find((row) => row.milestoneId === 'post16_transfer' && row.youngPersonId === maya1.id)?.status,
    ).toBe('overdue');

    const pages = await Promise.all(
      [1, 2].map((page) => findCaseload({ db: db.prisma, query: { ...window, page, pageSize: 2 }, today: TODAY })),
    );
    expect(pages[0]?.items).toEqual(all.items.slice(0, 2));
    expect(pages[1]?.items).toEqual(all.items.slice(2, 4));
    expect(Object.keys(pages[0]?.milestones ?? {}).sort()).toEqual(
      [...new Set(all.items.slice(0, 2).map((row) => row.milestoneId))].sort(),
    );
    const empty = await findCaseload({ db: db.prisma, query: { ...window, page: 1000 }, today: TODAY });
    expect(empty).toEqual({ items: [], people: {}, milestones: {}, total: all.total, page: 1000, pageSize: 50 });
    await expect(
      findCaseload({ db: db.prisma, query: { ...window, from: '2028-04-01' }, today: TODAY }),
    ).rejects.toThrow(ZodError);
  });
});
