import type { PrismaClient } from '@pathways/db';
import { isEventType, pathwayOfEvent } from '@pathways/engine';

/**
 * What an adult agency may see of a young person's record, each part agreed separately (by
 * the young person from 16, subject to capacity; by a parent before):
 * - `handover`: that they are coming, the handover pack and who they are (needed for any access);
 * - `plan`: milestones, pathway states and the event log, apart from health;
 * - `health`: health and palliative milestones and events (special category data);
 * - `goals`: their goals, progress notes and "about me".
 */
export const SHARING_SCOPES = ['handover', 'plan', 'health', 'goals'] as const;
export type SharingScope = (typeof SHARING_SCOPES)[number];

/** Consent scopes that are not agency sharing. */
export const FAMILY_ACCESS = 'family_access';

/** Pathways whose milestones and events are health data: shared only with `health` consent. */
const HEALTH_PATHWAYS: readonly string[] = ['health', 'palliative'];

/** Whether a pathway's milestones and events are health data. */
export function isHealthPathway(pathway: string): boolean {
  return HEALTH_PATHWAYS.includes(pathway);
}

/** Whether an event (by its type) belongs to a health pathway; events for every pathway (a death) do not. */
export function isHealthEvent(type: string): boolean {
  return isEventType(type) && isHealthPathway(pathwayOfEvent(type));
}

/** Of these young people, those who agree now to share their handover with the agency (one query, for an inbox). */
export async function sharingHandoverWith(db: PrismaClient, youngPersonIds: string[], agencyId: string): Promise<Set<string>> {
  const consents = await db.consent.findMany({
    where: { youngPersonId: { in: youngPersonIds }, withdrawnAt: null, scope: 'handover', OR: [{ agencyId }, { agencyId: null }] },
    select: { youngPersonId: true },
  });
  return new Set(consents.map((consent) => consent.youngPersonId));
}

/** The parts of a young person's record an agency may see now: consents to it or to every agency, not withdrawn. */
export async function scopesSharedWith(db: PrismaClient, youngPersonId: string, agencyId: string): Promise<Set<SharingScope>> {
  const consents = await db.consent.findMany({
    where: { youngPersonId, withdrawnAt: null, scope: { in: [...SHARING_SCOPES] }, OR: [{ agencyId }, { agencyId: null }] },
    select: { scope: true },
  });
  return new Set(consents.map((consent) => consent.scope as SharingScope));
}
