import type { PrismaClient } from '@pathways/db';
import type { SessionUser } from './auth/sessions.ts';
import type { Logger } from './logger.ts';

/** What every request handler can reach. */
export type AppServices = {
  db: PrismaClient;
  logger: Logger;
  /** The clock is injected so tests can pin "today". */
  now: () => Date;
  secureCookies: boolean;
  /** How long a computed commissioning forecast is reused (default 60 s; 0: only shared while computing). */
  forecastCacheMs?: number;
};

export type AppEnv = {
  Variables: {
    services: AppServices;
    user: SessionUser | null;
    csrfToken: string | null;
    sessionToken: string | null;
  };
};

/** Today's calendar date (UTC) as ISO. */
export function today(services: AppServices): string {
  return services.now().toISOString().slice(0, 10);
}
