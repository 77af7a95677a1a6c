/**
 * `npm start`: reads configuration, opens the database (embedded PGlite in DATA_DIR, or the
 * PostgreSQL at DATABASE_URL), applies pending migrations, seeds the demo when the database
 * is empty, and serves the API. SIGTERM/SIGINT stop accepting connections, finish requests
 * in flight, then close the database.
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import {
  DataFolderError,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  holdsDemoAccounts,
  MigrationError,
  openDatabase,
  seedEmptyDatabase,
  type Database,
} from '@pathways/db';
import { createApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { hashPassword } from './auth/passwords.ts';
import { accountMailer } from './jobs/account-mail.ts';
import { sendReviewLetters } from './reviews/review-mail.ts';
import { demoReviewMailer, smtpReviewMailer } from './reviews/review-mailer.ts';
import type { AppServices } from './app-env.ts';
import { startJobs } from './jobs/scheduler.ts';
import { fetchOfferFeedsDue } from './local-offer/offer-feeds.ts';
import { sendReferralLetters } from './local-offer/referral-mail.ts';
import { serviceDay } from './service-day.ts';
import { jsonLogger } from './logger.ts';
import { answerBackupRequests } from './ops/embedded-backup.ts';

const logger = jsonLogger();

async function main() {
  const config = readConfig(process.env);
  const database = await openDatabase(config.database);
  logger.info('database ready', { kind: database.kind, migrationsApplied: database.migrations.applied });
  const now = () => new Date();
  if (config.demoData) await seedDemo(database, serviceDay(now(), config.timeZone));
  const demo = await holdsDemoAccounts(database.prisma);
  if (demo)
    logger.warn('this database holds the demo accounts, whose password is published: never put real information in it');

  // A running server is the only one that may open its embedded database: it makes the backups.
  const stopAnsweringBackups =
    config.database.kind === 'pglite'
      ? answerBackupRequests(
          config.database.dataDir,
          (file) => database.backup(file),
          (message, fields) => logger.info(message, fields),
        )
      : () => {};

  let isReady = true;
  const services: AppServices = {
    db: database.prisma,
    logger,
    now,
    timeZone: config.timeZone,
    secureCookies: config.secureCookies,
    publicOrigin: config.publicUrl ? new URL(config.publicUrl).origin : undefined,
    trustedProxies: config.trustedProxies,
    sessionIdleMinutes: config.sessionIdleMinutes,
    fhirCodeSystemBase: config.fhirCodeSystemBase,
    requireStaffSecondFactor: config.staffTwoFactor,
    // Without SMTP, the demo shows its account e-mails (invitations, resets) in the server's output.
    tellAccountHolder: config.jobs.mail ? accountMailer(config.jobs.mail) : demo ? showDemoMail : undefined,
    holdsDemoAccounts: demo,
    forecastCacheMs: config.forecastCacheSeconds * 1000,
    // Without SMTP, the demo shows its review e-mails too; a real deployment without SMTP e-mails nobody.
    reviewMailer: config.jobs.mail ? smtpReviewMailer(config.jobs.mail) : demo ? demoReviewMailer() : undefined,
    offerFeedsOnPrivateNetwork: config.offerFeedsOnPrivateNetwork,
  };
  const app = createApp(services, { isReady: () => isReady, webRoot: config.webRoot });
  // Review letters (advice reminders and chasers fall due by the day) go out on each tick too.
  const jobs = startJobs({
    db: database.prisma,
    logger,
    now,
    settings: config.jobs,
    sendReviewLetters: () => sendReviewLetters(services, config.publicUrl ?? `http://localhost:${config.port}`),
    alsoOnEachTick: [
      { name: 'referral e-mails', run: () => sendReferralLetters(services) },
      { name: 'local offer feeds', run: () => fetchOfferFeedsDue(services) },
    ],
  });
  if (!existsSync(`${config.webRoot}/index.html`))
    logger.warn('web app not built: serving the API only', {
      webRoot: config.webRoot,
      fix: 'npm run build -w @pathways/web',
    });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    logger.info('listening', { port: info.port });
    const url = `http://localhost:${info.port}`;
    const demoSignIns = demo
      ? `  Demo sign-ins (password "${DEMO_PASSWORD}"):\n${DEMO_ACCOUNTS.map((account) => `    ${account.role.padEnd(18)} ${account.email}`).join('\n')}\n`
      : '';
    process.stderr.write(`\nPathways is running at ${url}\n  API reference: ${url}/api/docs\n${demoSignIns}\n`);
  });

  const shutDown = (signal: string) => {
    if (!isReady) return;
    isReady = false;
    logger.info('shutting down', { signal });
    jobs.stop();
    stopAnsweringBackups();
    server.close(() => {
      void database.close().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error('could not close the database', { error: String(error) });
          process.exit(1);
        },
      );
    });
    // Keep-alive connections would hold close() open: ask idle ones to go.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutDown('SIGTERM'));
  process.on('SIGINT', () => shutDown('SIGINT'));
}

/** The demo's account e-mails, written to the terminal (they hold links: never for a real deployment). */
function showDemoMail(to: { email: string; name: string }, subject: string, text: string): Promise<void> {
  process.stderr.write(`\n--- E-mail to ${to.name} <${to.email}>: ${subject}\n${text}---\n`);
  return Promise.resolve();
}

/** Seeds the demo into an empty database (see `seedEmptyDatabase`), and says how long it took. */
async function seedDemo(database: Database, today: string) {
  const started = Date.now();
  const seeded = await seedEmptyDatabase(database, today, await hashPassword(DEMO_PASSWORD));
  if (seeded) logger.info('demo data seeded', { ...seeded, ms: Date.now() - started });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DataFolderError) {
    logger.error(error.message, { name: error.name });
    process.stderr.write(`\nPathways cannot start: ${error.message}\n`);
  } else {
    logger.error('start-up failed', { error: error instanceof Error ? error.stack : String(error) });
  }
  process.exit(1);
});
