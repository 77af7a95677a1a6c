import { addMonths, englandRulePack, isoToDay, toIsoDate } from '@pathways/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { updateYoungPerson } from '../repositories/young-people.ts';
import { isoDay } from '../repositories/young-person-profile.ts';
import { replanEveryone } from './replan-everyone.ts';
import { loadSyntheticCounty } from './synthetic-county.ts';

/** Every England milestone is stored for every young person. */
const ENGLAND_MILESTONES = englandRulePack.milestones.length;

const TODAY = '2026-11-22';

describe.each(BACKENDS)('bulk work on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
  });
  afterEach(async () => db?.drop());

  async function county(count: number) {
    const area = await db.prisma.localArea.create({ data: { code: 'BIG', name: 'Bigshire', jurisdiction: 'england' } });
    const worker = await db.prisma.user.create({
      data: { email: 'w@big.test', name: 'W', passwordHash: 'x', role: 'transition_worker', areaId: area.id },
    });
    const agency = await db.prisma.agency.create({
      data: { name: 'Adults', type: 'adult_social_care', areaId: area.id, services: [] },
    });
    return loadSyntheticCounty({
      db: db.prisma,
      count,
      seed: 7,
      today: TODAY,
      areas: [{ id: area.id, workerIds: [worker.id], adultAgencyId: agency.id }],
      batchSize: 40,
    });
  }

  it('loads a deterministic synthetic county with histories, milestones, goals and handovers', async () => {
    const loaded = await county(100);
    expect(loaded.people).toBe(100);
    expect(loaded.milestones).toBe(100 * ENGLAND_MILESTONES);
    expect(await db.prisma.youngPerson.count()).toBe(100);
    expect(await db.prisma.pathwayEvent.count()).toBe(loaded.events);
    expect(loaded.events).toBeGreaterThan(500);
    expect(await db.prisma.goal.count()).toBe(25);
    expect(await db.prisma.handover.count()).toBe(15);
  });

  /** Each milestone row's transaction id: it changes only when the row is written again. */
  async function rowVersions() {
    const rows = await db.prisma.$queryRaw<
      { key: string; xmin: string }[]
    >`SELECT "youngPersonId" || '/' || "milestoneId" AS key, xmin::text AS xmin FROM "Milestone"`;
    return new Map(rows.map((row) => [row.key, row.xmin]));
  }
  const changedKeys = (before: Map<string, string>, after: Map<string, string>) =>
    [...after].filter(([key, xmin]) => before.get(key) !== xmin).map(([key]) => key);

  it('re-plans everyone in batches and writes nothing when no plan changed', async () => {
    await county(60);
    const before = await rowVersions();
    expect(await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 25 })).toEqual({
      planned: 60,
      rewritten: 0,
      skipped: 0,
      batches: 3,
    });
    expect(changedKeys(before, await rowVersions())).toEqual([]);
  });

  it('after a rule-pack change rewrites only the milestone rows the change moves', async () => {
    await county(60);
    // The county decides to plan Care Act transition assessments by 17¼ instead of 17½.
    const changed = {
      ...englandRulePack,
      milestones: englandRulePack.milestones.map((rule) =>
        rule.id === 'care_act_transition_assessment'
          ? { ...rule, due: { at: 'birthday' as const, years: 17, months: 3 } }
          : rule,
      ),
    };
    const before = await rowVersions();
    const dueBefore = await db.prisma.milestone.findMany({
      where: { milestoneId: 'care_act_transition_assessment', dueDate: { not: null } },
    });
    const result = await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 25, rulePacks: [changed] });
    const rewrittenKeys = changedKeys(before, await rowVersions());
    // Everyone's plan changed (the milestone is dated even where it does not apply), but of
    // their rows only that milestone's was written.
    expect(result).toMatchObject({ planned: 60, rewritten: 60, skipped: 0 });
    expect(rewrittenKeys.sort()).toEqual(
      dueBefore.map((row) => `${row.youngPersonId}/care_act_transition_assessment`).sort(),
    );
    for (const row of dueBefore) {
      const after = await db.prisma.milestone.findUniqueOrThrow({
        where: { youngPersonId_milestoneId: { youngPersonId: row.youngPersonId, milestoneId: row.milestoneId } },
        include: { youngPerson: true },
      });
      const seventeenAndAQuarter = toIsoDate(addMonths(isoToDay(isoDay(after.youngPerson.dateOfBirth)), 17 * 12 + 3));
      expect(isoDay(after.dueDate as Date)).toBe(seventeenAndAQuarter);
    }
    // Run again with the same pack: everything now matches, nothing is written.
    expect((await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 25, rulePacks: [changed] })).rewritten).toBe(
      0,
    );
  });

  it('repairs every row of a record whose stored plan no longer matches', async () => {
    await county(30);
    await db.prisma.milestone.updateMany({ data: { status: 'upcoming', dueDate: new Date('2099-01-01T00:00:00Z') } });
    await db.prisma.pathwayState.updateMany({ data: { digest: 'stale' } });
    await db.prisma.youngPerson.updateMany({ data: { planDigest: null } });
    const result = await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 25 });
    expect(result).toEqual({ planned: 30, rewritten: 30, skipped: 0, batches: 2 });
    expect(await db.prisma.milestone.count({ where: { dueDate: new Date('2099-01-01T00:00:00Z') } })).toBe(0);
    expect(await db.prisma.milestone.count()).toBe(30 * ENGLAND_MILESTONES);
    expect(await db.prisma.pathwayState.count({ where: { digest: 'stale' } })).toBe(0);
  });

  it('leaves alone a record a worker changed while its batch was being planned', async () => {
    await county(60);
    await db.prisma.youngPerson.updateMany({ data: { planDigest: null } });
    // A worker changes a record after its batch was planned, before it is written: the re-plan
    // must not overwrite the newer plan with its stale one.
    const target = await db.prisma.youngPerson.findFirstOrThrow({ where: { hasEhcPlan: false } });
    const again = await replanEveryone({
      db: db.prisma,
      today: TODAY,
      batchSize: 100,
      onBatchPlanned: async () => {
        await updateYoungPerson({
          db: db.prisma,
          actor: { userId: null, role: 'system' },
          id: target.id,
          expectedVersion: target.version,
          changes: { hasEhcPlan: true },
          today: TODAY,
        });
      },
    });
    expect(again).toEqual({ planned: 60, rewritten: 59, skipped: 1, batches: 1 });
    const post16 = await db.prisma.milestone.findUniqueOrThrow({
      where: { youngPersonId_milestoneId: { youngPersonId: target.id, milestoneId: 'post16_transfer' } },
    });
    expect(post16.status).not.toBe('not_applicable');
    // The worker's write cleared the digest: the next re-plan checks that record again.
    expect((await db.prisma.youngPerson.findUniqueOrThrow({ where: { id: target.id } })).planDigest).toBeNull();
    expect(await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 100 })).toEqual({
      planned: 60,
      rewritten: 1,
      skipped: 0,
      batches: 1,
    });
  });
});
