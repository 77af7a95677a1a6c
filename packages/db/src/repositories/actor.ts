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
