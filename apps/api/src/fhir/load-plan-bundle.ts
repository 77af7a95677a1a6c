import {
  audit,
  engineEventOf,
  gatherPlanExport,
  profileOf,
  type Actor,
  type PrismaClient,
  type YoungPerson,
} from '@pathways/db';
import { buildPlan } from '@pathways/engine';
import type { Bundle } from 'fhir/r4';
import type { AppServices } from '../app-env.ts';
import { documentsWithin } from '../documents/document-access.ts';
import { planWithin, scopesSharedWith, type VisibleParts } from '../sharing.ts';
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
  options: { handoverId?: string; codeSystemBase?: string; documentUrl?: (id: string) => string } = {},
): Promise<Bundle> {
  const { handoverId, codeSystemBase, documentUrl } = options;
  const sources = await gatherPlanExport(db, person, { withGoals: parts.has('goals'), handoverId });
  const plan = planWithin(buildPlan(profileOf(person), sources.events.map(engineEventOf), { asOf: today }), parts);
  // A handover lists the documents shared with the agency it goes to, whoever reads it.
  const documentParts = sources.handover ? await scopesSharedWith(db, person.id, sources.handover.toAgencyId) : parts;
  const documents = documentUrl
    ? (await documentsWithin(db, person, documentParts)).map((document) => ({
        document,
        url: documentUrl(document.id),
      }))
    : [];
  return planBundle({ person, plan, ...sources, documents, generatedAt: now, codeSystemBase });
}

/**
 * The FHIR export one caller asked for, audited as an export: of the young person's plan, or
 * of the handover it goes with. Both export routes answer with this.
 */
export async function exportPlanBundle(
  services: AppServices,
  actor: Actor,
  access: { person: YoungPerson; parts: VisibleParts; day: string; handoverId?: string; origin: string },
): Promise<Bundle> {
  const { person, parts, day, handoverId, origin } = access;
  const bundle = await loadPlanBundle(services.db, person, parts, day, services.now(), {
    handoverId,
    codeSystemBase: services.fhirCodeSystemBase,
    documentUrl: (id) => `${origin}/api/documents/${id}/content`,
  });
  await audit(services.db, actor, {
    action: 'export',
    entityType: handoverId ? 'Handover' : 'Plan',
    entityId: handoverId ?? person.id,
    youngPersonId: person.id,
    detail: { format: 'fhir' },
  });
  return bundle;
}
