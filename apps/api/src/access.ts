import {
  AppError,
  findAgency,
  findYoungPerson,
  hasFamilyAccessAgreement,
  hasHandoverSentTo,
  isContributorRole,
  isLinkedCarer,
  isLinkedContributor,
  isoDay,
  ownRecord,
  youngPeopleLinkedToCarer,
  type PrismaClient,
  type YoungPerson,
  type SessionUser,
} from '@pathways/db';
import {
  birthday,
  isEventType,
  pathwayOfEvent,
  PATHWAYS,
  pathwaysLedBy,
  RULE_PACKS,
  type Jurisdiction,
  type Pathway,
} from '@pathways/engine';
import type { Context } from 'hono';
import { today, type AppEnv, type AppServices } from './app-env.ts';
import { signedInUser } from './auth/middleware.ts';
import {
  ALL_PARTS,
  eventVisible,
  pathwayVisible,
  scopesSharedWith,
  type SharingScope,
  type VisibleParts,
} from './sharing.ts';

export const STAFF_ROLES = ['transition_worker', 'team_manager'] as const;

/** Matches no area or agency: an account not attached to one sees nothing, rather than everything. */
export const NOWHERE = '00000000-0000-0000-0000-000000000000';

/**
 * Whether a user may see this young person's record, by role and relationship:
 * - transition workers and team managers: young people of their own local area;
 * - the young person: only their own plan;
 * - a parent or carer: a young person they are linked to, while under 16, and from 16 only
 *   with the young person's consent to family access (Mental Capacity Act: capacity presumed);
 * - adult services: only a young person whose handover has been sent to their agency, while
 *   the young person (or their parent) agrees to share it with them (see `sharing.ts`);
 * - other agencies' staff (a school's SEN coordinator, health, social care, others): a young
 *   person the area's staff linked them to, of their agency's own area, while the young person
 *   agrees to share some part of their record with that agency (what they see of it follows
 *   each part's agreement, as for adult services);
 * - commissioners and administrators: never (aggregates and the directory only).
 */
export async function canSeeYoungPerson(
  db: PrismaClient,
  user: SessionUser,
  person: YoungPerson,
  today: string,
): Promise<boolean> {
  switch (user.role) {
    case 'transition_worker':
    case 'team_manager':
      return user.areaId === person.areaId;
    case 'young_person':
      return user.youngPersonId === person.id;
    case 'parent_carer': {
      if (!(await isLinkedCarer(db, user.id, person.id))) return false;
      if (today < birthday(isoDay(person.dateOfBirth), person.jurisdiction, 16)) return true;
      return hasFamilyAccessAgreement(db, person.id);
    }
    case 'adult_services':
      // A handover sent to their agency, which must serve the young person's own area.
      return (
        user.agencyId !== null &&
        (await hasHandoverSentTo(db, person, user.agencyId)) &&
        (await scopesSharedWith(db, person.id, user.agencyId)).has('handover')
      );
    default:
      if (!isContributorRole(user.role) || user.agencyId === null) return false;
      return (
        user.areaId === person.areaId &&
        (await isLinkedContributor(db, user.id, person.id)) &&
        (await scopesSharedWith(db, person.id, user.agencyId)).size > 0
      );
  }
}

/** Those of these young people a user may see today (a list of their own: linked, in care of, handed over). */
export async function visibleAmong(
  db: PrismaClient,
  user: SessionUser,
  people: readonly YoungPerson[],
  today: string,
): Promise<YoungPerson[]> {
  const visible: YoungPerson[] = [];
  for (const person of people) if (await canSeeYoungPerson(db, user, person, today)) visible.push(person);
  return visible;
}

/** Only staff of the young person's area may change their record. */
export function canChangeYoungPerson(user: SessionUser, person: YoungPerson): boolean {
  return (STAFF_ROLES as readonly string[]).includes(user.role) && user.areaId === person.areaId;
}

/**
 * The pathways a user may record events on, of a young person's plan they can see: staff of
 * the area, every one; another agency's staff, those their agency leads a step of (a school
 * the education steps, children's health the health transition…) within what the young
 * person shares with them; anyone else, none.
 */
export async function recordablePathways(
  db: PrismaClient,
  access: RecordAccess & { user: SessionUser },
): Promise<Pathway[]> {
  const { user, person, parts } = access;
  if (canChangeYoungPerson(user, person)) return [...PATHWAYS];
  const agency = isContributorRole(user.role) && user.agencyId ? await findAgency(db, user.agencyId) : null;
  if (!agency) return [];
  const led = pathwaysLedBy(RULE_PACKS[person.jurisdiction as Jurisdiction], agency.type);
  return PATHWAYS.filter((pathway) => led.has(pathway) && pathwayVisible(parts, pathway));
}

