import type { PrismaClient } from '../generated/prisma/client.ts';

/** A reminder not yet e-mailed, with who it is for. */
export type UnsentReminder = { id: string; userId: string; kind: string; email: string; name: string };

/** How many reminders one run claims; the next run takes the rest. */
const BATCH_SIZE = 500;

/**
 * Claims up to one batch of unread reminders not yet e-mailed (to active accounts), hands them
 * to `send`, and marks them sent — all in one transaction. The batch is claimed with FOR
 * UPDATE SKIP LOCKED, so two API processes never send the same reminder, and a failed send
 * rolls back the marking, so the next run tries again.
 */
export async function sendUnsentReminders(
  db: PrismaClient,
  now: Date,
  send: (reminders: UnsentReminder[]) => Promise<void>,
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const pending = await tx.$queryRaw<UnsentReminder[]>`
        SELECT n.id, n."userId", n.kind, u.email, u.name
          FROM "Notification" n JOIN "User" u ON u.id = n."userId"
         WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND u."disabledAt" IS NULL
         ORDER BY n."createdAt"
         LIMIT ${BATCH_SIZE}
           FOR UPDATE OF n SKIP LOCKED`;
      if (pending.length === 0) return 0;
      await send(pending);
      await tx.notification.updateMany({
        where: { id: { in: pending.map((row) => row.id) } },
        data: { emailedAt: now },
      });
      return pending.length;
    },
    { timeout: 120_000 },
  );
}
