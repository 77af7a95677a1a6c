import type { PrismaClient, Role, User } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import { hashToken, newSecretToken } from '../secret-token.ts';
import { audit, type Actor } from './actor.ts';
import type { SessionUser } from './sessions.ts';

/** Other agencies' staff, who see the young people they are linked to (see `contributors.ts`). */
export const CONTRIBUTOR_ROLES = [
  'sen_coordinator',
  'health_professional',
  'social_worker',
  'contributor',
] as const satisfies readonly Role[];
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** Whether a role is another agency's contributor. */
export function isContributorRole(role: string): role is ContributorRole {
  return (CONTRIBUTOR_ROLES as readonly string[]).includes(role);
}

/** Roles an administrator invites: staff and other agencies' (families come in with their young person). */
export const INVITABLE_ROLES = [
  'transition_worker',
  'team_manager',
  'adult_services',
  ...CONTRIBUTOR_ROLES,
  'commissioner',
  'administrator',
] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Roles that belong to an agency rather than the council's own team. */
export const AGENCY_ROLES: readonly Role[] = ['adult_services', ...CONTRIBUTOR_ROLES];

/** How long an e-mailed link stays good: an invitation a week, a password reset an hour (OWASP). */
export const LINK_HOURS = { invitation: 7 * 24, password_reset: 1 } as const;
export type LinkPurpose = keyof typeof LINK_HOURS;

/**
 * The area an administrator manages: their own, or (null) every area for the installation's
 * administrator, who has none.
 */
export type AdministeredArea = string | null;

export type AccountSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  areaId: string | null;
  areaName: string | null;
  agencyId: string | null;
  agencyName: string | null;
  status: 'invited' | 'active' | 'deactivated';
  twoFactor: boolean;
  passkeys: number;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const SUMMARY_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  areaId: true,
  agencyId: true,
  passwordHash: true,
  totpSecret: true,
  lastSignInAt: true,
  disabledAt: true,
  createdAt: true,
  area: { select: { name: true } },
  agency: { select: { name: true } },
  _count: { select: { passkeys: true } },
} as const;

type SummaryRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  areaId: string | null;
  agencyId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  area: { name: string } | null;
  agency: { name: string } | null;
  _count: { passkeys: number };
};

function summary(row: SummaryRow): AccountSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    areaId: row.areaId,
    areaName: row.area?.name ?? null,
    agencyId: row.agencyId,
    agencyName: row.agency?.name ?? null,
    // Someone who has never set a password nor signed in (by any means) has not taken up their invitation.
    status: row.disabledAt ? 'deactivated' : row.passwordHash || row.lastSignInAt ? 'active' : 'invited',
    twoFactor: row.totpSecret !== null || row._count.passkeys > 0,
    passkeys: row._count.passkeys,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

/** Staff accounts an administrator manages, by name (families are reached through their young person). */
export async function listAccounts(db: PrismaClient, area: AdministeredArea): Promise<AccountSummary[]> {
  const rows = await db.user.findMany({
    where: { role: { in: [...INVITABLE_ROLES] }, ...(area ? { areaId: area } : {}) },
    select: SUMMARY_SELECT,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
  return rows.map(summary);
}

/** One account an administrator manages, or not_found (also for an account of another area). */
export async function getAccount(db: PrismaClient, area: AdministeredArea, id: string): Promise<AccountSummary> {
  const row = await db.user.findFirst({
    where: { id, role: { in: [...INVITABLE_ROLES] }, ...(area ? { areaId: area } : {}) },
    select: SUMMARY_SELECT,
  });
  if (!row) throw new AppError('not_found', 'No such account.');
  return summary(row);
}

export type Invitation = {
  email: string;
  name: string;
  role: InvitableRole;
  areaId: string | null;
  agencyId: string | null;
};

/**
 * Checks an account's place: staff belong to an area (an installation administrator may have
 * none); adult services to an agency of that area; nobody else to an agency.
 */
async function checkPlacement(
  db: PrismaClient,
  area: AdministeredArea,
  placement: { role: Role; areaId: string | null; agencyId: string | null },
): Promise<void> {
  if (area !== null && placement.areaId !== area)
    throw new AppError('forbidden', 'You can only manage accounts of your own area.', { field: 'areaId' });
  if (placement.areaId === null && placement.role !== 'administrator')
    throw new AppError('invalid', 'Choose the area this person works for.', { field: 'areaId' });
  if (placement.areaId && !(await db.localArea.findUnique({ where: { id: placement.areaId } })))
    throw new AppError('invalid', 'There is no such area.', { field: 'areaId' });
  if (AGENCY_ROLES.includes(placement.role)) {
    const agency = placement.agencyId ? await db.agency.findUnique({ where: { id: placement.agencyId } }) : null;
    if (!agency || agency.areaId !== placement.areaId)
      throw new AppError('invalid', 'Choose the agency this person works for, in the same area.', {
        field: 'agencyId',
      });
  } else if (placement.agencyId) {
    throw new AppError('invalid', 'Only adult services and other agencies’ accounts belong to an agency.', {
      field: 'agencyId',
    });
  }
}

/** Creates an invited account and its single-use invitation link; the token is for the e-mail only. */
export async function inviteAccount(
  db: PrismaClient,
  actor: Actor,
  area: AdministeredArea,
  invitation: Invitation,
  now: Date,
): Promise<{ account: AccountSummary; token: string }> {
  await checkPlacement(db, area, invitation);
  const email = invitation.email.toLowerCase();
  if (await db.user.findUnique({ where: { email } }))
    throw new AppError('conflict', 'There is already an account with this e-mail address.', { field: 'email' });
  const token = newSecretToken();
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email,
        name: invitation.name,
        role: invitation.role,
        areaId: invitation.areaId,
        agencyId: invitation.agencyId,
      },
    });
    await tx.accountLink.create({ data: linkData(token, 'invitation', created.id, actor.userId, now) });
    await audit(tx, actor, {
      action: 'invite',
      entityType: 'User',
      entityId: created.id,
      detail: { role: invitation.role, areaId: invitation.areaId },
    });
    return created;
  });
  return { account: await getAccount(db, area, user.id), token };
}

