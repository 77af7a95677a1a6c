import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../secret-token.ts';
import { audit, type Actor } from './actor.ts';

/** What a person's security page shows of their own sign-in methods (never a secret). */
export type SecurityOverview = {
  hasPassword: boolean;
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
};

export async function securityOverview(db: PrismaClient, userId: string): Promise<SecurityOverview> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      passwordHash: true,
      totpSecret: true,
      passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: 'asc' } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return {
    hasPassword: user.passwordHash !== null,
    totp: user.totpSecret !== null,
    recoveryCodesLeft: user._count.recoveryCodes,
    passkeys: user.passkeys,
  };
}

/** Whether the person has any second factor (an authenticator app or a passkey). */
export async function hasSecondFactor(db: PrismaClient, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, _count: { select: { passkeys: true } } },
  });
  return !!user && (user.totpSecret !== null || user._count.passkeys > 0);
}

export async function totpSecrets(
  db: PrismaClient,
  userId: string,
): Promise<{ secret: string | null; pending: string | null; lastStep: number | null }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpPendingSecret: true, totpLastStep: true },
  });
  return { secret: user.totpSecret, pending: user.totpPendingSecret, lastStep: user.totpLastStep };
}

export async function startTotpSetUp(db: PrismaClient, userId: string, secret: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpPendingSecret: secret } });
}

/**
 * Turns the pending authenticator secret on (the person has just proved their app has it),
 * replacing any recovery codes with new ones (hashes only).
 */
export async function enableTotp(
  db: PrismaClient,
  actor: Actor & { userId: string },
  step: number,
  recoveryCodes: readonly string[],
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
    if (!user.totpPendingSecret) return false;
    await tx.user.update({
      where: { id: actor.userId },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step },
    });
    await replaceRecoveryCodes(tx, actor.userId, recoveryCodes);
    await audit(tx, actor, { action: 'two_factor_enabled', entityType: 'User', entityId: actor.userId });
    return true;
  });
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, codes: readonly string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
}

/** Recovery codes are compared without spaces, dashes or case, as people type them. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code.replace(/[\s-]/g, '').toLowerCase());
}

export async function newRecoveryCodes(db: PrismaClient, actor: Actor & { userId: string }, codes: readonly string[]) {
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.userId, codes);
    await audit(tx, actor, { action: 'recovery_codes_replaced', entityType: 'User', entityId: actor.userId });
  });
}

/** Turns the authenticator app off (the route checks that another factor remains where one is required). */
export async function disableTotp(db: PrismaClient, actor: Actor & { userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await audit(tx, actor, { action: 'two_factor_disabled', entityType: 'User', entityId: actor.userId });
  });
}

/**
 * Accepts an authenticator code's time step once: a later step than the last accepted one,
 * written in the same statement that checks it, so a code replayed (even at the same
 * moment from another process) is refused.
 */
export async function acceptTotpStep(db: PrismaClient, userId: string, step: number): Promise<boolean> {
  const accepted = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return accepted.count === 1;
}

/** Spends a recovery code once; false when it is not one of the person's unused codes. */
export async function useRecoveryCode(db: PrismaClient, userId: string, code: string, now: Date): Promise<boolean> {
  const spent = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1;
}

export type StoredPasskey = {
  id: string;
  userId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
};

export async function listPasskeyIds(
  db: PrismaClient,
  userId: string,
): Promise<{ id: string; transports: string[] }[]> {
  return db.passkey.findMany({ where: { userId }, select: { id: true, transports: true } });
}

export async function addPasskey(
  db: PrismaClient,
  actor: Actor & { userId: string },
  passkey: Omit<StoredPasskey, 'userId'> & { name: string },
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.passkey.create({
      data: {
        id: passkey.id,
        userId: actor.userId,
        publicKey: Buffer.from(passkey.publicKey),
        counter: BigInt(passkey.counter),
        transports: passkey.transports,
        name: passkey.name,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: 'passkey_added',
      entityType: 'User',
      entityId: actor.userId,
      detail: { name: passkey.name },
    });
  });
}

