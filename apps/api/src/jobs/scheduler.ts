import { runPurge, runReminders, runReplan, runRetention, type PrismaClient } from '@pathways/db';
import type { Logger } from '../logger.ts';
import { serviceDay } from '../service-day.ts';
import { sendReminderEmails, type MailSettings } from './email-reminders.ts';
import { sendMessageNotices } from './message-notices.ts';

export type JobSettings = {
  /** How often each process looks for due work; 0 turns the jobs off in this process. */
  intervalMs: number;
  retentionYears: number;
  /** The service's time zone: each daily job runs for the service's day. */
  timeZone: string;
  /** Sessions idle this long are purged (as they are refused). */
  sessionIdleMinutes: number;
  mail: MailSettings | null;
  /** How long a new message waits before the e-mail telling of it (and of any that follow). */
  messageEmailMinutes?: number;
};

/**
 * The scheduled jobs, in every API process: each tick runs today's re-plan, reminders, retention and purge
 * (each at most once a day across all processes, see `runDailyJob`) and sends pending
 * reminder e-mails (claimed row by row, so never twice). Nothing is kept in memory between
 * ticks: a process that dies loses nothing, and any other process picks the work up.
 */
export function startJobs(options: {
  db: PrismaClient;
  logger: Logger;
  now: () => Date;
  settings: JobSettings;
  /** Sends the review letters owed (invitations, cancellations, advice reminders and chasers). */
  sendReviewLetters?: () => Promise<number>;
  /**
   * More work on each tick, each counting what it did: referral letters owed, the local offer
   * feeds due today. A failure is logged and the work left for the next tick.
   */
  alsoOnEachTick?: readonly { name: string; run: () => Promise<number> }[];
}): {
  tick: () => Promise<void>;
  stop: () => void;
} {
  let running: Promise<void> | null = null;
  const tick = async () => {
    const today = serviceDay(options.now(), options.settings.timeZone);
    for (const [job, run] of [
      // First, so today's reminders and caseload read plans made with today's rules.
      ['replan', () => runReplan({ db: options.db, today })],
      ['reminders', () => runReminders({ db: options.db, today })],
      ['retention', () => runRetention({ db: options.db, today, retentionYears: options.settings.retentionYears })],
      [
        'purge',
        () => runPurge({ db: options.db, today, now: options.now(), idleMinutes: options.settings.sessionIdleMinutes }),
      ],
    ] as const) {
      try {
        const result = await run();
        if (result.ran) options.logger.info('job ran', { job, day: today, ...result.summary });
      } catch (error) {
        options.logger.error('job failed', { job, day: today, error: String(error) });
      }
    }
    if (options.settings.mail) {
      try {
        const sent = await sendReminderEmails(options.db, options.settings.mail, options.now());
        if (sent.messages > 0) options.logger.info('reminder e-mails sent', sent);
      } catch (error) {
        options.logger.error('reminder e-mails failed', { error: String(error) });
      }
      try {
        const told = await sendMessageNotices(
          options.db,
          options.settings.mail,
          options.now(),
          options.settings.messageEmailMinutes ?? 15,
        );
        if (told > 0) options.logger.info('message e-mails sent', { people: told });
      } catch (error) {
        options.logger.error('message e-mails failed', { error: String(error) });
      }
    }
    const more = [
      ...(options.sendReviewLetters ? [{ name: 'review e-mails', run: options.sendReviewLetters }] : []),
      ...(options.alsoOnEachTick ?? []),
    ];
    for (const work of more) {
      try {
        const done = await work.run();
        if (done > 0) options.logger.info(`${work.name} done`, { count: done });
      } catch (error) {
        options.logger.error(`${work.name} failed`, { error: String(error) });
      }
    }
  };
  const guardedTick = () => (running ??= tick().finally(() => (running = null)));
  if (options.settings.intervalMs <= 0) return { tick: guardedTick, stop: () => {} };
  void guardedTick();
  const timer = setInterval(() => void guardedTick(), options.settings.intervalMs);
  timer.unref();
  return { tick: guardedTick, stop: () => clearInterval(timer) };
}
