import { randomBytes } from 'node:crypto';
import { languageOf, RULE_PACKS, type Jurisdiction, type PlanLanguage } from '@pathways/engine';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';
import { audit, type Actor } from './actor.ts';

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

/**
 * How far a sign-in has got: `complete`; or, after a password alone, `second_factor` (a code
 * or passkey is still needed) or `enrol` (staff must set up a second factor first).
 */
export type SessionStage = 'complete' | 'second_factor' | 'enrol';
export type SignInMethod = 'password' | 'passkey' | 'single_sign_on';
/** A session part-way through sign-in lasts only as long as it takes to find a phone. */
const PENDING_MINUTES = 10;

/** Starts a session: the token goes to the client's HttpOnly cookie, only its hash to the database. */
export async function createSession(
  db: PrismaClient,
  userId: string,
  now: Date,
  how: { stage?: SessionStage; method?: SignInMethod; userAgent?: string | null } = {},
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecretToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const stage = how.stage ?? 'complete';
  const expiresAt = new Date(
    now.getTime() + (stage === 'second_factor' ? PENDING_MINUTES * 60_000 : SESSION_HOURS * 3_600_000),
  );
  await db.$transaction([
    db.session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        expiresAt,
        createdAt: now,
        lastSeenAt: now,
        stage,
        method: how.method ?? 'password',
        userAgent: how.userAgent?.slice(0, 300) ?? null,
      },
    }),
    ...(stage === 'complete' ? [db.user.update({ where: { id: userId }, data: { lastSignInAt: now } })] : []),
  ]);
  return { token, csrfToken, expiresAt };
}

/**
 * Finishes a sign-in that was waiting for its second factor (or its enrolment): a new
 * session replaces the pending one, so a token seen before the second factor is worth nothing after it.
 */
export async function completeSession(
  db: PrismaClient,
  token: string,
  now: Date,
  userAgent: string | null,
): Promise<{ token: string; csrfToken: string; expiresAt: Date } | null> {
  const [pending] = await db.session.findMany({ where: { tokenHash: hashToken(token) } });
  if (!pending) return null;
  await db.session.delete({ where: { tokenHash: pending.tokenHash } });
  return createSession(db, pending.userId, now, { method: pending.method as SignInMethod, userAgent });
}

export type SessionListing = {
  id: string;
  method: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** A person's signed-in sessions, newest first (part-way sign-ins are not sessions yet). */
export async function listSessions(
  db: PrismaClient,
  userId: string,
  currentToken: string | null,
): Promise<SessionListing[]> {
  const rows = await db.session.findMany({
    where: { userId, stage: 'complete' },
    orderBy: { lastSeenAt: 'desc' },
  });
  const currentHash = currentToken ? hashToken(currentToken) : null;
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.tokenHash === currentHash,
  }));
}

/** Ends one of a person's sessions; false when they have none by that id. */
export async function endSessionById(
  db: PrismaClient,
  actor: Actor,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { userId, id: sessionId } });
    if (ended.count === 1) await audit(tx, actor, { action: 'end_session', entityType: 'User', entityId: userId });
    return ended.count === 1;
  });
}

/** Ends every session of an account (all but one, when kept); how many ended. */
export async function endAllSessions(
  db: PrismaClient,
  actor: Actor,
  userId: string,
  keepToken?: string | null,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({
      where: { userId, ...(keepToken ? { tokenHash: { not: hashToken(keepToken) } } : {}) },
    });
    await audit(tx, actor, {
      action: 'end_sessions',
      entityType: 'User',
      entityId: userId,
      detail: { ended: ended.count },
    });
    return ended.count;
  });
}

/** The signed-in user of a session token, or null if it is unknown, expired, idle too long or the user is disabled. */
export async function findSession(
  db: PrismaClient,
  token: string,
  now: Date,
  idleMinutes = DEFAULT_IDLE_MINUTES,
): Promise<{ user: SessionUser; csrfToken: string; stage: SessionStage } | null> {
  // Every request asks this, so it is one round trip (a join), not a session then a user.
  const [session] = await db.$queryRaw<
    (Omit<SessionUser, 'language'> & {
      jurisdiction: string | null;
      tokenHash: string;
      csrfToken: string;
      stage: SessionStage;
      expiresAt: Date;
      lastSeenAt: Date;
      disabledAt: Date | null;
    })[]
  >`
    SELECT s."tokenHash", s."csrfToken", s.stage, s."expiresAt", s."lastSeenAt",
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
    stage: session.stage,
  };
}

export async function endSession(db: PrismaClient, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
