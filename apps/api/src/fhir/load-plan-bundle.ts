import { engineEventOf, gatherPlanExport, profileOf, type PrismaClient, type YoungPerson } from '@pathways/db';
import { buildPlan } from '@pathways/engine';
import type { Bundle } from 'fhir/r4';
import { planWithin, type VisibleParts } from '../sharing.ts';
import { planBundle } from './plan-bundle.ts';

/**
 * Gathers what the FHIR export of one young person's plan (or a handover of it) needs, within
 * the parts the caller may see: no CarePlan of a pathway outside them, no Goals without `goals`.
 */
export async function loadPlanBundle(
  db: PrismaClient,
  person: YoungPerson,
  parts: VisibleParts,
  today: string,
  now: Date,
  options: { handoverId?: string; codeSystemBase?: string } = {},
): Promise<Bundle> {
  const { handoverId, codeSystemBase } = options;
  const sources = await gatherPlanExport(db, person, { withGoals: parts.has('goals'), handoverId });
  const plan = planWithin(buildPlan(profileOf(person), sources.events.map(engineEventOf), { asOf: today }), parts);
  return planBundle({ person, plan, ...sources, generatedAt: now, codeSystemBase });
}
