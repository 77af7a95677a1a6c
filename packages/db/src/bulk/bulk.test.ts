import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { updateYoungPerson } from '../repositories/young-people.ts';
import { replanEveryone } from './replan-everyone.ts';
import { loadSyntheticCounty } from './synthetic-county.ts';

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
    const worker = await db.prisma.user.create({ data: { email: 'w@big.test', name: 'W', passwordHash: 'x', role: 'transition_worker', areaId: area.id } });
    const agency = await db.prisma.agency.create({ data: { name: 'Adults', type: 'adult_social_care', areaId: area.id, services: [] } });
    return loadSyntheticCounty({ db: db.prisma, count, seed: 7, today: TODAY, areas: [{ id: area.id, workerIds: [worker.id], adultAgencyId: agency.id }], batchSize: 40 });
  }

  it('loads a deterministic synthetic county with histories, milestones, goals and handovers', async () => {
    const loaded = await county(100);
    expect(loaded.people).toBe(100);
    expect(loaded.milestones).toBe(100 * 43);
    expect(await db.prisma.youngPerson.count()).toBe(100);
    expect(await db.prisma.pathwayEvent.count()).toBe(loaded.events);
    expect(loaded.events).toBeGreaterThan(500);
    expect(await db.prisma.goal.count()).toBe(25);
    expect(await db.prisma.handover.count()).toBe(15);
  });

  it('re-plans everyone in batches, leaving alone a record changed meanwhile', async () => {
    await county(60);
    await db.prisma.milestone.updateMany({ data: { status: 'upcoming', dueDate: new Date('2099-01-01T00:00:00Z') } });
    const result = await replanEveryone({ db: db.prisma, today: TODAY, batchSize: 25 });
    expect(result).toEqual({ replanned: 60, skipped: 0, batches: 3 });
    expect(await db.prisma.milestone.count({ where: { dueDate: new Date('2099-01-01T00:00:00Z') } })).toBe(0);
    expect(await db.prisma.milestone.count()).toBe(60 * 43);
    // A worker changes a record after its batch was planned, before it is written: the re-plan
    // must not overwrite the newer plan with its stale one.
    const target = await db.prisma.youngPerson.findFirstOrThrow({ where: { hasEhcPlan: false } });
    const again = await replanEveryone({
      db: db.prisma,
      today: TODAY,
      batchSize: 100,
      onBatchPlanned: async () => {
        await updateYoungPerson({ db: db.prisma, actor: { userId: null, role: 'system' }, id: target.id, expectedVersion: target.version, changes: { hasEhcPlan: true }, today: TODAY });
      },
    });
    expect(again).toEqual({ replanned: 59, skipped: 1, batches: 1 });
    const post16 = await db.prisma.milestone.findUniqueOrThrow({ where: { youngPersonId_milestoneId: { youngPersonId: target.id, milestoneId: 'post16_transfer' } } });
    expect(post16.status).not.toBe('not_applicable');
  });
});
