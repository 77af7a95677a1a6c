import { AppError, findHandover, type HandoverWithParties, type PrismaClient, type SessionUser } from '@pathways/db';
import { STAFF_ROLES, visibleParts } from '../access.ts';
import type { VisibleParts } from '../sharing.ts';

/**
 * A handover the user may see, with the parts of the young person's record they may see: staff
 * of the young person's area, or the adult services it was sent to (an agency of that area),
 * while the young person agrees to share the handover with them.
 */
export async function handoverFor(
  db: PrismaClient,
  user: SessionUser,
  id: string,
): Promise<{ handover: HandoverWithParties; parts: VisibleParts }> {
  const handover = await findHandover(db, id);
  const isStaff =
    (STAFF_ROLES as readonly string[]).includes(user.role) && handover?.youngPerson.areaId === user.areaId;
  const isReceiver =
    user.role === 'adult_services' &&
    handover?.toAgencyId === user.agencyId &&
    handover.status !== 'draft' &&
    handover.toAgency.areaId === handover.youngPerson.areaId;
  if (!handover || !(isStaff || isReceiver)) throw new AppError('not_found', 'No such handover.');
  const parts = await visibleParts(db, user, handover.youngPersonId);
  if (!parts.has('handover')) throw new AppError('not_found', 'No such handover.');
  return { handover, parts };
}
