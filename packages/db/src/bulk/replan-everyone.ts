import { buildScheduleWithState, type PathwayEvent, type RulePack } from '@pathways/engine';
import { Prisma, type PrismaClient, type YoungPerson } from '../generated/prisma/client.ts';
import { storedPlanOf, type StoredPlan } from '../repositories/plan-rows.ts';
import { writeStoredPlans } from '../repositories/plan-store.ts';
import { profileOf } from '../repositories/young-person-profile.ts';

/** Young people after `cursor` in id order, each with their event log as the engine takes it. */
async function readBatch(
  db: PrismaClient,
  cursor: string | null,
  size: number,
): Promise<{ person: YoungPerson; events: PathwayEvent[] }[]> {
  const rows = await db.$queryRaw<(YoungPerson & { events: PathwayEvent[] | null })[]>`
    SELECT p.*, (SELECT json_agg(e.payload || jsonb_build_object('type', e.type, 'date', e.date, 'id', e.id) ORDER BY e.sequence)
                   FROM "PathwayEvent" e WHERE e."youngPersonId" = p.id
                    AND NOT EXISTS (SELECT 1 FROM "PathwayEventWithdrawal" w WHERE w."eventId" = e.id)) AS events
      FROM "YoungPerson" p
     WHERE ${cursor === null ? Prisma.sql`true` : Prisma.sql`p.id > ${cursor}::uuid`}
     ORDER BY p.id
     LIMIT ${size}`;
  return rows.map(({ events, ...person }) => ({ person, events: events ?? [] }));
}

export type ReplanResult = {
  /** Young people planned. */
  planned: number;
  /** Of those, whose stored plan changed and was rewritten (only the rows that differ). */
  rewritten: number;
  /** Changed by a worker while their batch was being planned, so left alone. */
  skipped: number;
  batches: number;
};

/**
 * Re-plans every young person (after a rule-pack change, or nightly so clock-driven endings
 * show), in batches, yielding between them so requests keep being served. A young person
 * whose new plan has the digest the last re-plan stored is not written at all; the others get
 * only their changed rows rewritten, in one short transaction per batch. A record changed by
 * a worker while its batch was being planned is left alone: that write has just re-planned it
 * from newer events.
 */
export async function replanEveryone(options: {
  db: PrismaClient;
  today: string;
  batchSize?: number;
  /** Plan with these packs instead of the registered ones (a changed rule pack), by jurisdiction. */
  rulePacks?: readonly RulePack[];
  /** Runs after a batch is planned and before it is written: where a concurrent write can land. */
  onBatchPlanned?: (ids: string[]) => Promise<void>;
}): Promise<ReplanResult> {
  const batchSize = options.batchSize ?? 500;
  const packFor = new Map((options.rulePacks ?? []).map((pack) => [pack.jurisdiction as string, pack]));
  const result: ReplanResult = { planned: 0, rewritten: 0, skipped: 0, batches: 0 };

  /** Reads the batch after `cursor` (people with their event logs, one query) and plans it. */
  const planBatch = async (cursor: string | null) => {
    const people = await readBatch(options.db, cursor, batchSize);
    const changed: { plan: StoredPlan; versionRead: number }[] = [];
    for (const { person, events } of people) {
      const rulePack = packFor.get(person.jurisdiction);
      const planned = buildScheduleWithState(profileOf(person), events, {
        asOf: options.today,
        ...(rulePack ? { rulePack } : {}),
      });
      const plan = storedPlanOf(person, planned);
      if (plan.digest !== person.planDigest) changed.push({ plan, versionRead: person.version });
    }
    return { ids: people.map(({ person }) => person.id), changed };
  };

  // Plan the next batch while this one is written: the engine works in this process while
  // the database writes, so a re-plan takes about the longer of the two, not their sum.
  let next = planBatch(null);
  for (;;) {
    const { ids, changed } = await next;
    if (ids.length === 0) break;
    next = planBatch(ids[ids.length - 1] as string);
    result.planned += ids.length;
    await options.onBatchPlanned?.(ids);
    if (changed.length > 0) {
      await options.db.$transaction(
        async (tx) => {
          // Claim the records still at the version read; a worker's write since then wins.
          const claimed = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "YoungPerson" AS p SET "planDigest" = c.digest
            FROM unnest(${changed.map((c) => c.plan.youngPersonId)}::uuid[], ${changed.map((c) => c.versionRead)}::int[], ${changed.map((c) => c.plan.digest)}::text[]) AS c(id, version, digest)
           WHERE p.id = c.id AND p.version = c.version
          RETURNING p.id`;
          const kept = new Set(claimed.map((row) => row.id));
          await writeStoredPlans(
            tx,
            changed.filter((c) => kept.has(c.plan.youngPersonId)).map((c) => c.plan),
          );
          result.rewritten += kept.size;
          result.skipped += changed.length - kept.size;
        },
        { timeout: 60_000 },
      );
    }
    result.batches++;
  }
  return result;
}
