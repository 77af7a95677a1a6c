import { claimOfferFeedsDue } from '@pathways/db';
import type { AppServices } from '../app-env.ts';
import { serviceDay } from '../service-day.ts';
import { fetchAndImport } from './offer-import.ts';

/** The UTC instant a service day starts at, near enough: a feed fetched since then was fetched "today". */
function startOfServiceDay(now: Date, timeZone: string | undefined): Date {
  const day = serviceDay(now, timeZone);
  let start = new Date(`${day}T00:00:00Z`);
  // Step back to the first instant that is still the same service day (time zones run to ±14 h).
  while (serviceDay(new Date(start.getTime() - 3_600_000), timeZone) === day)
    start = new Date(start.getTime() - 3_600_000);
  while (serviceDay(start, timeZone) !== day) start = new Date(start.getTime() + 3_600_000);
  return start;
}

/**
 * Fetches every saved local offer feed not yet fetched today (each claimed by one process), and
 * imports it as the system. A feed that fails is recorded as failed on it (its administrator
 * sees why) and tried again tomorrow.
 */
export async function fetchOfferFeedsDue(services: AppServices): Promise<number> {
  const now = services.now();
  const due = await claimOfferFeedsDue(services.db, now, startOfServiceDay(now, services.timeZone));
  let fetched = 0;
  for (const feed of due) {
    try {
      await fetchAndImport(services, { userId: null, role: 'system' }, feed.areaId, feed.url);
      fetched += 1;
    } catch (error) {
      services.logger.error('local offer feed failed', { areaId: feed.areaId, error: String(error) });
    }
  }
  return fetched;
}
