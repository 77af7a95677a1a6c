import type { BlockList } from 'node:net';
import type { PrismaClient, SessionStage, SessionUser } from '@pathways/db';
import type { Logger } from './logger.ts';
import type { ReviewMailer } from './reviews/review-mailer.ts';
import { serviceDay } from './service-day.ts';

/** What every request handler can reach. */
export type AppServices = {
  db: PrismaClient;
  logger: Logger;
  /** The clock is injected so tests can pin "today". */
  now: () => Date;
  /** The service's time zone (SERVICE_TIME_ZONE): its midnight is when "today" turns over. Default Europe/London. */
  timeZone?: string;
  secureCookies: boolean;
  /** The origin browsers see (from PUBLIC_URL) when it differs from the one requests arrive at, behind a proxy. */
  publicOrigin?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none: the socket's peer is the client. */
  trustedProxies?: BlockList;
  /** Minutes without a request after which a session ends (default 30). */
  sessionIdleMinutes?: number;
  /** Tells an account holder something about their account by e-mail (a run of failed sign-ins); none without SMTP. */
  tellAccountHolder?: (to: { email: string; name: string }, subject: string, text: string) => Promise<void>;
  /** Sends review invitations, cancellations and advice letters by e-mail; none: nobody is e-mailed (the worker sends links by hand). */
  reviewMailer?: ReviewMailer;
  /**
   * Staff must sign in with a second factor (an authenticator app or a passkey). On unless
   * STAFF_TWO_FACTOR=false, which only the demo on the embedded database may use.
   */
  requireStaffSecondFactor?: boolean;
  /** The database holds the demo accounts, whose password is published: every page says so. */
  holdsDemoAccounts?: boolean;
  /** The base of the FHIR export's own code-system URLs (FHIR_CODE_SYSTEM_BASE, else PUBLIC_URL/fhir). */
  fhirCodeSystemBase?: string;
  /** How long a computed commissioning forecast is reused (default 60 s; 0: only shared while computing). */
  forecastCacheMs?: number;
  /** A local offer's feed may be on a private network address (OFFER_FEEDS_ON_PRIVATE_NETWORK=true): a council's own, or a test's. */
  offerFeedsOnPrivateNetwork?: boolean;
};

export type AppEnv = {
  Variables: {
    services: AppServices;
    user: SessionUser | null;
    /** A sign-in part-way through: its person and what it still needs (a second factor, or setting one up). */
    pending: { user: SessionUser; stage: Exclude<SessionStage, 'complete'> } | null;
    csrfToken: string | null;
    sessionToken: string | null;
  };
};

/** Today's calendar date where the service is (its time zone), as ISO. */
export function today(services: AppServices): string {
  return serviceDay(services.now(), services.timeZone);
}
