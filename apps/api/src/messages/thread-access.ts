import {
  accountsAround,
  AppError,
  isContributorRole,
  threadAuthors,
  type SessionUser,
  type ThreadKey,
  type ThreadKind,
  type YoungPerson,
} from '@pathways/db';
import type { Context } from 'hono';
import { canSeeYoungPerson, notFoundAs, recordOfRequest, STAFF_ROLES, type RequestRecord } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { signedInUser } from '../auth/middleware.ts';
import { handoverFor } from '../handovers/handover-access.ts';
import { reviewOfRequest } from '../reviews/review-access.ts';

/** A conversation as one caller may have it: its key, its young person, and who it usually goes to. */
export type ThreadAccess = {
  key: ThreadKey;
  person: YoungPerson;
  user: SessionUser;
  /** Whether someone (who may see the record) is one of the people this thread is between. */
  isMember: (account: SessionUser) => boolean;
};

const isStaff = (user: SessionUser) => (STAFF_ROLES as readonly string[]).includes(user.role);
const isFamily = (user: SessionUser) => user.role === 'young_person' || user.role === 'parent_carer';

const noSuchThread = () => new AppError('not_found', 'No such conversation.');

/**
 * The conversation a request is about, through the decision about what it is about: the young
 * person's record (`recordOfRequest`), the handover (`handoverFor`) or the review
 * (`reviewOfRequest`). Who is in it, by kind:
 * - `family`: the young person, their parents and carers, and their area's staff;
 * - `team`: their area's staff and the other agencies' staff linked to them;
 * - `handover`: their area's staff and the adult service it was sent to;
 * - `review`: their area's staff and whoever may see the review and was invited to it.
 * Anyone else is told there is no such conversation.
 */
export async function threadOfRequest(c: Context<AppEnv>, kind: ThreadKind, subjectId: string): Promise<ThreadAccess> {
  const user = signedInUser(c);
  const recordOrNothing = (id: string): Promise<RequestRecord> => notFoundAs(recordOfRequest(c, id), noSuchThread);
  switch (kind) {
    case 'family':
    case 'team': {
      const inKind = kind === 'family' ? isFamily : (account: SessionUser) => isContributorRole(account.role);
      if (!isStaff(user) && !inKind(user)) throw noSuchThread();
      const { person } = await recordOrNothing(subjectId);
      return { key: { kind, subjectId, youngPersonId: person.id }, person, user, isMember: inKind };
    }
    case 'handover': {
      const { handover } = await notFoundAs(handoverFor(c.get('services').db, user, subjectId), noSuchThread);
      const { person } = await recordOrNothing(handover.youngPersonId);
      return {
        key: { kind, subjectId, youngPersonId: person.id },
        person,
        user,
        isMember: (account) => account.role === 'adult_services' && account.agencyId === handover.toAgencyId,
      };
    }
    case 'review': {
      const access = await notFoundAs(reviewOfRequest(c, subjectId), noSuchThread);
      const invited = new Set(access.review.invitations.filter((i) => !i.withdrawnAt).map((i) => i.userId));
      return {
        key: { kind, subjectId, youngPersonId: access.person.id },
        person: access.person,
        user,
        isMember: (account) => invited.has(account.id),
      };
    }
  }
}

/**
 * Who a new message in this thread goes to: its members who may see the record now, the young
 * person's named worker (or, with none, their area's team managers), and anyone who has written
 * in it before and may still see it.
 */
export async function recipientsOf(c: Context<AppEnv>, thread: ThreadAccess): Promise<string[]> {
  const services = c.get('services');
  const { db } = services;
  const day = today(services);
  const authors = new Set(await threadAuthors(db, thread.key));
  const around = await accountsAround(db, thread.person);
  const named = thread.person.namedWorkerId;
  const recipients: string[] = [];
  for (const account of around) {
    const isLead = named ? account.id === named : account.role === 'team_manager';
    if (!isLead && !authors.has(account.id) && !thread.isMember(account)) continue;
    if (await canSeeYoungPerson(db, account, thread.person, day)) recipients.push(account.id);
  }
  return recipients;
}
