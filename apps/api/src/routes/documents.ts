import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AppError,
  auditDocumentRead,
  auditList,
  CONTRIBUTOR_ROLES,
  DOCUMENT_TYPES,
  documentContent,
  findReview,
  listDocuments,
  removeDocument,
  storeDocument,
  type DocumentWithReview,
} from '@pathways/db';
import { canChangeYoungPerson, recordOfRequest, STAFF_ROLES, type RequestRecord } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { requireRole } from '../auth/middleware.ts';
import { documentOfRequest, mayRemoveDocument, maySeeDocument, reviewPathwayOf } from '../documents/document-access.ts';
import { contentDisposition, PREVIEWABLE, receiveFile, safeFileName } from '../documents/upload.ts';
import { validationHook } from '../errors.ts';
import { isPlainText } from '../input-guard.ts';
import { documentVisible } from '../sharing.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

/** Who adds documents: the area's staff, other agencies' staff linked to the young person, and the young person and their family. */
const UPLOADERS = [...STAFF_ROLES, ...CONTRIBUTOR_ROLES, 'young_person', 'parent_carer'] as const;

export const ZDocument = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    reviewId: z.string().nullable(),
    handoverId: z.string().nullable(),
    type: z.enum(DOCUMENT_TYPES),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string().openapi({ description: 'What its content is (by its magic bytes), not what it was called' }),
    byteSize: z.number().int(),
    addedByName: z.string(),
    addedByRole: z.string(),
    addedAt: z.string(),
    canPreview: z.boolean().openapi({ description: 'A PDF or picture the browser can show in place' }),
    canRemove: z.boolean(),
  })
  .openapi('Document');

function present(document: DocumentWithReview, access: RequestRecord) {
  return {
    id: document.id,
    youngPersonId: document.youngPersonId,
    reviewId: document.reviewId,
    handoverId: document.handoverId,
    type: document.type as (typeof DOCUMENT_TYPES)[number],
    title: document.title,
    fileName: document.fileName,
    mediaType: document.mediaType,
    byteSize: document.byteSize,
    addedByName: document.addedByName,
    addedByRole: document.addedByRole,
    addedAt: document.createdAt.toISOString(),
    canPreview: PREVIEWABLE.has(document.mediaType),
    canRemove: mayRemoveDocument(access, document),
  };
}

const ZDocumentParam = z.object({ documentId: z.uuid().openapi({ param: { name: 'documentId', in: 'path' } }) });
const ZOnly = z.object({ reviewId: z.uuid().optional(), handoverId: z.uuid().optional() });

const list = createRoute({
  method: 'get',
  path: '/{id}/documents',
  operationId: 'listDocuments',
  tags: ['Documents'],
  summary: 'A young person’s documents you may see (newest first), perhaps of one type, review or handover',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, query: ZOnly.extend({ type: z.enum(DOCUMENT_TYPES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ZDocument) }), 'Documents'), ...errorResponses(400, 401, 404) },
});

