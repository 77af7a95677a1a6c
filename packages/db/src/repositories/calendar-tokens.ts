import type { PrismaClient, User } from '../generated/prisma/client.ts';

/** Gives a person a new calendar feed secret (its hash): every earlier one stops working, in the same transaction. */
export async function replaceCalendarToken(options: {
  db: PrismaClient;
  userId: string;
  tokenHash: string;
  now: Date;
}): Promise<void> {
  const { db, userId, tokenHash, now } = options;
  await db.$transaction([
    db.calendarToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
    db.calendarToken.create({ data: { tokenHash, userId, createdAt: now } }),
  ]);
}

/** Stops a person's calendar feed. */
export async function revokeCalendarTokens(options: { db: PrismaClient; userId: string; now: Date }): Promise<void> {
  await options.db.calendarToken.updateMany({
    where: { userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now },
  });
}

/** Whose feed a secret (by its hash) opens: an active account with a token not revoked, or null. */
export async function calendarFeedOwner(db: PrismaClient, tokenHash: string): Promise<User | null> {
  const found = await db.calendarToken.findUnique({ where: { tokenHash } });
  const user = found && !found.revokedAt ? await db.user.findUnique({ where: { id: found.userId } }) : null;
  return user && !user.disabledAt ? user : null;
}