export async function findPasskey(db: PrismaClient, id: string): Promise<StoredPasskey | null> {
  const row = await db.passkey.findUnique({ where: { id } });
  return row
    ? {
        id: row.id,
        userId: row.userId,
        publicKey: new Uint8Array(row.publicKey),
        counter: Number(row.counter),
        transports: row.transports,
      }
    : null;
}

export async function passkeyUsed(db: PrismaClient, id: string, counter: number, now: Date): Promise<void> {
  await db.passkey.update({ where: { id }, data: { counter: BigInt(counter), lastUsedAt: now } });
}

/** Removes one of the person's own passkeys; false when they have none by that id. */
export async function removePasskey(db: PrismaClient, actor: Actor & { userId: string }, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id, userId: actor.userId } });
    if (removed.count === 1)
      await audit(tx, actor, { action: 'passkey_removed', entityType: 'User', entityId: actor.userId });
    return removed.count === 1;
  });
}

/** Keeps a sign-in step's secret until it comes back (at most `minutes`). */
export async function saveChallenge(
  db: PrismaClient,
  challenge: { id: string; kind: string; userId?: string | null; data?: Prisma.InputJsonValue },
  now: Date,
  minutes: number,
): Promise<void> {
  await db.signInChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.signInChallenge.create({
    data: { ...challenge, userId: challenge.userId ?? null, expiresAt: new Date(now.getTime() + minutes * 60_000) },
  });
}

/** Takes a challenge back, once: it is deleted as it is read, and an expired one is none. */
export async function takeChallenge(
  db: PrismaClient,
  id: string,
  kind: string,
  now: Date,
): Promise<{ userId: string | null; data: Prisma.JsonValue } | null> {
  const [row] = await db.$queryRaw<{ userId: string | null; data: Prisma.JsonValue; expiresAt: Date }[]>`
    DELETE FROM "SignInChallenge" WHERE id = ${id} AND kind = ${kind} RETURNING "userId", data, "expiresAt"`;
  return row && row.expiresAt > now ? { userId: row.userId, data: row.data } : null;
}

export type SignOnSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  enabled: boolean;
};

export async function areaSignOn(db: PrismaClient, areaId: string): Promise<SignOnSettings | null> {
  return db.areaSignOn.findUnique({
    where: { areaId },
    select: { issuer: true, clientId: true, clientSecret: true, emailClaim: true, enabled: true },
  });
}

export async function saveAreaSignOn(
  db: PrismaClient,
  actor: Actor,
  areaId: string,
  settings: Omit<SignOnSettings, 'clientSecret'> & { clientSecret: string | null },
): Promise<void> {
  if (!(await db.localArea.findUnique({ where: { id: areaId } })))
    throw new AppError('invalid', 'There is no such area.', { field: 'areaId' });
  await db.$transaction(async (tx) => {
    const existing = await tx.areaSignOn.findUnique({ where: { areaId } });
    // A secret left out keeps the one already saved (the page never shows it back).
    const clientSecret = settings.clientSecret ?? existing?.clientSecret;
    if (!clientSecret)
      throw new AppError('invalid', 'Enter the client secret the provider gave you.', { field: 'clientSecret' });
    const data = { ...settings, clientSecret };
    await tx.areaSignOn.upsert({ where: { areaId }, create: { areaId, ...data }, update: data });
    await audit(tx, actor, {
      action: 'sign_on_settings',
      entityType: 'LocalArea',
      entityId: areaId,
      detail: {
        issuer: settings.issuer,
        clientId: settings.clientId,
        emailClaim: settings.emailClaim,
        enabled: settings.enabled,
      },
    });
  });
}

/** The areas whose staff can sign in through their council's provider, for the sign-in page. */
export async function areasWithSignOn(db: PrismaClient): Promise<{ areaId: string; name: string }[]> {
  const rows = await db.areaSignOn.findMany({
    where: { enabled: true },
    select: { areaId: true, area: { select: { name: true } } },
    orderBy: { area: { name: 'asc' } },
  });
  return rows.map((row) => ({ areaId: row.areaId, name: row.area.name }));
}
