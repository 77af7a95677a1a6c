import { buildPlanWithState } from '@pathways/engine';
import type { Prisma, PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { engineEventOf, profileOf } from '../repositories/young-person-profile.ts';
import { milestoneRows, pathwayStateRows } from '../repositories/plan-rows.ts';

/**
 * Re-plans every young person (after a rule-pack change, or nightly so clock-driven endings
 * show), in batches, each batch one short transaction, yielding between batches so requests
 * keep being served. A record changed by a worker while its batch was being planned is left
 * alone: that write has just re-planned it from newer events.
 */
export async function replanEveryone(options: {
  db: PrismaClient;
  today: string;
  batchSize?: number;
  /** Runs after a batch is planned and before it is written: where a concurrent write can land. */
  onBatchPlanned?: (ids: string[]) => Promise<void>;
}): Promise<{ replanned: number; skipped: number; batches: number }> {
  const batchSize = options.batchSize ?? 250;
  let cursor: string | undefined;
  let replanned = 0;
  let skipped = 0;
  let batches = 0;
  for (;;) {
    const people: YoungPerson[] = await options.db.youngPerson.findMany({ take: batchSize, orderBy: { id: 'asc' }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (people.length === 0) break;
    const ids = people.map((person) => person.id);
    const log = await options.db.pathwayEvent.findMany({ where: { youngPersonId: { in: ids } }, orderBy: [{ youngPersonId: 'asc' }, { sequence: 'asc' }] });
    const eventsOf = new Map<string, typeof log>();
    for (const row of log) eventsOf.set(row.youngPersonId, [...(eventsOf.get(row.youngPersonId) ?? []), row]);

    const milestones: Prisma.MilestoneCreateManyInput[] = [];
    const states: Prisma.PathwayStateCreateManyInput[] = [];
    const versionRead = new Map<string, number>();
    for (const person of people) {
      const planned = buildPlanWithState(profileOf(person), (eventsOf.get(person.id) ?? []).map(engineEventOf), { asOf: options.today });
      milestones.push(...milestoneRows(person.id, planned.plan, options.today));
      states.push(...pathwayStateRows(person.id, planned));
      versionRead.set(person.id, person.version);
    }

    await options.onBatchPlanned?.(ids);
    await options.db.$transaction(async (tx) => {
      const current = await tx.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM "YoungPerson" WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`;
      const unchanged = new Set(current.filter((row) => versionRead.get(row.id) === row.version).map((row) => row.id));
      skipped += ids.length - unchanged.size;
      const keep = [...unchanged];
      await tx.milestone.deleteMany({ where: { youngPersonId: { in: keep } } });
      await tx.milestone.createMany({ data: milestones.filter((row) => unchanged.has(row.youngPersonId)) });
      await tx.pathwayState.deleteMany({ where: { youngPersonId: { in: keep } } });
      await tx.pathwayState.createMany({ data: states.filter((row) => unchanged.has(row.youngPersonId)) });
      replanned += unchanged.size;
    }, { timeout: 60_000 });
    batches++;
    cursor = ids[ids.length - 1];
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { replanned, skipped, batches };
}
