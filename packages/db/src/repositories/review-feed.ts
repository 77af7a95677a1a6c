import type { PrismaClient } from '../generated/prisma/client.ts';
import { dateColumn } from './young-person-profile.ts';

const NAMES = { select: { id: true, givenName: true, familyName: true, preferredName: true } } as const;

/**
 * What a person's calendar feed carries of reviews up to `dueBy`: the meetings they are
 * invited to that are still to happen, and the actions they (or their agency) own that are
 * not done. The caller keeps those about young people it may still see.
 */
export async function reviewFeedItems(
  db: PrismaClient,
  options: { userId: string; agencyId: string | null; today: string; dueBy: string },
) {
  const [meetings, actions] = await Promise.all([
    db.reviewInvitation.findMany({
      where: {
        userId: options.userId,
        withdrawnAt: null,
        review: {
          status: 'planned',
          meetingDate: { gte: dateColumn(options.today), lte: dateColumn(options.dueBy) },
        },
      },
      include: { review: { include: { youngPerson: NAMES } } },
    }),
    db.reviewAction.findMany({
      where: {
        OR: [{ ownerUserId: options.userId }, ...(options.agencyId ? [{ ownerAgencyId: options.agencyId }] : [])],
        status: { not: 'done' },
        dueOn: { lte: dateColumn(options.dueBy) },
      },
      include: { youngPerson: NAMES },
    }),
  ]);
  return { meetings: meetings.map((invitation) => invitation.review), actions };
}
