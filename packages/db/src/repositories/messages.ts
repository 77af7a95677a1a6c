import type { Message, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor, type Tx } from './actor.ts';

/**
 * The conversations about a young person: `family` (the young person, their family and their
 * area's staff), `team` (the area's staff and the other agencies linked to them), and one per
 * handover and per review (those who may see it).
 */
export const THREAD_KINDS = ['family', 'team', 'handover', 'review'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** A thread's key: its kind and what it is about (the young person, the handover or the review). */
export type ThreadKey = { kind: ThreadKind; subjectId: string; youngPersonId: string };

/** A message with who has read it, and when they first did. */
export type MessageWithReads = Message & { reads: { userId: string; readAt: Date; user: { name: string } }[] };

/** The messages of a thread, oldest first, with their reads (none if nobody has written yet). */
export async function threadMessages(db: PrismaClient, key: ThreadKey): Promise<MessageWithReads[]> {
  return db.message.findMany({
    where: { thread: { kind: key.kind, subjectId: key.subjectId } },
    include: { reads: { include: { user: { select: { name: true } } }, orderBy: { readAt: 'asc' } } },
    orderBy: [{ sentAt: 'asc' }, { number: 'asc' }],
    take: 1000,
  });
}

/** Everyone who has written in a thread (the circle a reply goes to, with its usual members). */
export async function threadAuthors(db: PrismaClient, key: ThreadKey): Promise<string[]> {
  const rows = await db.message.findMany({
    where: { thread: { kind: key.kind, subjectId: key.subjectId }, authorId: { not: null } },
    select: { authorId: true },
    distinct: ['authorId'],
  });
  return rows.flatMap((row) => (row.authorId ? [row.authorId] : []));
}

/** A new message: who writes, in which thread, what, and for whom. */
export type NewMessage = {
  actor: Actor & { userId: string; name: string };
  key: ThreadKey;
  body: string;
  recipientIds: readonly string[];
  now: Date;
};

/**
 * Adds a message to a thread (starting the thread with its first message), for these
 * recipients, read by its author; audited in the same transaction.
 */
export function postMessage(db: PrismaClient, message: NewMessage): Promise<Message> {
  return db.$transaction((tx) => postMessageIn(tx, message));
}

/** `postMessage` inside a caller's transaction (a handover's question moves the handover too). */
export async function postMessageIn(tx: Tx, { actor, key, body, recipientIds, now }: NewMessage): Promise<Message> {
  const thread = await tx.messageThread.upsert({
    where: { kind_subjectId: { kind: key.kind, subjectId: key.subjectId } },
    create: { kind: key.kind, subjectId: key.subjectId, youngPersonId: key.youngPersonId },
    update: {},
  });
  const message = await tx.message.create({
    data: {
      threadId: thread.id,
      authorId: actor.userId,
      authorName: actor.name,
      authorRole: actor.role,
      body,
      recipientIds: [...new Set(recipientIds)].filter((id) => id !== actor.userId),
      sentAt: now,
      reads: { create: { userId: actor.userId, readAt: now } },
    },
  });
  await audit(tx, actor, {
    action: 'create',
    entityType: 'Message',
    entityId: message.id,
    youngPersonId: key.youngPersonId,
    detail: { thread: key.kind },
  });
  return message;
}

/** Marks every message of a thread read by this person (the first reading is kept), and audits the read. */
export async function readThread(db: PrismaClient, actor: Actor & { userId: string }, key: ThreadKey, now: Date) {
  const unread = await db.message.findMany({
    where: {
      thread: { kind: key.kind, subjectId: key.subjectId },
      reads: { none: { userId: actor.userId } },
    },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    if (unread.length > 0)
      await tx.messageRead.createMany({
        data: unread.map((message) => ({ messageId: message.id, userId: actor.userId, readAt: now })),
        skipDuplicates: true,
      });
    await audit(tx, actor, {
      action: 'read',
      entityType: 'MessageThread',
      entityId: key.subjectId,
      youngPersonId: key.youngPersonId,
      detail: { thread: key.kind },
    });
  });
}

/** A thread someone has unread messages in (the caller checks they may still see it). */
export type UnreadThread = ThreadKey & {
  unread: number;
  lastSentAt: Date;
  lastAuthorName: string;
};

/** The threads with messages for this person that they have not read, newest first. */
export async function unreadThreads(db: PrismaClient, userId: string): Promise<UnreadThread[]> {
  const messages = await db.message.findMany({
    where: { recipientIds: { has: userId }, reads: { none: { userId } } },
    include: { thread: true },
    orderBy: [{ sentAt: 'desc' }, { number: 'desc' }],
    take: 2000,
  });
  const threads = new Map<string, UnreadThread>();
  for (const { thread, sentAt, authorName } of messages) {
    const seen = threads.get(thread.id);
    if (seen) seen.unread += 1;
    else
      threads.set(thread.id, {
        kind: thread.kind as ThreadKind,
        subjectId: thread.subjectId,
        youngPersonId: thread.youngPersonId,
        unread: 1,
        lastSentAt: sentAt,
        lastAuthorName: authorName,
      });
  }
  return [...threads.values()];
}

/** Someone with unread messages to be told of, and when they were last told. */
export type PersonToTell = { id: string; email: string; name: string; emailedAt: Date | null };

/**
 * People who have had a message for them, unread, for at least `batchMinutes` and have not
 * been e-mailed since it came: each gets one e-mail for everything that arrived since.
 */
export async function peopleToTellOfMessages(
  db: PrismaClient,
  now: Date,
  batchMinutes: number,
): Promise<PersonToTell[]> {
  const before = new Date(now.getTime() - batchMinutes * 60_000);
  return db.$queryRaw<PersonToTell[]>`
    SELECT DISTINCT u.id, u.email, u.name, u."messagesEmailedAt" AS "emailedAt"
      FROM "Message" m
      JOIN "User" u ON u.id = ANY(m."recipientIds")
     WHERE m."sentAt" <= ${before}
       AND m."sentAt" > coalesce(u."messagesEmailedAt", '-infinity'::timestamptz)
       AND u."disabledAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "MessageRead" r WHERE r."messageId" = m.id AND r."userId" = u.id)
     LIMIT 500`;
}

/**
 * Claims the e-mail to someone about their new messages: true for the one process that moves
 * their "last told" on from what it read (so two processes never send it twice).
 */
export async function claimMessageNotice(db: PrismaClient, person: PersonToTell, now: Date): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: person.id, messagesEmailedAt: person.emailedAt },
    data: { messagesEmailedAt: now },
  });
  return count === 1;
}
