import { AppError } from '../errors.ts';
import type { PrismaClient, YoungPerson } from '../generated/prisma/client.ts';
import { newSecretToken } from '../secret-token.ts';
import { audit, type Actor } from './actor.ts';
import { linkData } from './accounts.ts';

/** Someone with an account around a young person: a linked parent or carer, or their own account. */
export type FamilyMember = {
  id: string;
  name: string;
  email: string;
  role: 'young_person' | 'parent_carer';
  /** How a parent or carer is related ("mother", "foster carer"); null for the young person. */
  relationship: string | null;
  /** `invited` until they set a password or sign in. */
  status: 'invited' | 'active' | 'deactivated';
};

/** The young person's own account (if any) and their linked parents and carers, by name. */
export async function listFamily(db: PrismaClient, youngPersonId: string): Promise<FamilyMember[]> {
  const [own, links] = await Promise.all([
    db.user.findMany({ where: { youngPersonId }, select: MEMBER }),
    db.carerLink.findMany({
      where: { youngPersonId },
      select: { relationship: true, user: { select: MEMBER } },
      orderBy: { user: { name: 'asc' } },
    }),
  ]);
  return [
    ...own.map((user) => member(user, 'young_person', null)),
    ...links.map((link) => member(link.user, 'parent_carer', link.relationship)),
  ];
}

const MEMBER = { id: true, name: true, email: true, passwordHash: true, lastSignInAt: true, disabledAt: true } as const;

function member(
  user: {
    id: string;
    name: string;
    email: string;
    passwordHash: string | null;
    lastSignInAt: Date | null;
    disabledAt: Date | null;
  },
  role: FamilyMember['role'],
  relationship: string | null,
): FamilyMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role,
    relationship,
    status: user.disabledAt ? 'deactivated' : user.passwordHash || user.lastSignInAt ? 'active' : 'invited',
  };
}

export type FamilyInvitation = {
  role: 'young_person' | 'parent_carer';
  name: string;
  email: string;
  /** For a parent or carer: how they are related. */
  relationship?: string;
};

/**
 * Invites a young person to their own plan, or a parent or carer to their child's, and links
 * the account to the record, in one transaction; the token is for the e-mail only.
 * - The young person has one own account: a second is `conflict` (field `role`).
 * - A parent who already has an account (a brother's or sister's plan) is linked, not invited
 *   again: `token` is null and they see the new child when they next sign in.
 * - An address that belongs to anyone else (staff, another young person) is `conflict`
 *   naming `email`, without saying whose it is.
 */
export async function inviteFamilyMember(
  db: PrismaClient,
  actor: Actor,
  person: YoungPerson,
  invitation: FamilyInvitation,
  now: Date,
): Promise<{ member: FamilyMember; token: string | null }> {
  const email = invitation.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (invitation.role === 'young_person') {
      if (await tx.user.findFirst({ where: { youngPersonId: person.id } }))
        throw new AppError('conflict', 'role: this young person already has their own account', { field: 'role' });
      if (existing)
        throw new AppError('conflict', 'email: this address belongs to another account', { field: 'email' });
    } else if (existing) {
      if (existing.role !== 'parent_carer' || existing.disabledAt)
        throw new AppError('conflict', 'email: this address belongs to another account', { field: 'email' });
      if (
        await tx.carerLink.findUnique({
          where: { userId_youngPersonId: { userId: existing.id, youngPersonId: person.id } },
        })
      )
        throw new AppError('conflict', 'email: this parent or carer is already linked', { field: 'email' });
      await tx.carerLink.create({
        data: {
          userId: existing.id,
          youngPersonId: person.id,
          relationship: invitation.relationship ?? 'parent or carer',
        },
      });
      await audit(tx, actor, {
        action: 'link_carer',
        entityType: 'User',
        entityId: existing.id,
        youngPersonId: person.id,
      });
      return { member: member(existing, 'parent_carer', invitation.relationship ?? 'parent or carer'), token: null };
    }
    const user = await tx.user.create({
      data: {
        email,
        name: invitation.name.trim(),
        role: invitation.role,
        areaId: person.areaId,
        youngPersonId: invitation.role === 'young_person' ? person.id : null,
      },
    });
    const relationship = invitation.role === 'parent_carer' ? (invitation.relationship ?? 'parent or carer') : null;
    if (relationship) await tx.carerLink.create({ data: { userId: user.id, youngPersonId: person.id, relationship } });
    const token = newSecretToken();
    await tx.accountLink.create({ data: linkData(token, 'invitation', user.id, actor.userId, now) });
    await audit(tx, actor, {
      action: 'invite',
      entityType: 'User',
      entityId: user.id,
      youngPersonId: person.id,
      detail: { role: invitation.role },
    });
    return { member: member(user, invitation.role, relationship), token };
  });
}
