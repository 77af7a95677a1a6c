import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  displayName,
  postMessage,
  readThread,
  threadMessages,
  THREAD_KINDS,
  unreadThreads,
  type MessageWithReads,
} from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { recipientsOf, threadOfRequest, type ThreadAccess } from '../messages/thread-access.ts';
import { errorResponses, json } from './schemas.ts';

const ZMessage = z
  .object({
    id: z.string(),
    authorName: z.string(),
    authorRole: z.string(),
    isMine: z.boolean(),
    body: z.string(),
    sentAt: z.string(),
    readBy: z
      .array(z.object({ name: z.string(), readAt: z.string() }))
      .openapi({ description: 'Who has read it (the author aside), and when they first did' }),
  })
  .openapi('Message');

const ZThread = z
  .object({
    kind: z.enum(THREAD_KINDS),
    subjectId: z.string(),
    youngPersonId: z.string(),
    youngPersonName: z.string(),
    messages: z.array(ZMessage),
  })
  .openapi('MessageThread');

const ZThreadParam = z.object({
  kind: z.enum(THREAD_KINDS).openapi({ param: { name: 'kind', in: 'path' } }),
  subjectId: z.uuid().openapi({
    param: { name: 'subjectId', in: 'path' },
    description: 'The young person (family, team), the handover or the review',
  }),
});

const inbox = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listUnreadConversations',
  tags: ['Messages'],
  summary: 'Conversations with messages for you that you have not read (newest first), and how many',
  middleware: [requireRole()] as const,
  responses: {
    200: json(
      z.object({
        unread: z.number().int(),
        threads: z.array(
          z.object({
            kind: z.enum(THREAD_KINDS),
            subjectId: z.string(),
            youngPersonId: z.string(),
            youngPersonName: z.string(),
            unread: z.number().int(),
            lastSentAt: z.string(),
            lastAuthorName: z.string(),
          }),
        ),
      }),
      'Unread conversations',
    ),
    ...errorResponses(401),
  },
});

const read = createRoute({
  method: 'get',
  path: '/{kind}/{subjectId}',
  operationId: 'getConversation',
  tags: ['Messages'],
  summary: 'A conversation (marking it read): about a young person (family, team), a handover or a review',
  middleware: [requireRole()] as const,
  request: { params: ZThreadParam },
  responses: { 200: json(ZThread, 'The messages, oldest first'), ...errorResponses(400, 401, 404) },
});

const send = createRoute({
  method: 'post',
  path: '/{kind}/{subjectId}/messages',
  operationId: 'sendMessage',
  tags: ['Messages'],
  summary: 'Write in a conversation; its people are told (by e-mail, naming nobody and saying nothing of it)',
  middleware: [requireRole()] as const,
  request: {
    params: ZThreadParam,
    body: {
      content: { 'application/json': { schema: z.object({ body: z.string().trim().min(1).max(5000) }).strict() } },
      required: true,
    },
  },
  responses: { 201: json(ZThread, 'Sent; the conversation'), ...errorResponses(400, 401, 404) },
});

function presentMessage(message: MessageWithReads, userId: string) {
  return {
    id: message.id,
    authorName: message.authorName,
    authorRole: message.authorRole,
    isMine: message.authorId === userId,
    body: message.body,
    sentAt: message.sentAt.toISOString(),
    readBy: message.reads
      .filter((r) => r.userId !== message.authorId)
      .map((r) => ({ name: r.user.name, readAt: r.readAt.toISOString() })),
  };
}

/** The conversation as the caller sees it, once they have read it. */
async function threadAnswer(c: Context<AppEnv>, thread: ThreadAccess) {
  const { db, now } = c.get('services');
  await readThread(db, { userId: thread.user.id, role: thread.user.role }, thread.key, now());
  const messages = await threadMessages(db, thread.key);
  return {
    ...thread.key,
    youngPersonName: displayName(thread.person),
    messages: messages.map((message) => presentMessage(message, thread.user.id)),
  };
}

/** Mounted at `/api/messages` (see app.ts). */
export const messageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(inbox, async (c) => {
    const user = signedInUser(c);
    const threads = [];
    // A message is only for someone who may still see what it is about (an agreement withdrawn, a link ended).
    for (const unread of await unreadThreads(c.get('services').db, user.id)) {
      const access = await threadOfRequest(c, unread.kind, unread.subjectId).catch((error: unknown) => {
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return null;
        throw error;
      });
      if (!access) continue;
      threads.push({
        ...unread,
        youngPersonName: displayName(access.person),
        lastSentAt: unread.lastSentAt.toISOString(),
      });
    }
    return c.json({ unread: threads.reduce((sum, thread) => sum + thread.unread, 0), threads }, 200);
  })
  .openapi(read, async (c) => {
    const { kind, subjectId } = c.req.valid('param');
    return c.json(await threadAnswer(c, await threadOfRequest(c, kind, subjectId)), 200);
  })
  .openapi(send, async (c) => {
    const { kind, subjectId } = c.req.valid('param');
    const thread = await threadOfRequest(c, kind, subjectId);
    const services = c.get('services');
    await postMessage(services.db, {
      actor: { userId: thread.user.id, role: thread.user.role, name: thread.user.name },
      key: thread.key,
      body: c.req.valid('json').body,
      recipientIds: await recipientsOf(c, thread),
      now: services.now(),
    });
    return c.json(await threadAnswer(c, thread), 201);
  });
