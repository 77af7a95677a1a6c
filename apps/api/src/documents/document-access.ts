import { AppError, findDocument, listDocuments, type DocumentWithReview, type PrismaClient } from '@pathways/db';
import { reviewKindOf } from '@pathways/engine';
import type { Context } from 'hono';
import { canChangeYoungPerson, notFoundAs, recordOfRequest, type RequestRecord } from '../access.ts';
import type { AppEnv } from '../app-env.ts';
import { documentVisible, type VisibleParts } from '../sharing.ts';

/** The part of the plan a review (a document's, if it is for one) belongs to. */
export function reviewPathwayOf(review: { kind: string } | null, jurisdiction: string): string | null {
  return review ? (reviewKindOf(jurisdiction, review.kind)?.pathway ?? null) : null;
}

/** A young person's documents within these parts (what an agency may see, for a handover pack or an export). */
export async function documentsWithin(
  db: PrismaClient,
  person: { id: string; jurisdiction: string },
  parts: VisibleParts,
): Promise<DocumentWithReview[]> {
  return (await listDocuments(db, person.id)).filter((document) =>
    documentVisible(parts, document.type, reviewPathwayOf(document.review, person.jurisdiction)),
  );
}

/** Whether this caller may see this document of a record they may see. */
export function maySeeDocument(access: RequestRecord, document: DocumentWithReview): boolean {
  return documentVisible(access.parts, document.type, reviewPathwayOf(document.review, access.person.jurisdiction));
}

/** Whether this caller may remove a document: the area's staff, or whoever added it. */
export function mayRemoveDocument(access: RequestRecord, document: DocumentWithReview): boolean {
  return canChangeYoungPerson(access.user, access.person) || document.addedById === access.user.id;
}

/**
 * The document a request is about, through the one decision about its young person
 * (`recordOfRequest`) and then the part of the record the document belongs to: anyone who may
 * not see it is told there is no such document.
 */
export async function documentOfRequest(
  c: Context<AppEnv>,
  documentId: string,
): Promise<RequestRecord & { document: DocumentWithReview }> {
  const document = await findDocument(c.get('services').db, documentId);
  const access = await notFoundAs(
    recordOfRequest(c, document.youngPersonId),
    () => new AppError('not_found', 'No such document.'),
  );
  if (!maySeeDocument(access, document)) throw new AppError('not_found', 'No such document.');
  return { ...access, document };
}
