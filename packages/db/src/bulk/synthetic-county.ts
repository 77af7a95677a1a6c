import { randomUUID } from 'node:crypto';
import { buildScheduleWithState, syntheticPerson } from '@pathways/engine';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { storedPlanOf, type StoredPlan } from '../repositories/plan-rows.ts';
import { writeStoredPlans } from '../repositories/plan-store.ts';
import { dateColumn } from '../repositories/young-person-profile.ts';

/**
 * Loads a large synthetic county: `count` young people aged 13–25 (deterministic from `seed`)
 * with machine-validated event histories, spread over the given areas and workers, with
 * goals and handovers, planned in memory and written in batches. For benchmarks.
 */
export async function loadSyntheticCounty(options: {
  db: PrismaClient;
  count: number;
  seed: number;
  today: string;
  areas: { id: string; workerIds: string[]; adultAgencyId: string }[];
  batchSize?: number;
}): Promise<{ people: number; events: number; milestones: number }> {
  const batchSize = options.batchSize ?? 500;
  let events = 0;
  let milestones = 0;
  for (let start = 0; start < options.count; start += batchSize) {
    const people: Prisma.YoungPersonCreateManyInput[] = [];
    const eventRows: Prisma.PathwayEventCreateManyInput[] = [];
    const plans: StoredPlan[] = [];
    const goals: Prisma.GoalCreateManyInput[] = [];
    const handovers: Prisma.HandoverCreateManyInput[] = [];
    for (let index = start; index < Math.min(options.count, start + batchSize); index++) {
      const { profile, events: log } = syntheticPerson(options.seed, index, options.today);
      const area = options.areas[index % options.areas.length];
      if (!area) throw new Error('loadSyntheticCounty needs at least one area');
      const id = randomUUID();
      const withIds = log.map((event, i) => ({ ...event, id: String(i) }));
      const planned = buildScheduleWithState(profile, withIds, { asOf: options.today });
      const { plan } = planned;
      const rejected = new Set(plan.rejectedEvents.map((event) => event.id));
      const namedWorkerId = area.workerIds[index % area.workerIds.length] ?? null;
      const stored = storedPlanOf({ id, areaId: area.id, namedWorkerId }, planned);
      plans.push(stored);
      people.push({
        ...profile,
        id,
        areaId: area.id,
        namedWorkerId,
        givenName: `Person${index}`,
        familyName: `Synthetic${options.seed}`,
        dateOfBirth: dateColumn(profile.dateOfBirth),
        planDigest: stored.digest,
      });
      log.forEach(({ type, date, ...payload }, i) => {
        if (rejected.has(String(i))) return;
        eventRows.push({
          youngPersonId: id,
          sequence: i + 1,
          type: type as string,
          date: dateColumn(date as string),
          payload: payload as Prisma.InputJsonValue,
        });
      });
      if (index % 4 === 0)
        goals.push({ youngPersonId: id, text: 'I want to go to college with my friends', outcomeArea: 'employment' });
      if (index % 7 === 0)
        handovers.push({
          youngPersonId: id,
          toAgencyId: area.adultAgencyId,
          status: index % 14 === 0 ? 'acknowledged' : 'sent',
          dueBy: dateColumn(options.today),
          summary: 'Synthetic handover',
        });
    }
    await options.db.$transaction(
      async (tx) => {
        await tx.youngPerson.createMany({ data: people });
        await tx.pathwayEvent.createMany({ data: eventRows });
        await writeStoredPlans(tx, plans);
        await tx.goal.createMany({ data: goals });
        await tx.handover.createMany({ data: handovers });
      },
      { timeout: 120_000 },
    );
    events += eventRows.length;
    milestones += plans.reduce((sum, plan) => sum + plan.milestones.length, 0);
  }
  // Fresh statistics, so the planner sees the real table sizes before the first query, and a
  // vacuum now rather than autovacuum in the middle of whatever runs next (it also marks the
  // pages all-visible, which lets counts be answered from the indexes alone).
  await options.db.$executeRawUnsafe('VACUUM ANALYZE');
  return { people: options.count, events, milestones };
}