/** The row of a new single-use link for an account, the token stored only as its hash. */
export function linkData(token: string, purpose: LinkPurpose, userId: string, createdById: string | null, now: Date) {
  return {
    tokenHash: hashToken(token),
    purpose,
    userId,
    createdById,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_HOURS[purpose] * 3_600_000),
  };
}

/** A new link for an account; any earlier unused link of the same purpose stops working. */
export async function newAccountLink(
  db: PrismaClient,
  actor: Actor,
  userId: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<string> {
  const token = newSecretToken();
  await db.$transaction(async (tx) => {
    await tx.accountLink.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
    await tx.accountLink.create({ data: linkData(token, purpose, userId, actor.userId, now) });
    await audit(tx, actor, { action: `link_${purpose}`, entityType: 'User', entityId: userId });
  });
  return token;
}

/** What an unused, unexpired link is for and whose it is; null for any other token. */
export async function findAccountLink(
  db: PrismaClient,
  token: string,
  now: Date,
): Promise<{
  purpose: LinkPurpose;
  user: { id: string; email: string; name: string; role: Role; areaId: string | null };
} | null> {
  const link = await db.accountLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, areaId: true, disabledAt: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || link.user.disabledAt) return null;
  const { id, email, name, role, areaId } = link.user;
  return { purpose: link.purpose, user: { id, email, name, role, areaId } };
}

/**
 * Sets the password through a link, once: the link is spent in the same transaction (two
 * tabs cannot both use it), and every session of the account ends (whoever knew the old
 * password is signed out). Null when the link is unknown, used, or expired.
 */
export async function setPasswordByLink(
  db: PrismaClient,
  token: string,
  passwordHash: string,
  now: Date,
): Promise<{ id: string; email: string; name: string; purpose: LinkPurpose } | null> {
  return db.$transaction(async (tx) => {
    const link = await tx.accountLink.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!link) return null;
    const spent = await tx.accountLink.updateMany({
      where: { tokenHash: link.tokenHash, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) return null;
    const user = await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, passwordChangedAt: now },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await audit(
      tx,
      { userId: user.id, role: user.role },
      { action: `password_set_by_${link.purpose}`, entityType: 'User', entityId: user.id },
    );
    return { id: user.id, email: user.email, name: user.name, purpose: link.purpose };
  });
}

/** Changes an account's role (and agency, which follows from it). */
export async function changeAccount(
  db: PrismaClient,
  actor: Actor,
  area: AdministeredArea,
  id: string,
  changes: { role: InvitableRole; agencyId: string | null },
): Promise<AccountSummary> {
  const account = await getAccount(db, area, id);
  if (id === actor.userId && changes.role !== account.role)
    throw new AppError('invalid', 'You cannot change your own role: ask another administrator.', { field: 'role' });
  await checkPlacement(db, area, { role: changes.role, areaId: account.areaId, agencyId: changes.agencyId });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { role: changes.role, agencyId: changes.agencyId } });
    // What the person may see changes with their role: they sign in again under the new one.
    if (changes.role !== account.role) await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, actor, {
      action: 'change_role',
      entityType: 'User',
      entityId: id,
      detail: { from: account.role, to: changes.role, agencyId: changes.agencyId },
    });
  });
  return getAccount(db, area, id);
}

