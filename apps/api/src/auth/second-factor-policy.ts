import { hasSecondFactor, type SessionStage } from '@pathways/db';
import type { AppServices } from '../app-env.ts';

/** Young people and their families are offered a second factor; everyone else must use one. */
const FAMILY_ROLES = new Set(['young_person', 'parent_carer']);

export function mustUseSecondFactor(services: AppServices, role: string): boolean {
  return !FAMILY_ROLES.has(role) && services.requireStaffSecondFactor !== false;
}

/**
 * Where a sign-in with a right password stands: a person with a second factor must give it;
 * staff without one must set one up before anything else; anyone else is signed in.
 */
export async function stageAfterPassword(
  services: AppServices,
  user: { id: string; role: string },
): Promise<SessionStage> {
  if (await hasSecondFactor(services.db, user.id)) return 'second_factor';
  return mustUseSecondFactor(services, user.role) ? 'enrol' : 'complete';
}
