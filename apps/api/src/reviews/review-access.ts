import { AppError, findReview, kindOfReview, type ReviewWithParts, type SessionUser } from '@pathways/db';
import type { ReviewKind } from '@pathways/engine';
import type { Context } from 'hono';
import { canSeeYoungPerson, notFoundAs, recordOfRequest, type RequestRecord } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { pathwayVisible } from '../sharing.ts';

/** A review as one caller may have it: the review, its kind, and the record access it came through. */
export type ReviewAccess = RequestRecord & { review: ReviewWithParts; kind: ReviewKind };

/**
 * The review a request is about, through the one decision about its young person
 * (`recordOfRequest`): anyone who may not see the record, or (adult services) the part of the
 * plan the review belongs to, is told there is no such review. `change` is for the young
 * person's area's staff.
 */
export async function reviewOfRequest(
  c: Context<AppEnv>,
  reviewId: string,
  mode: 'read' | 'change' = 'read',
): Promise<ReviewAccess> {
  const { db } = c.get('services');
  const review = await findReview(db, reviewId);
  const access = await notFoundAs(
    recordOfRequest(c, review.youngPersonId, mode),
    () => new AppError('not_found', 'No such review.'),
  );
  const kind = kindOfReview(access.person, review.kind);
  if (!pathwayVisible(access.parts, kind.pathway)) throw new AppError('not_found', 'No such review.');
  return { ...access, review, kind };
}

/** The caller's own invitation to this review (they reply and give advice with it), or `forbidden`. */
export function ownInvitation(review: ReviewWithParts, user: SessionUser) {
  const invitation = review.invitations.find((candidate) => candidate.userId === user.id && !candidate.withdrawnAt);
  if (!invitation) throw new AppError('forbidden', 'You are not invited to this meeting.');
  return invitation;
}

/**
 * Checks that someone named in a body (an invitee, an action's owner) may see the young
 * person: an account that could not is refused naming the field, never silently shown the
 * record through the back door.
 */
export async function requireCanSee(
  c: Context<AppEnv>,
  account: SessionUser | null,
  access: RequestRecord,
  field: string,
): Promise<SessionUser> {
  if (!account || !(await canSeeYoungPerson(c.get('services').db, account, access.person, access.day)))
    throw new AppError('invalid', `${field}: not someone who can see this young person’s record`, { field });
  return account;
}

/** Who is acting, as the audit trail records them. */
export const actorOf = (access: { user: { id: string; role: string } }) => ({
  userId: access.user.id,
  role: access.user.role,
});