/** Deactivates (every session ends at once) or reactivates an account. */
export async function setAccountActive(
  db: PrismaClient,
  actor: Actor,
  area: AdministeredArea,
  id: string,
  active: boolean,
  now: Date,
): Promise<AccountSummary> {
  await getAccount(db, area, id);
  if (id === actor.userId && !active)
    throw new AppError('invalid', 'You cannot deactivate your own account.', { field: 'id' });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { disabledAt: active ? null : now } });
    if (!active) {
      await tx.session.deleteMany({ where: { userId: id } });
      await tx.accountLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: now } });
    }
    await audit(tx, actor, { action: active ? 'reactivate' : 'deactivate', entityType: 'User', entityId: id });
  });
  return getAccount(db, area, id);
}

/**
 * The first administrator of a new installation (from the command line, never the demo
 * seed): an account with no password and an invitation link, or a new link for an
 * administrator who has not yet taken up theirs.
 */
export async function createFirstAdministrator(
  db: PrismaClient,
  person: {
    email: string;
    name: string;
    /** The area they administer, by code; created when its name and jurisdiction are given and it does not exist yet. */
    area: { code: string; name?: string; jurisdiction?: string } | null;
  },
  now: Date,
): Promise<{ token: string; created: boolean; areaCreated: boolean }> {
  let area = person.area ? await db.localArea.findUnique({ where: { code: person.area.code } }) : null;
  let areaCreated = false;
  if (person.area && !area) {
    const { code, name, jurisdiction } = person.area;
    if (!name || !jurisdiction)
      throw new AppError(
        'invalid',
        `There is no area with code ${code}: give its name and jurisdiction to create it.`,
        { field: 'area' },
      );
    area = await db.localArea.create({ data: { code, name, jurisdiction } });
    areaCreated = true;
  }
  const email = person.email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  const system = { userId: null, role: 'system' };
  if (existing) {
    if (existing.role !== 'administrator' || existing.passwordHash)
      throw new AppError('conflict', 'That e-mail address already has an account.', { field: 'email' });
    return { token: await newAccountLink(db, system, existing.id, 'invitation', now), created: false, areaCreated };
  }
  const user = await db.user.create({
    data: { email, name: person.name, role: 'administrator', areaId: area?.id ?? null },
  });
  await audit(db, system, { action: 'create_first_administrator', entityType: 'User', entityId: user.id });
  return { token: await newAccountLink(db, system, user.id, 'invitation', now), created: true, areaCreated };
}

/** An account that may sign in (not deactivated), by id: whose a passkey is. */
export async function activeAccount(db: PrismaClient, id: string): Promise<{ id: string; role: Role } | null> {
  return db.user.findFirst({ where: { id, disabledAt: null }, select: { id: true, role: true } });
}

/**
 * The staff account a council's provider vouches for: the same e-mail, in the same area, a
 * staff role, not deactivated. An invitation not yet taken up is taken up by signing in.
 */
export async function signOnAccount(
  db: PrismaClient,
  areaId: string,
  email: string,
  now: Date,
): Promise<{ id: string; role: Role } | null> {
  const account = await db.user.findFirst({
    where: { email, areaId, role: { in: [...INVITABLE_ROLES] }, disabledAt: null },
    select: { id: true, role: true },
  });
  if (!account) return null;
  await db.$transaction(async (tx) => {
    await tx.accountLink.updateMany({
      where: { userId: account.id, purpose: 'invitation', usedAt: null },
      data: { usedAt: now },
    });
    await audit(
      tx,
      { userId: account.id, role: account.role },
      {
        action: 'sign_in_single_sign_on',
        entityType: 'User',
        entityId: account.id,
      },
    );
  });
  return account;
}

/** An active account as the access rules take it (a session's user), or null if there is none such or it is disabled. */
export async function activeAccountUser(db: PrismaClient, id: string): Promise<SessionUser | null> {
  const user = await db.user.findFirst({ where: { id, disabledAt: null } });
  return user ? asSessionUser(user) : null;
}

const asSessionUser = (user: User): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  areaId: user.areaId,
  agencyId: user.agencyId,
  youngPersonId: user.youngPersonId,
  language: null,
});

/**
 * The active accounts that might take part in a young person's review: their area's staff,
 * their own account, their linked parents and carers, adult services of their area, and the
 * other agencies' staff linked to them. The
 * caller keeps those the access rules let see the record.
 */
export async function accountsAround(db: PrismaClient, person: { id: string; areaId: string }): Promise<SessionUser[]> {
  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      OR: [
        { areaId: person.areaId, role: { in: ['transition_worker', 'team_manager'] } },
        { youngPersonId: person.id },
        { caringFor: { some: { youngPersonId: person.id } } },
        { role: 'adult_services', agency: { areaId: person.areaId } },
        { contributesTo: { some: { youngPersonId: person.id } } },
      ],
    },
    orderBy: { name: 'asc' },
    take: 500,
  });
  return users.map(asSessionUser);
}
