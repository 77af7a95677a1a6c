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
