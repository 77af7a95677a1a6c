import { AppError } from '../errors.ts';
import type { Document, PrismaClient } from '../generated/prisma/client.ts';
import { audit, type Actor } from './actor.ts';

/** What a document is: it decides who else may see it (see the API's sharing rules). */
export const DOCUMENT_TYPES = [
  'ehc_plan',
  'advice_report',
  'advance_care_plan',
  'hospital_passport',
  'letter',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The largest piece of content kept in one row: a download reads one at a time. */
export const CHUNK_BYTES = 256 * 1024;

/** A new document's facts, all checked by the caller (the content's type by its magic bytes). */
export type NewDocument = {
  youngPersonId: string;
  reviewId?: string | null;
  handoverId?: string | null;
  type: DocumentType;
  title: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  addedByName: string;
};

/**
 * Keeps a document and its content, piece by piece, in one transaction: a failure part way
 * leaves no row and no piece. The review or handover it is for must be the young person's own.
 */
export async function storeDocument(
  db: PrismaClient,
  actor: Actor,
  document: NewDocument,
  content: AsyncIterable<Uint8Array>,
): Promise<Document> {
  const { youngPersonId, reviewId, handoverId } = document;
  if (reviewId && !(await db.review.findFirst({ where: { id: reviewId, youngPersonId } })))
    throw new AppError('invalid', 'reviewId: no such review of this young person', { field: 'reviewId' });
  if (handoverId && !(await db.handover.findFirst({ where: { id: handoverId, youngPersonId } })))
    throw new AppError('invalid', 'handoverId: no such handover of this young person', { field: 'handoverId' });
  // A 20 MB file is some eighty pieces: more than the default five seconds on a busy machine.
  return db.$transaction(
    async (tx) => {
      const created = await tx.document.create({
        data: { ...document, addedById: actor.userId, addedByRole: actor.role },
      });
      let seq = 0;
      for await (const bytes of content) {
        await tx.documentChunk.create({ data: { documentId: created.id, seq, bytes: new Uint8Array(bytes) } });
        seq += 1;
      }
      await audit(tx, actor, { action: 'upload', entityType: 'Document', entityId: created.id, youngPersonId });
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** A document's facts with the kind of review it is for (which decides who may see it). */
export type DocumentWithReview = Document & { review: { kind: string } | null };
const WITH_REVIEW = { review: { select: { kind: true } } } as const;

/** A young person's documents (newest first), perhaps only those for one review or handover. */
export function listDocuments(
  db: PrismaClient,
  youngPersonId: string,
  only: { reviewId?: string; handoverId?: string } = {},
): Promise<DocumentWithReview[]> {
  return db.document.findMany({
    where: { youngPersonId, ...only },
    include: WITH_REVIEW,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}

/** One document's facts, or `not_found`. */
export async function findDocument(db: PrismaClient, id: string): Promise<DocumentWithReview> {
  const found = await db.document.findUnique({ where: { id }, include: WITH_REVIEW });
  if (!found) throw new AppError('not_found', 'No such document.');
  return found;
}

/** A document's content, one piece at a time (never the whole file in memory). */
export async function* documentContent(db: PrismaClient, documentId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.documentChunk.findUnique({ where: { documentId_seq: { documentId, seq } } });
    if (!chunk) return;
    yield chunk.bytes;
  }
}

/** Audits a download or preview of a document (every read is on record). */
export async function auditDocumentRead(
  db: PrismaClient,
  actor: Actor,
  document: Document,
  action: 'download' | 'preview',
): Promise<void> {
  await audit(db, actor, {
    action,
    entityType: 'Document',
    entityId: document.id,
    youngPersonId: document.youngPersonId,
  });
}

/** Removes a document and its content (staff of the area, or whoever added it). */
export async function removeDocument(db: PrismaClient, actor: Actor, document: Document): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.document.delete({ where: { id: document.id } });
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'Document',
      entityId: document.id,
      youngPersonId: document.youngPersonId,
    });
  });
}
