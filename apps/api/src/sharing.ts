import {
  agreementsWith,
  SHARING_SCOPES,
  type DocumentType,
  type PrismaClient,
  type SharingScope,
  type YoungPerson,
} from '@pathways/db';
import { isEventType, pathwayOfEvent, type Plan } from '@pathways/engine';

/**
 * What an adult agency may see of a young person's record, each part agreed separately (by
 * the young person from 16, subject to capacity; by a parent before):
 * - `handover`: that they are coming, the handover pack and who they are (needed for any access);
 * - `plan`: milestones, pathway states and the event log, apart from health;
 * - `health`: health and palliative milestones and events, and the health facts of the record
 *   (special category data);
 * - `goals`: their goals, progress notes and "about me".
 */
export { FAMILY_ACCESS, SHARING_SCOPES, type SharingScope } from '@pathways/db';
export type VisibleParts = ReadonlySet<SharingScope>;

/** Every part: what the young person, their family and their area's staff see. */
export const ALL_PARTS: VisibleParts = new Set(SHARING_SCOPES);

/** Pathways whose milestones and events are health data: shared only with `health` consent. */
const HEALTH_PATHWAYS: readonly string[] = ['health', 'palliative'];

/**
 * Facts on the record that are health data (UK GDPR art. 9): a diagnosis, a disability, a
 * doubt about capacity, a disability benefit. Shown to an agency only with `health` consent.
 */
export const HEALTH_FACTS = [
  'lifeLimitingCondition',
  'complexHealthNeeds',
  'learningDisability',
  'mayLackCapacity',
  'receivesDisabilityLivingAllowance',
  'usesChildrensHealthServices',
  'usesChildrensMentalHealthServices',
] as const;

/** Whether a pathway's milestones and events are health data. */
function isHealthPathway(pathway: string): boolean {
  return HEALTH_PATHWAYS.includes(pathway);
}

/** Whether an event (by its type) belongs to a health pathway; events for every pathway (a death) do not. */
function isHealthEvent(type: string): boolean {
  return isEventType(type) && isHealthPathway(pathwayOfEvent(type));
}

/** Whether a pathway's milestones, states and events are within these parts. */
export function pathwayVisible(parts: VisibleParts, pathway: string): boolean {
  return isHealthPathway(pathway) ? parts.has('health') : parts.has('plan');
}

/**
 * The parts of each of these young people's records an agency may see now: agreements to it
 * or to every agency, not withdrawn (one query, for an inbox or a calendar feed).
 */
export async function partsSharedWith(
  db: PrismaClient,
  youngPersonIds: readonly string[],
  agencyId: string,
): Promise<Map<string, Set<SharingScope>>> {
  const consents = await agreementsWith(db, youngPersonIds, agencyId, SHARING_SCOPES);
  const parts = new Map<string, Set<SharingScope>>(youngPersonIds.map((id) => [id, new Set()]));
  for (const consent of consents) parts.get(consent.youngPersonId)?.add(consent.scope as SharingScope);
  return parts;
}

/** The parts of one young person's record an agency may see now. */
export async function scopesSharedWith(
  db: PrismaClient,
  youngPersonId: string,
  agencyId: string,
): Promise<Set<SharingScope>> {
  return (await partsSharedWith(db, [youngPersonId], agencyId)).get(youngPersonId) ?? new Set();
}

/** The record as these parts allow: health facts only with `health`, "about me" only with `goals`. */
export function recordWithin<
  T extends Pick<YoungPerson, 'aboutMe'> & Partial<Record<(typeof HEALTH_FACTS)[number], boolean>>,
>(record: T, parts: VisibleParts): T {
  const shown: Record<string, unknown> = { ...record };
  if (!parts.has('health')) for (const fact of HEALTH_FACTS) delete shown[fact];
  if (!parts.has('goals')) shown.aboutMe = null;
  return shown as T;
}

/** The plan as these parts allow: only the pathways (and their refused events) within them. */
export function planWithin(plan: Plan, parts: VisibleParts): Plan {
  if (parts.has('plan') && parts.has('health')) return plan;
  return {
    ...plan,
    milestones: plan.milestones.filter((milestone) => pathwayVisible(parts, milestone.pathway)),
    pathways: plan.pathways.filter((pathway) => pathwayVisible(parts, pathway.pathway)),
    rejectedEvents: plan.rejectedEvents.filter((event) => eventVisible(parts, event.type)),
  };
}

/** Whether an event of this type is within these parts (events for every pathway go with the plan). */
export function eventVisible(parts: VisibleParts, type: string): boolean {
  return isHealthEvent(type) ? parts.has('health') : parts.has('plan');
}

/**
 * The part of the record each kind of document belongs to: an advance care plan and a hospital
 * passport are health data; an EHC plan, advice, letters and anything else go with the plan.
 */
const DOCUMENT_PART: Record<DocumentType, SharingScope> = {
  ehc_plan: 'plan',
  advice_report: 'plan',
  advance_care_plan: 'health',
  hospital_passport: 'health',
  letter: 'plan',
  other: 'plan',
};

/**
 * Whether a document is within these parts: its kind's part, and (for one added to a review)
 * the part of the plan the review belongs to.
 */
export function documentVisible(parts: VisibleParts, type: string, reviewPathway?: string | null): boolean {
  const part = DOCUMENT_PART[type as DocumentType] ?? 'plan';
  return parts.has(part) && (!reviewPathway || pathwayVisible(parts, reviewPathway));
}

/** Kinds of service a referral to which says something about the young person's health. */
const HEALTH_TOPICS: readonly string[] = ['health', 'mental_health'];

/**
 * Whether a referral is within these parts: one to a health or mental health service is health
 * data (its service and reason tell of their health); any other goes with the plan.
 */
export function referralVisible(parts: VisibleParts, referral: { service: { topics: readonly string[] } }): boolean {
  return referral.service.topics.some((topic) => HEALTH_TOPICS.includes(topic))
    ? parts.has('health')
    : parts.has('plan');
}
