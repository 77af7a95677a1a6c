import { audit, importLocalOffer, recordOfferFetch, type OfferImportCounts, type PrismaClient } from '@pathways/db';
import type { AppServices } from '../app-env.ts';
import { fetchOffer } from './fetch-feed.ts';
import type { OfferNote, ReadOffer, SkippedService } from './oruk.ts';

/** What a load of a local offer did, for the administrator: counts, and each record skipped, changed on the way in, or refused. */
export type ImportReport = OfferImportCounts & {
  servicesRead: number;
  skipped: SkippedService[];
  warnings: OfferNote[];
  problems: OfferNote[];
};

/** Imports what was read and says what happened; audited. */
export async function importRead(
  db: PrismaClient,
  actor: { userId: string | null; role: string },
  areaId: string,
  offer: ReadOffer,
  source: string,
): Promise<ImportReport> {
  const counts = await importLocalOffer(db, areaId, {
    services: offer.services.map((read) => read.service),
    inactiveIds: offer.inactiveIds,
  });
  const report = {
    servicesRead: offer.services.length,
    ...counts,
    skipped: offer.skipped,
    warnings: offer.warnings,
    problems: offer.problems,
  };
  await audit(db, actor, {
    action: 'import',
    entityType: 'Service',
    detail: {
      source,
      areaId,
      ...counts,
      skipped: offer.skipped.length,
      warnings: offer.warnings.length,
      problems: offer.problems.length,
    },
  });
  return report;
}

/** Fetches a feed and imports it, recording the outcome on the area's saved feed. */
export async function fetchAndImport(
  services: AppServices,
  actor: { userId: string | null; role: string },
  areaId: string,
  url: string,
): Promise<ImportReport & { pages: number }> {
  try {
    const offer = await fetchOffer(url, { allowPrivate: services.offerFeedsOnPrivateNetwork ?? false });
    const report = { ...(await importRead(services.db, actor, areaId, offer, url)), pages: offer.pages };
    await recordOfferFetch(services.db, areaId, services.now(), {
      ok: true,
      pages: report.pages,
      servicesRead: report.servicesRead,
      servicesCreated: report.servicesCreated,
      servicesUpdated: report.servicesUpdated,
      servicesUnchanged: report.servicesUnchanged,
      servicesWithdrawn: report.servicesWithdrawn,
      skipped: report.skipped.length,
      warnings: report.warnings.length,
      problems: report.problems.length,
    });
    return report;
  } catch (error) {
    await recordOfferFetch(services.db, areaId, services.now(), { ok: false, message: (error as Error).message });
    throw error;
  }
}
