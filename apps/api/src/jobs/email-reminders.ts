import { sendUnsentReminders, type PrismaClient, type UnsentReminder } from '@pathways/db';
import nodemailer from 'nodemailer';

/** Notices about reviews: meetings, advice and the actions agreed there. */
const REVIEW_NOTICES = new Set(['review_invitation', 'advice_late', 'action_assigned', 'action_late']);

export type MailSettings = { smtpUrl: string; from: string; publicUrl: string | null };

/**
 * Sends the e-mail copies of new reminders: one message per person with the number of new
 * reminders and a link, never a name or a date (e-mail is not a safe place for a child's
 * details). The batch is claimed and marked sent by `sendUnsentReminders`, so two API
 * processes never send the same reminder and a failed send is retried by the next run.
 */
export async function sendReminderEmails(
  db: PrismaClient,
  mail: MailSettings,
  now: Date,
): Promise<{ messages: number; reminders: number }> {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  let messages = 0;
  try {
    const reminders = await sendUnsentReminders(db, now, async (pending) => {
      const byUser = new Map<string, UnsentReminder[]>();
      for (const row of pending) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      for (const rows of byUser.values()) {
        const first = rows[0] as UnsentReminder;
        const late = rows.filter((row) => row.kind === 'overdue').length;
        const newWorker = rows.filter((row) => row.kind === 'named_worker').length;
        const reviews = rows.filter((row) => REVIEW_NOTICES.has(row.kind)).length;
        const opened = rows.length - late - newWorker - reviews;
        const lines = [
          `Hello ${first.name},`,
          '',
          `You have ${rows.length} new reminder${rows.length === 1 ? '' : 's'} in Pathways:`,
          ...(late > 0 ? [`- ${late} milestone${late === 1 ? ' is' : 's are'} now late`] : []),
          ...(opened > 0 ? [`- ${opened} milestone${opened === 1 ? ' has' : 's have'} reached the time to start`] : []),
          ...(newWorker > 0 ? ['- a new named worker will help with the plan (sign in to see who)'] : []),
          ...(reviews > 0
            ? [`- ${reviews} about a review meeting: an invitation, late advice or an action agreed there`]
            : []),
          '',
          mail.publicUrl ? `Sign in to see them: ${mail.publicUrl}/notifications` : 'Sign in to Pathways to see them.',
        ];
        await transport.sendMail({
          from: mail.from,
          to: first.email,
          subject: 'New reminders in Pathways',
          text: lines.join('\n'),
        });
      }
      messages = byUser.size;
    });
    return { messages, reminders };
  } finally {
    transport.close();
  }
}
