import { randomBytes } from 'node:crypto';
import { languageOf, RULE_PACKS, type Jurisdiction, type PlanLanguage } from '@pathways/engine';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';

const SESSION_HOURS = 8;
const SEEN_UPDATE_MINUTES = 1;
/** A session nobody has used for this long ends (NCSC: end idle sessions); SESSION_IDLE_MINUTES changes it. */
export const DEFAULT_IDLE_MINUTES = 30;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  areaId: string | null;
  agencyId: string | null;
  youngPersonId: string | null;
  /**
   * The language of the rule pack of the account's council (or of the young person's own
   * record): the interface's language until the person chooses one. Null when neither is known.
   */
  language: PlanLanguage | null;
};

/** The language of a jurisdiction's rule pack, or null for none we know. */
function languageOfJurisdiction(jurisdiction: string | null): PlanLanguage | null {
  return jurisdiction && jurisdiction in RULE_PACKS ? languageOf(RULE_PACKS[jurisdiction as Jurisdiction]) : null;
}

/** Starts a session: the token goes to the client's HttpOnly cookie, only its hash to the database. */
export async function createSession(
  db: PrismaClient,
  userId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecretToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.session.create({
    data: { tokenHash: hashToken(token), userId, csrfToken, expiresAt, createdAt: now, lastSeenAt: now },
  });
  return { token, csrfToken, expiresAt };
}

/** The signed-in user of a session token, or null if it is unknown, expired, idle too long or the user is disabled. */
export async function findSession(
  db: PrismaClient,
  token: string,
  now: Date,
  idleMinutes = DEFAULT_IDLE_MINUTES,
): Promise<{ user: SessionUser; csrfToken: string } | null> {
  // Every request asks this, so it is one round trip (a join), not a session then a user.
  const [session] = await db.$queryRaw<
    (Omit<SessionUser, 'language'> & {
      jurisdiction: string | null;
      tokenHash: string;
      csrfToken: string;
      expiresAt: Date;
      lastSeenAt: Date;
      disabledAt: Date | null;
    })[]
  >`
    SELECT s."tokenHash", s."csrfToken", s."expiresAt", s."lastSeenAt",
           u.id, u.email, u.name, u.role::text AS role, u."areaId", u."agencyId", u."youngPersonId", u."disabledAt",
           a.jurisdiction
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "YoungPerson" own ON own.id = u."youngPersonId"
      LEFT JOIN "LocalArea" a ON a.id = COALESCE(u."areaId", own."areaId")
     WHERE s."tokenHash" = ${hashToken(token)}`;
  if (!session || session.expiresAt <= now || session.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.session.deleteMany({ where: { tokenHash: session.tokenHash } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > SEEN_UPDATE_MINUTES * 60_000) {
    await db.session.update({ where: { tokenHash: session.tokenHash }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role, areaId, agencyId, youngPersonId, jurisdiction } = session;
  return {
    user: { id, email, name, role, areaId, agencyId, youngPersonId, language: languageOfJurisdiction(jurisdiction) },
    csrfToken: session.csrfToken,
  };
}

export async function endSession(db: PrismaClient, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