const upload = createRoute({
  method: 'post',
  path: '/{id}/documents',
  operationId: 'uploadDocument',
  tags: ['Documents'],
  summary:
    'Add a document: the file itself is the body (any Content-Type; its kind is judged by its content), its name in X-File-Name (percent-encoded)',
  middleware: [requireRole(...UPLOADERS)] as const,
  request: {
    params: ZIdParam,
    // The body is a file, so the app-wide check of text for control characters is skipped for this
    // path: the title is checked here (the file's name is cleaned of them).
    query: ZOnly.extend({
      type: z.enum(DOCUMENT_TYPES),
      title: z.string().trim().min(1).max(200).refine(isPlainText, 'must not contain control characters'),
    }),
    headers: z.object({ 'x-file-name': z.string().max(1000).optional() }),
    body: {
      required: true,
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: {
    201: json(ZDocument, 'Kept'),
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
});

const content = createRoute({
  method: 'get',
  path: '/{documentId}/content',
  operationId: 'getDocumentContent',
  tags: ['Documents'],
  summary:
    'The file, as an attachment; `view=inline` shows a PDF or picture in place (sandboxed). Every download is audited',
  middleware: [requireRole()] as const,
  request: {
    params: ZDocumentParam,
    query: z.object({ view: z.enum(['inline', 'attachment']).default('attachment') }),
  },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{documentId}',
  operationId: 'removeDocument',
  tags: ['Documents'],
  summary: 'Remove a document (the area’s staff, or whoever added it)',
  middleware: [requireRole()] as const,
  request: { params: ZDocumentParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
});

/**
 * Refuses an upload the caller may not make: a type of document in a part of the record they
 * may not see, a review of another young person or in a part of the plan they may not see, or
 * (for anyone but the area's staff) a document for a handover.
 */
async function requireMayAdd(access: RequestRecord, type: string, only: { reviewId?: string; handoverId?: string }) {
  const review = only.reviewId
    ? await findReview(access.services.db, only.reviewId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      })
    : null;
  if (only.reviewId && review?.youngPersonId !== access.person.id)
    throw new AppError('invalid', 'reviewId: no such review of this young person', { field: 'reviewId' });
  if (!documentVisible(access.parts, type, reviewPathwayOf(review, access.person.jurisdiction)))
    throw new AppError(
      'forbidden',
      'The young person has not agreed to share this kind of document with your service.',
      {
        field: 'type',
      },
    );
  if (only.handoverId && !canChangeYoungPerson(access.user, access.person))
    throw new AppError('forbidden', 'Only the young person’s area’s staff add documents to a handover.', {
      field: 'handoverId',
    });
}

/** Mounted at `/api/young-people` (see app.ts). */
export const youngPersonDocumentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { type, ...only } = c.req.valid('query');
    const found = await listDocuments(access.services.db, access.person.id, only);
    const items = found.filter((document) => (!type || document.type === type) && maySeeDocument(access, document));
    await auditList(access.services.db, actorOf(access), 'Document', [access.person.id], { count: items.length });
    return c.json({ items: items.map((document) => present(document, access)) }, 200);
  })
  .openapi(upload, async (c) => {
    const access = await recordOfRequest(c, c.req.valid('param').id);
    const { type, title, ...only } = c.req.valid('query');
    await requireMayAdd(access, type, only);
    const file = await receiveFile(c.req.raw.body);
    try {
      const stored = await storeDocument(
        access.services.db,
        actorOf(access),
        {
          youngPersonId: access.person.id,
          reviewId: only.reviewId ?? null,
          handoverId: only.handoverId ?? null,
          type,
          title,
          fileName: safeFileName(c.req.valid('header')['x-file-name']),
          mediaType: file.mediaType,
          byteSize: file.byteSize,
          sha256: file.sha256,
          addedByName: access.user.name,
        },
        file.pieces(),
      );
      return c.json(present({ ...stored, review: null }, access), 201);
    } finally {
      await file.discard();
    }
  });

/** Mounted at `/api/documents` (see app.ts). */
export const documentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(content, async (c) => {
    const access = await documentOfRequest(c, c.req.valid('param').documentId);
    const { document } = access;
    const inline = c.req.valid('query').view === 'inline' && PREVIEWABLE.has(document.mediaType);
    await auditDocumentRead(access.services.db, actorOf(access), document, inline ? 'preview' : 'download');
    const pieces = documentContent(access.services.db, document.id);
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await pieces.return(undefined);
      },
    });
    c.header('Content-Type', document.mediaType);
    c.header('Content-Length', String(document.byteSize));
    c.header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', document.fileName));
    c.header('X-Content-Type-Options', 'nosniff');
    // Shown in place, a file may run nothing and reach nothing (a PDF's scripts, say).
    if (inline)
      c.header('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    return c.body(stream, 200);
  })
  .openapi(remove, async (c) => {
    const access = await documentOfRequest(c, c.req.valid('param').documentId);
    if (!mayRemoveDocument(access, access.document))
      throw new AppError('forbidden', 'Only the area’s staff, or whoever added it, can remove a document.');
    await removeDocument(access.services.db, actorOf(access), access.document);
    return c.body(null, 204);
  });

const actorOf = (access: RequestRecord) => ({ userId: access.user.id, role: access.user.role });