/** Fails with `forbidden`, saying why, unless the user may record this event (see `recordablePathways`). */
export async function requireMayRecord(db: PrismaClient, access: RequestRecord, eventType: string): Promise<void> {
  const pathway = isEventType(eventType) ? pathwayOfEvent(eventType) : 'all';
  const mayRecord: readonly string[] = await recordablePathways(db, access);
  // An event for every pathway (a death, a move away) is the area's staff's to record.
  const allowed = pathway === 'all' ? canChangeYoungPerson(access.user, access.person) : mayRecord.includes(pathway);
  if (!allowed || !eventVisible(access.parts, eventType))
    throw new AppError(
      'forbidden',
      'Only the agency that leads this part of the plan, or the council’s staff, can record this.',
      { field: 'event.type' },
    );
}

/**
 * Loads a young person the user may see, or fails with not found (never "forbidden": that
 * would tell a stranger that the record exists).
 */
export async function youngPersonFor(
  db: PrismaClient,
  user: SessionUser,
  id: string,
  today: string,
  mode: 'read' | 'change' = 'read',
): Promise<YoungPerson> {
  const person = await findYoungPerson(db, id);
  if (!person || !(await canSeeYoungPerson(db, user, person, today)))
    throw new AppError('not_found', 'No such young person.');
  if (mode === 'change' && !canChangeYoungPerson(user, person))
    throw new AppError('forbidden', 'Only staff of this young person’s area can change their record.');
  return person;
}

/** A young person's record as one caller may have it: the record, and the parts of it they may see. */
export type RecordAccess = { person: YoungPerson; parts: VisibleParts };

/**
 * The one decision of what a caller may see of a young person: whether they may see the
 * record at all (by role and relationship, `canSeeYoungPerson`), and then which parts of it
 * (`visibleParts`). Every route, export and feed about one young person starts here and
 * shapes its answer with the functions in `sharing.ts`.
 */
export async function recordFor(
  db: PrismaClient,
  user: SessionUser,
  id: string,
  today: string,
  mode: 'read' | 'change' = 'read',
): Promise<RecordAccess> {
  const person = await youngPersonFor(db, user, id, today, mode);
  return { person, parts: await visibleParts(db, user, person.id) };
}

/** What a handler about one young person works with: the record and its visible parts, the caller, the services and the service's day. */
export type RequestRecord = RecordAccess & { user: SessionUser; services: AppServices; day: string };

/**
 * The young person a request is about, loaded once with the caller's access (`recordFor`
 * with the request's user, database and day): the first line of every handler about one
 * young person.
 */
export async function recordOfRequest(
  c: Context<AppEnv>,
  id: string,
  mode: 'read' | 'change' = 'read',
): Promise<RequestRecord> {
  const services = c.get('services');
  const user = signedInUser(c);
  const day = today(services);
  return { ...(await recordFor(services.db, user, id, day, mode)), user, services, day };
}

/**
 * The parts of a record (that the user may see at all) they may see: all of it, except for
 * other agencies (adult services and contributors), who see only what the young person agreed
 * to share with their agency.
 */
export async function visibleParts(db: PrismaClient, user: SessionUser, youngPersonId: string): Promise<VisibleParts> {
  if (user.role !== 'adult_services' && !isContributorRole(user.role)) return ALL_PARTS;
  return scopesSharedWith(db, youngPersonId, user.agencyId ?? NOWHERE);
}

const PART_NAMES: Record<SharingScope, string> = {
  handover: 'their handover',
  plan: 'their plan',
  health: 'their health information',
  goals: 'their goals',
};

/** Fails with `forbidden`, saying which part was not agreed, unless the user may see it. */
export function requirePart(parts: VisibleParts, part: SharingScope): void {
  if (!parts.has(part))
    throw new AppError('forbidden', `The young person has not agreed to share ${PART_NAMES[part]} with your service.`);
}

/**
 * The local areas whose directory, forecast and lists a user works in: each council is a
 * tenant. Staff, agencies and commissioners: their own area (none, if they have none); a
 * young person: their record's; a parent or carer: their children's; the installation's
 * administrator, who belongs to no area, every area (null).
 */
export async function areasOf(db: PrismaClient, user: SessionUser): Promise<string[] | null> {
  if (user.areaId) return [user.areaId];
  switch (user.role) {
    case 'administrator':
      return null;
    case 'young_person':
      return (await ownRecord(db, user.youngPersonId)).map((person) => person.areaId);
    case 'parent_carer':
      return [...new Set((await youngPeopleLinkedToCarer(db, user.id)).map((person) => person.areaId))];
    default:
      return [];
  }
}

/**
 * A lookup whose "not found" is told in the caller's own words (no such review, document,
 * conversation…): a record the caller may not see is never revealed to exist behind it.
 */
export async function notFoundAs<T>(lookup: Promise<T>, notFound: () => AppError): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound();
    throw error;
  }
}
