import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { createYoungPerson } from '../repositories/young-people.ts';
import { REPLAN_JOB, runReplan } from './replan.ts';

describe.each(BACKENDS)('the re-plan job on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
  });
  afterEach(async () => db?.drop());

  it('rewrites a plan stored by older rules, once a day per rule pack, and tries again after a failure', async () => {
    const area = await db.prisma.localArea.create({
      data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' },
    });
    // Born 10 May 2002, now 24: the adult care plan "by 18" could be done only until 19.
    const person = await createYoungPerson({
      db: db.prisma,
      actor: { userId: null, role: 'system' },
      today: '2026-11-29',
      input: {
        areaId: area.id,
        givenName: 'Ada',
        familyName: 'Stone',
        dateOfBirth: '2002-05-10',
        jurisdiction: 'england',
        likelyAdultCareNeeds: true,
      },
    });
    const key = { youngPersonId_milestoneId: { youngPersonId: person.id, milestoneId: 'adult_care_plan_18' } };
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: key })).toMatchObject({ status: 'missed' });
    // As an older release stored it: overdue, with no closing day, and the digest forgotten by the migration.
    await db.prisma.milestone.update({ where: key, data: { status: 'overdue', closesOn: null } });
    await db.prisma.youngPerson.update({ where: { id: person.id }, data: { planDigest: null } });

    const first = await runReplan({ db: db.prisma, today: '2026-11-30' });
    expect(first).toMatchObject({ ran: true, summary: { planned: 1, rewritten: 1 } });
    const fixed = await db.prisma.milestone.findUniqueOrThrow({ where: key });
    expect(fixed.status).toBe('missed');
    expect(fixed.closesOn?.toISOString().slice(0, 10)).toBe('2021-05-10');
    expect(await runReplan({ db: db.prisma, today: '2026-11-30' })).toEqual({ ran: false });
    expect(await db.prisma.jobRun.count({ where: { job: REPLAN_JOB } })).toBe(1);

    // A failed run releases its claim, so the next tick runs it again.
    await db.prisma.$executeRawUnsafe('ALTER TABLE "PathwayState" RENAME TO "PathwayStateGone"');
    await db.prisma.youngPerson.update({ where: { id: person.id }, data: { planDigest: null } });
    await expect(runReplan({ db: db.prisma, today: '2026-12-01' })).rejects.toThrow();
    await db.prisma.$executeRawUnsafe('ALTER TABLE "PathwayStateGone" RENAME TO "PathwayState"');
    expect(await runReplan({ db: db.prisma, today: '2026-12-01' })).toMatchObject({ ran: true });
  });
});
