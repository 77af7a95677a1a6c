import type { Prisma } from '../generated/prisma/client.ts';

/** Who is acting: every read and write of a young person's record is audited with it. */
export type Actor = { userId: string | null; role: string };

/** A transaction client: repositories take one so callers can compose them atomically. */
export type Tx = Prisma.TransactionClient;

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string;
  youngPersonId?: string;
  detail?: Prisma.InputJsonValue;
};

/** Appends to the audit trail (a database trigger keeps it append-only). */
export async function audit(tx: Tx, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: { actorId: actor.userId, actorRole: actor.role, ...entry } });
}

/**
 * Records a list view (a caseload, an inbox, a search): one entry for each young person whose
 * details it showed, so that their own "who viewed my record" is complete, or one entry when it
 * showed nobody, so the look itself is on record.
 */
export async function auditList(
  tx: Tx,
  actor: Actor,
  entityType: string,
  youngPersonIds: readonly string[],
  detail?: Prisma.InputJsonValue,
): Promise<void> {
  const shown = [...new Set(youngPersonIds)];
  if (shown.length === 0) return audit(tx, actor, { action: 'list', entityType, detail });
  await tx.auditEntry.createMany({
    data: shown.map((youngPersonId) => ({
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'list',
      entityType,
      youngPersonId,
      detail,
    })),
  });
}

/** One line of a young person's audit trail as they may read it: when, who (by name) and what. */
export type AuditTrailEntry = {
  at: Date;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
};

/** One page of a young person's audit trail, newest first, each entry with the name of who acted. */
export async function listAuditTrail(
  db: Tx,
  youngPersonId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: AuditTrailEntry[]; total: number }> {
  const where = { youngPersonId };
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: { at: 'desc' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
  ]);
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    items: entries.map((entry) => ({
      at: entry.at,
      actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
      actorRole: entry.actorRole,
      action: entry.action,
      entityType: entry.entityType,
    })),
    total,
  };
}
