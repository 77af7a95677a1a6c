import type { BlockList } from 'node:net';
import { resolve } from 'node:path';
import { trustedProxies } from './auth/client-address.ts';
import { DEFAULT_IDLE_MINUTES } from '@pathways/db';
import { DEFAULT_CODE_SYSTEM_BASE } from './fhir/plan-bundle.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from './service-day.ts';
import type { JobSettings } from './jobs/scheduler.ts';
import { DEFAULT_WEB_ROOT } from './web-app.ts';

export type Config = {
  port: number;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  /** Mark cookies Secure. On unless SECURE_COOKIES=false, which is for plain HTTP on this machine only. */
  secureCookies: boolean;
  /** Seed the demo (accounts with a published password) into an empty database. */
  demoData: boolean;
  /** Staff must use a second factor (STAFF_TWO_FACTOR): always, except in the demo unless asked. */
  staffTwoFactor: boolean;
  /** The address people use (PUBLIC_URL), when known: links in e-mails, the origin writes must come from. */
  publicUrl: string | null;
  trustedProxies: BlockList;
  sessionIdleMinutes: number;
  /** The service's time zone: when "today" turns over. */
  timeZone: string;
  /** The base of the FHIR export's code-system URLs. */
  fhirCodeSystemBase: string;
  /** The built web app to serve beside the API. */
  webRoot: string;
  /** How long a computed commissioning forecast is reused, in seconds. */
  forecastCacheSeconds: number;
  /** A local offer feed may be on a private network (OFFER_FEEDS_ON_PRIVATE_NETWORK=true). */
  offerFeedsOnPrivateNetwork: boolean;
  /** The scheduled jobs (reminders, retention, reminder e-mails). */
  jobs: JobSettings;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Configuration from the environment, read once at start-up; a bad value stops the server
 * with a message naming the variable.
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65_535)
    throw new ConfigError('PORT', `"${portText}" is not a port number (1–65535)`);

  let database: Config['database'];
  if (env.DATABASE_URL) {
    let url: URL;
    try {
      url = new URL(env.DATABASE_URL);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a URL; expected postgres://user:password@host:5432/database');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
      throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, not ${url.protocol}//`);
    database = { kind: 'postgres', url: env.DATABASE_URL };
  } else {
    const dataDir = env.DATA_DIR ?? './data';
    if (dataDir.trim() === '') throw new ConfigError('DATA_DIR', 'must not be empty');
    database = { kind: 'pglite', dataDir: resolve(dataDir) };
  }

  const secure = env.SECURE_COOKIES;
  if (secure !== undefined && secure !== 'true' && secure !== 'false')
    throw new ConfigError('SECURE_COOKIES', 'must be true or false');
  // Demo accounts have a published password: only on request. The README's `npm start` asks for
  // `embedded` (the demo on the embedded database only), so a DATABASE_URL server never gets it by default.
  const demo = env.DEMO_DATA || 'false';
  if (!['true', 'false', 'embedded'].includes(demo))
    throw new ConfigError('DEMO_DATA', 'must be true, false or embedded');
  const demoData = demo === 'true' || (demo === 'embedded' && database.kind === 'pglite');
  const twoFactor = env.STAFF_TWO_FACTOR;
  if (twoFactor !== undefined && twoFactor !== 'true' && twoFactor !== 'false')
    throw new ConfigError('STAFF_TWO_FACTOR', 'must be true or false');
  // Only the demo, whose passwords are published anyway, may let staff in on a password alone.
  if (twoFactor === 'false' && !demoData)
    throw new ConfigError(
      'STAFF_TWO_FACTOR',
      'can be false only for the demo (DEMO_DATA); staff must use a second factor',
    );
  const staffTwoFactor = twoFactor === undefined ? !demoData : twoFactor === 'true';
  const publicUrl = env.PUBLIC_URL?.replace(/\/$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl))
    throw new ConfigError('PUBLIC_URL', 'must start with http:// or https://, e.g. https://pathways.example.gov.uk');
  if (secure === 'false' && publicUrl?.startsWith('https://'))
    throw new ConfigError('SECURE_COOKIES', 'cannot be false when PUBLIC_URL is https://');
  let proxies: BlockList;
  try {
    proxies = trustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    throw new ConfigError(
      'TRUSTED_PROXIES',
      `${(error as Error).message}; expected addresses or CIDR ranges, comma-separated`,
    );
  }
  const fhirCodeSystemBase =
    env.FHIR_CODE_SYSTEM_BASE?.replace(/\/$/, '') || (publicUrl ? `${publicUrl}/fhir` : DEFAULT_CODE_SYSTEM_BASE);
  if (!/^https?:\/\/[^/]+/.test(fhirCodeSystemBase))
    throw new ConfigError('FHIR_CODE_SYSTEM_BASE', 'must start with http:// or https://');
  const timeZone = env.SERVICE_TIME_ZONE || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone))
    throw new ConfigError(
      'SERVICE_TIME_ZONE',
      `"${timeZone}" is not a time zone; expected a name such as Europe/London or Europe/Copenhagen`,
    );
  const sessionIdleMinutes = wholeNumber(env, 'SESSION_IDLE_MINUTES', DEFAULT_IDLE_MINUTES, 5, 480);
  const webRoot = env.WEB_ROOT ?? DEFAULT_WEB_ROOT;
  if (webRoot.trim() === '') throw new ConfigError('WEB_ROOT', 'must not be empty');
  const forecastCacheSeconds = wholeNumber(env, 'FORECAST_CACHE_SECONDS', 60, 0, 86_400);
  const intervalSeconds = wholeNumber(env, 'JOBS_INTERVAL_SECONDS', 300, 0, 86_400);
  const retentionYears = wholeNumber(env, 'RETENTION_YEARS', 6, 1, 100);
  // New messages wait this long, so one e-mail tells of several (0: at the next tick).
  const messageEmailMinutes = wholeNumber(env, 'MESSAGE_EMAIL_MINUTES', 15, 0, 1440);
  let mail: JobSettings['mail'] = null;
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
    mail = { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? 'Pathways <no-reply@pathways.invalid>', publicUrl };
  }
  return {
    port,
    database,
    secureCookies: secure !== 'false',
    demoData,
    staffTwoFactor,
    publicUrl,
    trustedProxies: proxies,
    sessionIdleMinutes,
    fhirCodeSystemBase,
    webRoot: resolve(webRoot),
    forecastCacheSeconds,
    offerFeedsOnPrivateNetwork: env.OFFER_FEEDS_ON_PRIVATE_NETWORK === 'true',
    timeZone,
    jobs: {
      intervalMs: intervalSeconds * 1000,
      retentionYears,
      timeZone,
      sessionIdleMinutes,
      mail,
      messageEmailMinutes,
    },
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
  const text = env[variable] ?? String(fallback);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new ConfigError(variable, `"${text}" is not a whole number from ${min} to ${max}`);
  return Number(text);
}
