import type { Tx } from './actor.ts';
import type { MilestoneRow, PathwayStateRow, StoredPlan } from './plan-rows.ts';

/**
 * Stores plans, writing only what differs from what is stored: reads the stored rows of the
 * given young people (small columns and digests only, never the snapshots), then upserts the
 * milestone and pathway-state rows that changed or are new and deletes those no longer
 * planned (a milestone a rule pack dropped). So a re-plan after a small rule change writes
 * only the rows it moves, and an event only what it affects.
 */
export async function writeStoredPlans(tx: Tx, plans: readonly StoredPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const ids = plans.map((plan) => plan.youngPersonId);
  // Per young person, their stored rows as text by milestone id and by pathway (one row each:
  // JSON that parses faster than a row per milestone).
  const stored = await tx.$queryRaw<
    { id: string; milestones: Record<string, string> | null; states: Record<string, string> | null }[]
  >`
    SELECT p.id,
           (SELECT json_object_agg(m."milestoneId", concat_ws('|', m.pathway, m.status, coalesce(m."windowStart"::text, '-'), coalesce(m."dueDate"::text, '-'),
                                   coalesce(m."closesOn"::text, '-'), coalesce(m."completedOn"::text, '-'), m."leadAgency", m."areaId", coalesce(m."namedWorkerId"::text, '-')))
              FROM "Milestone" m WHERE m."youngPersonId" = p.id) AS milestones,
           (SELECT json_object_agg(s.pathway, concat_ws('|', s.state, CASE WHEN s."isEnded" THEN 'ended' ELSE 'open' END, s.digest))
              FROM "PathwayState" s WHERE s."youngPersonId" = p.id) AS states
      FROM unnest(${ids}::uuid[]) AS p(id)`;
  const storedOf = new Map(stored.map((row) => [row.id, row]));
  const milestones = { changed: [] as MilestoneRow[], dropped: [] as string[] };
  const states = { changed: [] as PathwayStateRow[], dropped: [] as string[] };
  for (const plan of plans) {
    const before = storedOf.get(plan.youngPersonId);
    diffRows(
      before?.milestones ?? {},
      plan.fingerprints.milestones,
      plan.milestones,
      (row) => row.milestoneId,
      plan.youngPersonId,
      milestones,
    );
    diffRows(
      before?.states ?? {},
      plan.fingerprints.states,
      plan.states,
      (row) => row.pathway,
      plan.youngPersonId,
      states,
    );
  }
  const column = <Row, Key extends keyof Row>(rows: Row[], key: Key) => rows.map((row) => row[key]);

  if (milestones.dropped.length > 0) {
    await tx.$executeRaw`DELETE FROM "Milestone" WHERE ("youngPersonId"::text || '/' || "milestoneId") = ANY(${milestones.dropped}::text[])`;
  }
  if (milestones.changed.length > 0) {
    const rows = milestones.changed;
    await tx.$executeRaw`
      INSERT INTO "Milestone" ("youngPersonId", "milestoneId", pathway, status, "windowStart", "dueDate", "closesOn", "completedOn", "leadAgency", "areaId", "namedWorkerId")
      SELECT * FROM unnest(${column(rows, 'youngPersonId')}::uuid[], ${column(rows, 'milestoneId')}::text[], ${column(rows, 'pathway')}::text[],
                           ${column(rows, 'status')}::text[], ${column(rows, 'windowStart')}::date[], ${column(rows, 'dueDate')}::date[],
                           ${column(rows, 'closesOn')}::date[], ${column(rows, 'completedOn')}::date[], ${column(rows, 'leadAgency')}::text[], ${column(rows, 'areaId')}::uuid[],
                           ${column(rows, 'namedWorkerId')}::uuid[])
      ON CONFLICT ("youngPersonId", "milestoneId") DO UPDATE
         SET pathway = excluded.pathway, status = excluded.status, "windowStart" = excluded."windowStart", "dueDate" = excluded."dueDate",
             "closesOn" = excluded."closesOn", "completedOn" = excluded."completedOn", "leadAgency" = excluded."leadAgency", "areaId" = excluded."areaId", "namedWorkerId" = excluded."namedWorkerId"`;
  }
  if (states.dropped.length > 0) {
    await tx.$executeRaw`DELETE FROM "PathwayState" WHERE ("youngPersonId"::text || '/' || pathway) = ANY(${states.dropped}::text[])`;
  }
  if (states.changed.length > 0) {
    const rows = states.changed;
    await tx.$executeRaw`
      INSERT INTO "PathwayState" ("youngPersonId", pathway, state, "isEnded", snapshot, digest, "updatedAt")
      SELECT *, now() FROM unnest(${column(rows, 'youngPersonId')}::uuid[], ${column(rows, 'pathway')}::text[], ${column(rows, 'state')}::text[],
                                  ${column(rows, 'isEnded')}::boolean[], ${column(rows, 'snapshot')}::jsonb[], ${column(rows, 'digest')}::text[])
      ON CONFLICT ("youngPersonId", pathway) DO UPDATE
         SET state = excluded.state, "isEnded" = excluded."isEnded", snapshot = excluded.snapshot, digest = excluded.digest, "updatedAt" = excluded."updatedAt"`;
  }
}

/** Adds to `into` the planned rows whose text differs from the stored row's (or that are new), and the stored keys no longer planned. */
function diffRows<Row>(
  stored: Record<string, string>,
  planned: Map<string, string>,
  rows: Row[],
  keyOf: (row: Row) => string,
  youngPersonId: string,
  into: { changed: Row[]; dropped: string[] },
) {
  for (const row of rows) if (stored[keyOf(row)] !== planned.get(keyOf(row))) into.changed.push(row);
  for (const key of Object.keys(stored)) if (!planned.has(key)) into.dropped.push(`${youngPersonId}/${key}`);
}
