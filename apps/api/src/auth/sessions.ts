import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@pathways/db';
import { hashToken, newSecretToken } from './secret-token.ts';

const SESSION_HOURS = 8;
const SEEN_UPDATE_MINUTES = 5;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  areaId: string | null;
  agencyId: string | null;
  youngPersonId: string | null;
};

/** Starts a session: the token goes to the client's HttpOnly cookie, only its hash to the database. */
export async function createSession(db: PrismaClient, userId: string, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecretToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, csrfToken, expiresAt, createdAt: now, lastSeenAt: now } });
  return { token, csrfToken, expiresAt };
}

/** The signed-in user of a session token, or null if it is unknown, expired or the user is disabled. */
export async function findSession(db: PrismaClient, token: string, now: Date): Promise<{ user: SessionUser; csrfToken: string } | null> {
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SEEN_UPDATE_MINUTES * 60_000) {
    await db.session.update({ where: { tokenHash: session.tokenHash }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role, areaId, agencyId, youngPersonId } = session.user;
  return { user: { id, email, name, role, areaId, agencyId, youngPersonId }, csrfToken: session.csrfToken };
}

export async function endSession(db: PrismaClient, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
